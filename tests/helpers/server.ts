import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import type { TestApp } from './app'

export type Listening = { url: string; close: () => Promise<void> }

// The test app on a real socket, mounted under /api as api/server.ts mounts it; port 0 picks a free port.
export function listen(t: TestApp): Promise<Listening> {
  const root = new Hono()
  root.route('/api', t.app)
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: root.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      resolve({
        url: `http://127.0.0.1:${info.port}/api`,
        close: () => new Promise<void>((done) => {
          if ('closeAllConnections' in server) server.closeAllConnections()
          server.close(() => done())
        }),
      })
    })
    server.once('error', reject)
  })
}

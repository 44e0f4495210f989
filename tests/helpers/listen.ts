import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { createRoot } from '../../api/root'
import type { TestApp } from './app'

export type Listening = { url: string; close: () => Promise<void> }

// The test app on a real loopback socket, through the same root as api/server.ts; port 0 picks a free port.
export function listen(t: TestApp): Promise<Listening> {
  const root = createRoot(t.app, '/nonexistent-web-root')
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: root.fetch, port: 0, hostname: '127.0.0.1' }, () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://127.0.0.1:${port}/api`,
        close: () => new Promise<void>((done) => {
          if ('closeAllConnections' in server) server.closeAllConnections()
          server.close(() => done())
        }),
      })
    })
    server.once('error', reject)
  })
}

import { serve, type ServerType } from '@hono/node-server'
import { createRoot } from '../../api/root'
import type { AddressInfo } from 'node:net'
import type { TestApp } from './app'

// Serves the test app on a real loopback port under /api, as api/server.ts does.
export async function listen(t: TestApp): Promise<{ url: string; close: () => Promise<void> }> {
  const root = createRoot(t.app, '/nonexistent-web-root')
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: root.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/api`,
    close: () => new Promise((resolve) => {
      if ('closeAllConnections' in server) server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}

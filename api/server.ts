import { serve } from '@hono/node-server'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '../db/open-store'
import { seedDatabase } from './seed'
import { createApp } from './app'
import { createRoot } from './root'
import { loadEnv } from './env'
import { startSweeper } from './services/sweeper'

const env = loadEnv()
// From api/server.ts (tsx) or from the built dist/server/server.js, the web app is dist/web.
const webRoot = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../dist/web' : '../web', import.meta.url))
let ready = false

// Migrate and seed before the port opens, so /api/health answers 200 only when the data is there. On
// PostgreSQL several servers may start at once: migrations and the seed run once, under a lock.
const database = await openDatabase(env)
const boardReads = database.dialect === 'pg' ? (await import('../db/pg')).openPg(env.DATABASE_URL!, { max: env.DATABASE_READ_POOL }) : undefined
const { app: api, deps, close } = createApp({ ...(database.dialect === 'pg' ? { pg: database.pg, pgReads: boardReads } : { db: database.sqlite }), env, isReady: () => ready })
const root = createRoot(api, webRoot)
const seeded = await seedDatabase(deps.store, env, deps.clock.now())
const stopSweeper = startSweeper({ store: deps.store, clock: deps.clock })
ready = true

const hostname = env.HOST ?? (env.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1')
const server = serve({ fetch: root.fetch, port: env.PORT, hostname }, (info) => {
  const url = `http://${hostname === '0.0.0.0' ? '127.0.0.1' : hostname}:${info.port}`
  // Hosts and database only: a multi-host URL is no WHATWG URL, and the password stays out of the log.
  const where = database.dialect === 'pg' ? `PostgreSQL ${env.DATABASE_URL!.replace(/^[a-z]+:\/\/([^@/]*@)?/, '').replace(/\?.*$/, '')}` : env.DATABASE_PATH
  console.log(`hoithi đang chạy tại ${url} (cơ sở dữ liệu: ${where})`)
  for (const line of seeded.messages) console.log(line)
})

async function shutdown() {
  stopSweeper()
  server.close()
  await close().catch(() => undefined)
  await boardReads?.$client.end().catch(() => undefined)
  await database.close().catch(() => undefined)
  process.exit(0)
}
process.on('SIGINT', () => void shutdown())
process.on('SIGTERM', () => void shutdown())

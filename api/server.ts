import { serve } from '@hono/node-server'
import { fileURLToPath } from 'node:url'
import { openDb } from '../db/client'
import { migrateDb } from '../db/migrate'
import { seedDatabase } from './seed'
import { createApp } from './app'
import { createRoot } from './root'
import { loadEnv } from './env'
import { startSweeper } from './services/sweeper'

const env = loadEnv()
const webRoot = fileURLToPath(new URL('../dist/web', import.meta.url))
let ready = false

const db = openDb(env.DATABASE_PATH)
const { app: api, deps } = createApp({ db, env, isReady: () => ready })

const root = createRoot(api, webRoot)

// Migrate and seed before the port opens, so /api/health answers 200 only when the data is there.
migrateDb(db)
const seeded = await seedDatabase(db, env, deps.clock.now())
const stopSweeper = startSweeper({ store: deps.store, clock: deps.clock })
ready = true

const hostname = env.HOST ?? (env.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1')
const server = serve({ fetch: root.fetch, port: env.PORT, hostname }, (info) => {
  const url = `http://${hostname === '0.0.0.0' ? '127.0.0.1' : hostname}:${info.port}`
  console.log(`hoithi đang chạy tại ${url} (cơ sở dữ liệu: ${env.DATABASE_PATH})`)
  for (const line of seeded.messages) console.log(line)
})

function shutdown() {
  stopSweeper()
  deps.standings.close()
  server.close()
  db.$client.close()
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)

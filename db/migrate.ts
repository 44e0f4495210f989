import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { fileURLToPath } from 'node:url'
import type { Db } from './client'

// A built server (dist/server/*.js, see vite.config.ts) reads them from the sources' folder.
const migrationsFolder = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './migrations' : '../../db/migrations', import.meta.url))

export function migrateDb(db: Db): void {
  migrate(db, { migrationsFolder })
}

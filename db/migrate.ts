import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { fileURLToPath } from 'node:url'
import type { Db } from './client'

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

export function migrateDb(db: Db): void {
  migrate(db, { migrationsFolder })
}

import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { fileURLToPath } from 'node:url'
import { openDb, type Db } from './client'

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

export function migrateDb(db: Db): void {
  migrate(db, { migrationsFolder })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { loadEnv } = await import('../api/env')
  migrateDb(openDb(loadEnv().DATABASE_PATH))
  console.log('migrated')
}

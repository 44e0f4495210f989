import { openDb, type Db } from '../../db/client'
import { migrateDb } from '../../db/migrate'

// A real SQLite database in memory with the real migrations applied.
export function memoryDb(): Db {
  const db = openDb(':memory:')
  migrateDb(db)
  return db
}

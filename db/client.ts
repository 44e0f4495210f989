import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import * as schema from './schema'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

// WAL with synchronous=NORMAL survives a process crash (kill -9) while keeping commits cheap.
export function openDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new Database(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  return drizzle({ client: sqlite, schema, casing: 'snake_case' }) as Db
}

// better-sqlite3's own transaction: synchronous, nests as savepoints, and the same `db` is used inside,
// so services compose without passing a transaction handle around.
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.$client.transaction(fn)()
}

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>()

// better-sqlite3 compiles SQL on every prepare(); this keeps one compiled statement per text and connection.
export function prepared(db: Db, text: string): Database.Statement {
  let cache = statementCache.get(db.$client)
  if (!cache) statementCache.set(db.$client, (cache = new Map()))
  let stmt = cache.get(text)
  if (!stmt) cache.set(text, (stmt = db.$client.prepare(text)))
  return stmt
}

// The same, answering each row as an array. Cached apart: raw() changes a statement for every caller, so
// calling it on one from prepared() would turn another module's rows into arrays.
export function preparedRaw(db: Db, text: string): Database.Statement {
  let cache = statementCache.get(db.$client)
  if (!cache) statementCache.set(db.$client, (cache = new Map()))
  const key = `raw\0${text}`
  let stmt = cache.get(key)
  if (!stmt) cache.set(key, (stmt = db.$client.prepare(text).raw(true)))
  return stmt
}

import { openDb, type Db } from './client'
import { GroupCommit } from './group-commit'
import { migrateDb } from './migrate'
import type { PgDb } from './pg'
import { PgStore, SqliteStore, type Store } from './store'

export type DatabaseEnv = { DATABASE_URL?: string; DATABASE_PATH: string; DATABASE_POOL?: number }

// The database the environment names, migrated: PostgreSQL when DATABASE_URL is set, else the SQLite file.
export type OpenedDatabase = { dialect: 'sqlite'; sqlite: Db; pg?: undefined; close(): Promise<void> }
  | { dialect: 'pg'; pg: PgDb; sqlite?: undefined; close(): Promise<void> }

export type OpenedStore = OpenedDatabase & { store: Store }

export async function openDatabase(env: DatabaseEnv): Promise<OpenedDatabase> {
  if (env.DATABASE_URL) {
    // Loaded only here: the PostgreSQL driver and its drizzle dialect take some 0.25 s to load (measured),
    // which a SQLite server's start would pay for nothing.
    const { migratePg, openPg } = await import('./pg')
    const pg = openPg(env.DATABASE_URL, { max: env.DATABASE_POOL })
    try {
      await migratePg(pg)
    } catch (err) {
      await pg.$client.end()
      throw err
    }
    return { dialect: 'pg', pg, close: () => pg.$client.end() }
  }
  const sqlite = openDb(env.DATABASE_PATH)
  try {
    migrateDb(sqlite)
  } catch (err) {
    sqlite.$client.close()
    throw err
  }
  return { dialect: 'sqlite', sqlite, close: async () => void sqlite.$client.close() }
}

// For the scripts and the seed. The server builds its own store, with a group commit that tells the
// standings after each commit.
export async function openStore(env: DatabaseEnv): Promise<OpenedStore> {
  const opened = await openDatabase(env)
  return opened.dialect === 'pg'
    ? { ...opened, store: new PgStore(opened.pg) }
    : { ...opened, store: new SqliteStore(opened.sqlite, new GroupCommit(opened.sqlite)) }
}

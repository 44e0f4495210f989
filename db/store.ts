import type { Db } from './client'
import type { GroupCommit } from './group-commit'
import type { PgDb } from './pg'
import { runPg } from './pg-runner'
import type { Dialect, Program } from './program'
import { transaction } from './program'
import { runSqlite } from './sqlite-runner'

// Where the engine's programs run (db/program.ts): the embedded SQLite file, or a PostgreSQL database
// shared by several servers. Routes read and write through it and never ask which one it is.
export interface Store {
  readonly dialect: Dialect
  // Runs outside any transaction: each statement sees what is committed when it runs.
  read<T>(program: Program<T>): Promise<T>
  // Runs as one transaction. On SQLite it joins the group commit of this turn of the event loop (a
  // savepoint in the batch's transaction) and is answered after the COMMIT.
  write<T>(program: () => Program<T>): Promise<T>
  // Runs `body` holding a named lock across every server of the database, for work longer than one
  // transaction (a finalize); undefined, without running it, when the name is held already. It also holds
  // the `hold` keys for the duration, waiting first for transactions that have them (lock(key)); those
  // that come later wait for body to end. On SQLite, one process: an in-process name, and nothing to hold.
  exclusive<T>(name: string, body: () => Promise<T>, hold?: string[]): Promise<T | undefined>
}

// Names held by exclusive() on each SQLite database: one process owns the file, so memory suffices.
const held = new WeakMap<Db, Set<string>>()

export class SqliteStore implements Store {
  readonly dialect = 'sqlite' as const
  constructor(readonly db: Db, private writes: GroupCommit) {}

  async exclusive<T>(name: string, body: () => Promise<T>): Promise<T | undefined> {
    let names = held.get(this.db)
    if (!names) held.set(this.db, (names = new Set()))
    if (names.has(name)) return undefined
    names.add(name)
    try {
      return await body()
    } finally {
      names.delete(name)
    }
  }

  read<T>(program: Program<T>): Promise<T> {
    try {
      return Promise.resolve(runSqlite(this.db, program))
    } catch (err) {
      return Promise.reject(err)
    }
  }

  // The group commit already runs each job in its own savepoint: no second one here.
  write<T>(program: () => Program<T>): Promise<T> {
    return this.writes.run(() => runSqlite(this.db, program()))
  }
}

export class PgStore implements Store {
  readonly dialect = 'pg' as const
  // afterCommit: told after each write commits, as the SQLite group commit tells its own. reads: a pool
  // of its own for what runs outside a transaction, so that reads (a session, a board) never queue behind
  // a burst of writes holding every connection of the first; what a read sees is committed either way.
  constructor(readonly db: PgDb, private afterCommit?: () => void, private reads: PgDb = db) {}

  read<T>(program: Program<T>): Promise<T> {
    return runPg(this.reads.$client, program)
  }

  async write<T>(program: () => Program<T>): Promise<T> {
    const result = await runPg(this.db.$client, transaction(program))
    this.afterCommit?.()
    return result
  }

  // Session-level advisory locks on a connection kept aside for the duration, in the key space lock()
  // uses: transactions taking a held key elsewhere wait until body ends. Body must not take a held key
  // itself (its statements run on other connections of the pool and would wait for this one).
  async exclusive<T>(name: string, body: () => Promise<T>, hold: string[] = []): Promise<T | undefined> {
    const conn = await this.db.$client.reserve()
    try {
      const [{ got }] = await conn`SELECT pg_try_advisory_lock(hashtextextended(${name}, 0)) AS got`
      if (!got) return undefined
      try {
        for (const key of hold) await conn`SELECT pg_advisory_lock(hashtextextended(${key}, 0))`
        return await body()
      } finally {
        await conn`SELECT pg_advisory_unlock_all()`
      }
    } finally {
      conn.release()
    }
  }
}

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
}

export class SqliteStore implements Store {
  readonly dialect = 'sqlite' as const
  constructor(readonly db: Db, private writes: GroupCommit) {}

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
  constructor(readonly db: PgDb) {}

  read<T>(program: Program<T>): Promise<T> {
    return runPg(this.db.$client, program)
  }

  write<T>(program: () => Program<T>): Promise<T> {
    return runPg(this.db.$client, transaction(program))
  }
}

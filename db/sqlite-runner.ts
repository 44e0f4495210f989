import { prepared, type Db } from './client'
import { drive, type Op, type Program } from './program'

type Transact = (body: () => Program<unknown>) => unknown
// One transaction function per connection: better-sqlite3 builds a wrapper per transaction() call, which
// costs more than a small write itself; called inside another, it runs as a savepoint.
const transactions = new WeakMap<Db, Transact>()

function transact(db: Db): Transact {
  let fn = transactions.get(db)
  if (!fn) transactions.set(db, (fn = db.$client.transaction((body: () => Program<unknown>) => runSqlite(db, body())) as Transact))
  return fn
}

// Runs a program on SQLite synchronously: each step is answered before the next one starts, so nothing
// else runs between them (db/program.ts). Transactions are better-sqlite3's own, savepoints when nested.
export function runSqlite<T>(db: Db, program: Program<T>): T {
  return drive(program, (op) => answer(db, op))
}

function answer(db: Db, op: Op): unknown {
  switch (op.kind) {
    case 'all': return prepared(db, op.sql).all(...op.params)
    case 'get': return prepared(db, op.sql).get(...op.params)
    case 'run': return { changes: prepared(db, op.sql).run(...op.params).changes }
    case 'transaction': return transact(db)(op.body)
    case 'lock': return undefined
    case 'dialect': return 'sqlite'
    case 'scope': return db
  }
}

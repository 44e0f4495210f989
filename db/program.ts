// Database programs: one code for both stores. A service that reads or writes the database is written as a
// generator that yields what it wants done (a query, a transaction, a lock) and receives the answer:
//
//   function* renameUnit(id: string, name: string): Program<number> {
//     const { changes } = yield* run('UPDATE units SET name = ? WHERE id = ?', name, id)
//     return changes
//   }
//
// The SQLite runner (db/sqlite-runner.ts) answers each step at once, so a program on SQLite runs from start
// to end synchronously: no other request's statement can run inside its transaction, and group commit
// stays. The PostgreSQL runner (db/pg-runner.ts) awaits each step on a pooled connection or inside
// BEGIN … COMMIT. This is the pattern of @babel/core's gensync: the same code, a synchronous and an
// asynchronous driver.
//
// SQL is written once with `?` placeholders, in the subset both dialects accept (no rowid, json_each,
// LIMIT -1 or INSERT OR IGNORE; aliases in "double quotes" when they are camelCase).

export type Row = Record<string, unknown>
export type RunResult = { changes: number }
export type Dialect = 'sqlite' | 'pg'

export type Op =
  | { kind: 'all' | 'get' | 'run'; sql: string; params: readonly unknown[] }
  | { kind: 'transaction'; body: () => Program<unknown> }
  | { kind: 'lock'; key: string }
  | { kind: 'dialect' }
  | { kind: 'scope' }

// The answer type of a step is checked where the helper below yields it; the runner sees `unknown`.
export type Program<T> = Generator<Op, T, any>

export function* all<T = Row>(sql: string, ...params: unknown[]): Program<T[]> {
  return yield { kind: 'all', sql, params }
}

export function* get<T = Row>(sql: string, ...params: unknown[]): Program<T | undefined> {
  return yield { kind: 'get', sql, params }
}

export function* run(sql: string, ...params: unknown[]): Program<RunResult> {
  return yield { kind: 'run', sql, params }
}

// Everything the body does commits together or not at all. Nested, it is a savepoint: a failure the outer
// program catches rolls back the inner part alone. A statement whose failure a program catches and goes on
// from (a unique key taken, say) must run in such a nested transaction: PostgreSQL refuses every further
// statement of a transaction after an error, where SQLite would go on.
export function* transaction<T>(body: () => Program<T>): Program<T> {
  return yield { kind: 'transaction', body }
}

// Serializes a check-then-act across servers until the enclosing transaction ends (PostgreSQL's
// transaction-level advisory lock on the key). SQLite has one writer at a time already: nothing to do.
export function* lock(key: string): Program<void> {
  yield { kind: 'lock', key }
}

// Which store runs the program, for the rare statement the two dialects spell differently.
export function* dialect(): Program<Dialect> {
  return yield { kind: 'dialect' }
}

// The database the program runs on, as an object to key caches by (a WeakMap): what a cache holds of one
// database must not answer for another (tests open many, a server one).
export function* scope(): Program<object> {
  return yield { kind: 'scope' }
}

// Drives a program whose steps an `answer` function performs synchronously (SQLite) or asynchronously
// (PostgreSQL): a step that throws is thrown into the program, which may catch it as it would a call.
export function drive<T>(program: Program<T>, answer: (op: Op) => unknown): T {
  let step = program.next()
  while (!step.done) {
    let value: unknown
    try {
      value = answer(step.value)
    } catch (err) {
      step = program.throw(err)
      continue
    }
    step = program.next(value)
  }
  return step.value
}

export async function driveAsync<T>(program: Program<T>, answer: (op: Op) => Promise<unknown>): Promise<T> {
  let step = program.next()
  while (!step.done) {
    let value: unknown
    try {
      value = await answer(step.value)
    } catch (err) {
      step = program.throw(err)
      continue
    }
    step = program.next(value)
  }
  return step.value
}

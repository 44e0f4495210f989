// Which store seam keeps SQLite fast (issue #13): the same small write (read an attempt item, update it, in
// one transaction) and the same read, done three ways on one SQLite file in WAL mode:
//   direct   - today's synchronous service code (prepared statements, better-sqlite3 transaction)
//   program  - a generator program driven synchronously by db/sqlite-runner.ts (the chosen seam)
//   async    - async services awaiting each statement, a transaction held by a promise-chain lock so that
//              no other request's statement runs inside it (the other design the issue names)
// Usage: node --import tsx bench/store-seam.ts [operations]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDb, prepared, type Db } from '../db/client'
import { get, run, transaction, type Program } from '../db/program'
import { runSqlite } from '../db/sqlite-runner'

const N = Number(process.argv[2] ?? 200_000)
const dir = mkdtempSync(join(tmpdir(), 'hoithi-seam-'))
const db = openDb(join(dir, 'seam.db'))
db.$client.exec('CREATE TABLE items (seq integer NOT NULL, position integer NOT NULL, choice text NOT NULL, answered_at integer, PRIMARY KEY (seq, position)) WITHOUT ROWID')
const fill = db.$client.prepare('INSERT INTO items VALUES (?, ?, ?, NULL)')
db.$client.transaction(() => { for (let s = 0; s < 5000; s++) for (let p = 1; p <= 20; p++) fill.run(s, p, '[]') })()

const READ = 'SELECT choice, answered_at FROM items WHERE seq = ? AND position = ?'
const WRITE = 'UPDATE items SET choice = ?, answered_at = ? WHERE seq = ? AND position = ?'
const key = (i: number) => [i % 5000, (i % 20) + 1] as const

const directTx = db.$client.transaction((d: Db, i: number) => {
  const [s, p] = key(i)
  const row = prepared(d, READ).get(s, p) as { choice: string } | undefined
  return prepared(d, WRITE).run(row ? '["A"]' : '[]', i, s, p).changes
})
const directSave = (d: Db, i: number) => directTx(d, i)

function* programSave(i: number): Program<number> {
  return yield* transaction(function* () {
    const [s, p] = key(i)
    const row = yield* get<{ choice: string }>(READ, s, p)
    return (yield* run(WRITE, row ? '["A"]' : '[]', i, s, p)).changes
  })
}

let tail: Promise<unknown> = Promise.resolve()
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const next = tail.then(fn, fn)
  tail = next.catch(() => undefined)
  return next
}
const q = {
  get: async (text: string, ...params: unknown[]) => prepared(db, text).get(...params),
  run: async (text: string, ...params: unknown[]) => prepared(db, text).run(...params),
}
function asyncSave(i: number): Promise<number> {
  return exclusive(async () => {
    db.$client.exec('BEGIN')
    try {
      const [s, p] = key(i)
      const row = await q.get(READ, s, p)
      const changes = (await q.run(WRITE, row ? '["A"]' : '[]', i, s, p)).changes
      db.$client.exec('COMMIT')
      return changes
    } catch (err) {
      db.$client.exec('ROLLBACK')
      throw err
    }
  })
}

async function time(name: string, body: () => Promise<void> | void): Promise<number> {
  await body() // warm-up pass, not counted
  const started = performance.now()
  await body()
  const ms = performance.now() - started
  console.log(`${name.padEnd(16)} ${Math.round(N / (ms / 1000)).toLocaleString('en-US').padStart(10)} ops/s`)
  return N / (ms / 1000)
}

const results: Record<string, number> = {}
results.directWrite = await time('direct write', () => { for (let i = 0; i < N; i++) directSave(db, i) })
results.programWrite = await time('program write', () => { for (let i = 0; i < N; i++) runSqlite(db, programSave(i)) })
// Requests arrive concurrently: 100 in flight at a time, as the HTTP benchmark's connections do.
results.asyncWrite = await time('async write', async () => {
  for (let i = 0; i < N; i += 100) await Promise.all(Array.from({ length: 100 }, (_, k) => asyncSave(i + k)))
})
results.directRead = await time('direct read', () => { for (let i = 0; i < N; i++) { const [s, p] = key(i); prepared(db, READ).get(s, p) } })
results.programRead = await time('program read', () => { for (let i = 0; i < N; i++) { const [s, p] = key(i); runSqlite(db, get(READ, s, p)) } })
results.asyncRead = await time('async read', async () => {
  for (let i = 0; i < N; i += 100) await Promise.all(Array.from({ length: 100 }, (_, k) => { const [s, p] = key(i + k); return exclusive(() => q.get(READ, s, p)) }))
})
const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)}%`
console.log(`program / direct: write ${pct(results.programWrite, results.directWrite)}, read ${pct(results.programRead, results.directRead)}`)
console.log(`async / direct:   write ${pct(results.asyncWrite, results.directWrite)}, read ${pct(results.asyncRead, results.directRead)}`)
db.$client.close()
rmSync(dir, { recursive: true, force: true })

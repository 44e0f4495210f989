import { describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../db/client'
import { GroupCommit } from '../../db/group-commit'

function notesDb(): Db {
  const db = openDb(':memory:')
  db.$client.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)')
  return db
}
const texts = (db: Db) => (db.$client.prepare('SELECT text FROM notes ORDER BY id').all() as { text: string }[]).map((r) => r.text)
// A clock that does not move, for the tests that count batches: the 4 ms budget runs on the real clock by
// default, and a loaded machine (two test workers, a browser) can spend that much between two jobs.
const still = { now: () => 0 }
const add = (db: Db, text: string) => () => db.$client.prepare('INSERT INTO notes (text) VALUES (?)').run(text).lastInsertRowid

describe('group commit', () => {
  it('runs the jobs of one turn in arrival order inside one transaction, each answered with its own result', async () => {
    const db = notesDb()
    const writes = new GroupCommit(db, still)
    const seenInside: boolean[] = []
    const results = await Promise.all(['a', 'b', 'c'].map((t) => writes.run(() => {
      seenInside.push(db.$client.inTransaction)
      return add(db, t)()
    })))
    expect(results.map(Number)).toEqual([1, 2, 3])
    expect(texts(db)).toEqual(['a', 'b', 'c'])
    expect(seenInside).toEqual([true, true, true])
    expect([writes.batches, writes.jobs]).toEqual([1, 3])
    expect(db.$client.inTransaction).toBe(false)
  })

  it('rolls back only the failing job: the others in its batch are kept and answered', async () => {
    const db = notesDb()
    const writes = new GroupCommit(db)
    const outcomes = await Promise.allSettled([
      writes.run(add(db, 'first')),
      writes.run(() => { add(db, 'half-done')(); throw new Error('refused after a write') }),
      writes.run(add(db, 'first')), // UNIQUE violation: a database error, also only its own
      writes.run(add(db, 'last')),
    ])
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled'])
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/refused after a write/)
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/)
    expect(texts(db)).toEqual(['first', 'last'])
  })

  it('answers nobody as done when the transaction itself is lost: the jobs it ran are refused and none of their writes kept', async () => {
    const db = notesDb()
    const writes = new GroupCommit(db, still)
    const outcomes = await Promise.allSettled([
      writes.run(add(db, 'kept only if the batch commits')),
      writes.run(() => { db.$client.exec('ROLLBACK'); throw new Error('the transaction ended under us') }),
      writes.run(add(db, 'waits for the next batch')), // never runs outside a transaction
    ])
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled'])
    expect(texts(db)).toEqual(['waits for the next batch'])
    expect([writes.batches, writes.jobs]).toEqual([2, 3])
  })

  it('splits a long queue into batches of at most maxBatch and still runs every job in order', async () => {
    const db = notesDb()
    const writes = new GroupCommit(db, { maxBatch: 4, ...still })
    const jobs = Array.from({ length: 10 }, (_, i) => writes.run(add(db, `n${i}`)))
    await Promise.all(jobs)
    expect(texts(db)).toEqual(Array.from({ length: 10 }, (_, i) => `n${i}`))
    expect([writes.batches, writes.jobs]).toEqual([3, 10])
  })

  it('ends a batch once it has run its time budget, so grouping adds little to any one write', async () => {
    const db = notesDb()
    let clock = 0
    const writes = new GroupCommit(db, { maxBatch: 64, budgetMs: 4, now: () => clock })
    const jobs = Array.from({ length: 7 }, (_, i) => writes.run(() => { clock += 3; return add(db, `slow${i}`)() })) // each job "takes" 3 ms
    await Promise.all(jobs)
    expect(texts(db)).toHaveLength(7)
    expect([writes.batches, writes.jobs]).toEqual([4, 7]) // 2 + 2 + 2 + 1: a job starts only while under 4 ms
  })

  it('lets a job use nested transactions of its own (services open them freely)', async () => {
    const db = notesDb()
    const writes = new GroupCommit(db)
    const [ok, bad] = await Promise.allSettled([
      writes.run(() => db.$client.transaction(() => { add(db, 'outer')(); db.$client.transaction(add(db, 'inner'))() })()),
      writes.run(() => db.$client.transaction(() => { add(db, 'gone')(); throw new Error('no') })()),
    ])
    expect([ok.status, bad.status]).toEqual(['fulfilled', 'rejected'])
    expect(texts(db)).toEqual(['outer', 'inner'])
  })
})

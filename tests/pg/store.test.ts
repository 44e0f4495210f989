import { afterAll, describe, expect, it } from 'vitest'
import { GroupCommit } from '../../db/group-commit'
import { get, lock, run, type Program } from '../../db/program'
import { PgStore, SqliteStore, type Store } from '../../db/store'
import { memoryDb } from '../helpers/db'
import { pgTestDb, type PgTestDb } from '../helpers/pg'

const opened: PgTestDb[] = []
afterAll(async () => { await Promise.all(opened.map((t) => t.drop())) })

const stores: [string, () => Promise<Store>][] = [
  ['SQLite', async () => { const db = memoryDb(); return new SqliteStore(db, new GroupCommit(db)) }],
  ['PostgreSQL', async () => { const t = await pgTestDb(); opened.push(t); return new PgStore(t.db) }],
]

function* addTwo(fail: boolean): Program<number> {
  yield* run("INSERT INTO contests (id, slug, title, created_at) VALUES ('a', 'a', 'A', 0)")
  yield* run("INSERT INTO contests (id, slug, title, created_at) VALUES ('b', 'b', 'B', 0)")
  if (fail) throw new Error('thôi')
  return 2
}
const count = () => get<{ n: number }>('SELECT count(*) AS "n" FROM contests')

describe.each(stores)('the %s store', (_name, open) => {
  it('writes a program as one transaction, and keeps nothing of one that throws; writes of one turn are answered each', async () => {
    const store = await open()
    await expect(store.write(() => addTwo(true))).rejects.toThrow('thôi')
    expect((await store.read(count()))!.n).toBe(0)
    const [ok, failed] = await Promise.allSettled([store.write(() => addTwo(false)), store.write(() => addTwo(false))])
    expect(ok).toEqual({ status: 'fulfilled', value: 2 })
    expect(failed.status).toBe('rejected') // the same keys again
    expect((await store.read(count()))!.n).toBe(2)
  })

  it('rejects a read that fails, never throws synchronously', async () => {
    const store = await open()
    const reading = store.read(get('SELECT * FROM no_such_table'))
    await expect(reading).rejects.toThrow(/no_such_table/)
  })
})

describe.each(stores)('exclusive work on the %s store', (_name, open) => {
  it('runs one holder of a name at a time and refuses the others without running them', async () => {
    const store = await open()
    let inside = 0
    let most = 0
    const work = () => store.exclusive('sweeper', async () => {
      most = Math.max(most, ++inside)
      await new Promise((r) => setTimeout(r, 50))
      inside--
      return 'done'
    })
    const outcomes = await Promise.all([work(), work(), work()])
    expect(outcomes.filter((o) => o === 'done')).toHaveLength(1)
    expect(outcomes.filter((o) => o === undefined)).toHaveLength(2)
    expect(most).toBe(1)
    expect(await work()).toBe('done')
  })
})

describe('exclusive work on PostgreSQL', () => {
  it('makes transactions that lock a held key wait until it ends', async () => {
    const t = await pgTestDb()
    opened.push(t)
    const store = new PgStore(t.db)
    const order: string[] = []
    const held = store.exclusive('finalize:r', async () => {
      await new Promise((r) => setTimeout(r, 150))
      order.push('finalize')
    }, ['round:r'])
    await new Promise((r) => setTimeout(r, 30))
    await store.write(function* () {
      yield* lock('round:r')
      order.push('judge')
    })
    await held
    expect(order).toEqual(['finalize', 'judge'])
  })
})

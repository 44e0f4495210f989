import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPg } from '../../db/pg'
import { runPg, toPgPlaceholders } from '../../db/pg-runner'
import { all, dialect, get, lock, run, transaction, type Program } from '../../db/program'
import { runSqlite } from '../../db/sqlite-runner'
import { memoryDb } from '../helpers/db'
import { pgTestDb, type PgTestDb } from '../helpers/pg'

// The same programs on both stores must answer alike (db/program.ts).
type Exec = <T>(program: Program<T>) => Promise<T>

const pg: { t?: PgTestDb } = {}
beforeAll(async () => { pg.t = await pgTestDb() })
afterAll(async () => { await pg.t?.drop() })

const stores: [string, () => Promise<Exec>][] = [
  ['SQLite', async () => { const db = memoryDb(); return async (p) => runSqlite(db, p) }],
  ['PostgreSQL', async () => { await pg.t!.db.$client.unsafe('TRUNCATE contests CASCADE'); return (p) => runPg(pg.t!.db.$client, p) }],
]

function* addContest(id: string, slug = id): Program<number> {
  return (yield* run("INSERT INTO contests (id, slug, title, created_at) VALUES (?, ?, 'Hội thi', ?)", id, slug, 1_700_000_000_000)).changes
}
const slugs = () => all<{ slug: string }>('SELECT slug FROM contests ORDER BY slug')

describe.each(stores)('programs on %s', (_name, open) => {
  it('read rows with quoted camelCase aliases, 0/1 flags and millisecond times as numbers', async () => {
    const exec = await open()
    expect(await exec(addContest('c1'))).toBe(1)
    const row = await exec(get<{ id: string; onePrize: number; createdAt: number }>('SELECT id, one_prize_per_person AS "onePrize", created_at AS "createdAt" FROM contests WHERE id = ?', 'c1'))
    expect(row).toEqual({ id: 'c1', onePrize: 0, createdAt: 1_700_000_000_000 })
    expect(await exec(get('SELECT id FROM contests WHERE id = ?', 'none'))).toBeUndefined()
    expect(await exec(get<{ q: string; v: number }>(`SELECT '?' AS "q", count(*) AS "v" FROM contests WHERE slug = ?`, 'c1'))).toEqual({ q: '?', v: 1 })
  })

  it('commits a transaction whole, and rolls it back whole when the program throws', async () => {
    const exec = await open()
    await exec(transaction(function* () { yield* addContest('a'); yield* addContest('b') }))
    await expect(exec(transaction(function* () {
      yield* addContest('c')
      throw new Error('không lưu')
    }))).rejects.toThrow('không lưu')
    expect((await exec(slugs())).map((r) => r.slug)).toEqual(['a', 'b'])
  })

  it('lets a program catch a failed nested transaction and go on with the outer one', async () => {
    const exec = await open()
    await exec(addContest('a', 'trung'))
    const outcome = await exec(transaction(function* () {
      yield* addContest('b', 'rieng')
      try {
        yield* transaction(() => addContest('c', 'trung'))
        return 'inserted'
      } catch {
        yield* addContest('d', 'thay-the')
        return 'recovered'
      }
    }))
    expect(outcome).toBe('recovered')
    expect((await exec(slugs())).map((r) => r.slug)).toEqual(['rieng', 'thay-the', 'trung'])
  })

  it('says which dialect runs it', async () => {
    const exec = await open()
    expect(await exec(dialect())).toBe(_name === 'SQLite' ? 'sqlite' : 'pg')
  })
})

describe('the PostgreSQL runner', () => {
  it('turns ? into numbered parameters, leaving quoted text alone', () => {
    expect(toPgPlaceholders(`SELECT '?', "a?b", x FROM t WHERE a = ? AND b IN (?, ?)`)).toBe(`SELECT '?', "a?b", x FROM t WHERE a = $1 AND b IN ($2, $3)`)
  })

  it('serializes a check-then-act across connections with lock(), which a storm without it breaks', async () => {
    const t = pg.t!
    await t.db.$client.unsafe('CREATE TABLE IF NOT EXISTS numbered (n integer PRIMARY KEY)')
    const servers = [openPg(t.url, { max: 5 }), openPg(t.url, { max: 5 })]
    const next = (guarded: boolean) => transaction(function* () {
      if (guarded) yield* lock('numbered')
      const { m } = (yield* get<{ m: number }>('SELECT coalesce(max(n), 0) AS m FROM numbered'))!
      yield* run('INSERT INTO numbered (n) VALUES (?)', m + 1)
      return m + 1
    })
    const storm = (guarded: boolean) => Promise.allSettled(Array.from({ length: 30 }, (_, i) => runPg(servers[i % 2].$client, next(guarded))))
    try {
      const guarded = await storm(true)
      expect(guarded.filter((r) => r.status === 'rejected')).toEqual([])
      expect(guarded.map((r) => (r as PromiseFulfilledResult<number>).value).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
      const unguarded = await storm(false)
      expect(unguarded.some((r) => r.status === 'rejected')).toBe(true)
      await expect(runPg(servers[0].$client, lock('outside'))).rejects.toThrow(/outside a transaction/)
    } finally {
      await Promise.all(servers.map((s) => s.$client.end()))
    }
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { changesSince, finishesSince, finishLogStart, logChange, logStart } from '../../api/standings/change-log'
import { openPg } from '../../db/pg'
import { runPg } from '../../db/pg-runner'
import { run, transaction, type Program } from '../../db/program'
import { runSqlite } from '../../db/sqlite-runner'
import { memoryDb } from '../helpers/db'
import { pgTestDb, type PgTestDb } from '../helpers/pg'

let t: PgTestDb | undefined
afterEach(async () => { await t?.drop(); t = undefined })

// A contest, a round and people with one attempt in progress each, in plain SQL (both dialects).
function* contestWithAttempts(people: number): Program<void> {
  yield* run("INSERT INTO contests (id, slug, title, status, created_at) VALUES ('c', 'c', 'Hội thi', 'published', 0)")
  yield* run(`INSERT INTO rounds (id, contest_id, number, title, opens_at, closes_at, question_count, time_limit_sec, blueprint, tiebreak, prizes, unit_prizes, grace_sec)
    VALUES ('r', 'c', 1, 'Tuần 1', 0, 9999999999999, 5, 600, '[]', '[]', '[]', '[]', 0)`)
  for (let i = 0; i < people; i++) {
    yield* run("INSERT INTO participants (id, full_name, name_folded, date_of_birth, phone, password_hash, consent_at, consent_version, created_at) VALUES (?, 'A', 'a', '1990-01-01', ?, 'x', 0, 'v1', 0)", `p${i}`, `09${i}`)
    yield* run("INSERT INTO attempts (id, round_id, participant_id, number, status, started_at, deadline_at) VALUES (?, 'r', ?, 1, 'in_progress', 0, 9999999999999)", `a${i}`, `p${i}`)
  }
}

// The finishing UPDATE as the attempt service writes it (finish_seq = max + 1; PostgreSQL's trigger renumbers).
const finish = (attemptId: string) => run(`UPDATE attempts SET status = 'submitted', score = 1, ended_at = 1,
  finish_seq = (SELECT coalesce(max(finish_seq), 0) + 1 FROM attempts) WHERE id = ? AND status = 'in_progress'`, attemptId)

describe('following the logs on PostgreSQL', () => {
  it('never skips a change whose transaction took its number first and committed last', async () => {
    t = await pgTestDb()
    const sql = t.db.$client
    const start = await runPg(sql, logStart())
    const late = await sql.reserve()
    try {
      await late.unsafe('BEGIN')
      await late.unsafe("INSERT INTO standings_changes (kind, round_id, at) VALUES ('round', 'late', 1)")
      await runPg(sql, transaction(() => logChange({ kind: 'bank' }, 2)))
      // A reader by number alone would now see only the later change, move past it, and never see 'late'.
      expect((await sql`SELECT seq, kind FROM standings_changes ORDER BY seq`).map((r) => r.kind)).toEqual(['bank'])
      const first = await runPg(sql, changesSince(start))
      expect(first.changes).toEqual([])
      await late.unsafe('COMMIT')
      const second = await runPg(sql, changesSince(first.position))
      expect(second.changes.map((c) => [c.kind, c.roundId])).toEqual([['round', 'late'], ['bank', null]])
      expect((await runPg(sql, changesSince(second.position))).changes).toEqual([])
    } finally {
      late.release()
    }
  })

  it('numbers finishes from several servers without a repeat, and reads a late finish late', async () => {
    t = await pgTestDb()
    const sql = t.db.$client
    await runPg(sql, transaction(() => contestWithAttempts(41)))
    const start = await runPg(sql, finishLogStart())
    const servers = [openPg(t.url, { max: 4 }), openPg(t.url, { max: 4 }), openPg(t.url, { max: 4 })]
    const late = await sql.reserve()
    try {
      await late.unsafe('BEGIN')
      await late.unsafe("UPDATE attempts SET status = 'submitted', finish_seq = 1 WHERE id = 'a40'")
      await Promise.all(Array.from({ length: 40 }, (_, i) => runPg(servers[i % 3].$client, transaction(() => finish(`a${i}`)))))
      const numbers = (await sql`SELECT finish_seq FROM attempts WHERE finish_seq IS NOT NULL`).map((r) => r.finish_seq as number)
      expect(new Set(numbers).size).toBe(40)
      const first = await runPg(sql, finishesSince(start))
      expect(first.rounds).toEqual([])
      await late.unsafe('COMMIT')
      const second = await runPg(sql, finishesSince(first.position))
      expect(second.rounds).toEqual([{ roundId: 'r', last: Math.max(...numbers, ...(await sql`SELECT finish_seq FROM attempts WHERE id = 'a40'`).map((r) => r.finish_seq as number)) }])
      expect((await sql`SELECT count(DISTINCT finish_seq) AS n, count(*) AS m FROM attempts WHERE finish_seq IS NOT NULL`)[0]).toEqual({ n: 41, m: 41 })
    } finally {
      late.release()
      await Promise.all(servers.map((s) => s.$client.end()))
    }
  })
})

describe('following the logs on SQLite', () => {
  it('reads by number: one writer hands numbers out in commit order', () => {
    const db = memoryDb()
    runSqlite(db, contestWithAttempts(3))
    const start = runSqlite(db, logStart())
    const finishStart = runSqlite(db, finishLogStart())
    runSqlite(db, transaction(function* () {
      yield* logChange({ kind: 'round', roundId: 'r' }, 1)
      yield* finish('a0')
      yield* finish('a1')
    }))
    const changes = runSqlite(db, changesSince(start))
    expect(changes.changes.map((c) => c.kind)).toEqual(['round'])
    expect(runSqlite(db, changesSince(changes.position)).changes).toEqual([])
    const finishes = runSqlite(db, finishesSince(finishStart))
    expect(finishes).toEqual({ rounds: [{ roundId: 'r', last: 2 }], position: 2 })
    expect(runSqlite(db, finishesSince(finishes.position)).rounds).toEqual([])
  })
})

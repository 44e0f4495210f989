import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../api/errors'
import { verifyChain } from '../../api/services/audit'
import { findAnswerTwins } from '../../api/services/answer-twins'
import { disqualifyParticipant, undoDisqualification } from '../../api/services/judging'
import { roundRow } from '../../api/services/round-view'
import { computeJudgeFlags } from '../../api/standings/judge-flags'
import type { RoundBoard } from '../../api/standings/round-board'
import { listUnitNames, listUnitRows } from '../../api/standings/unit-names'
import { openPg, type PgDb } from '../../db/pg'
import { runPg } from '../../db/pg-runner'
import { all, get, lock, run, transaction, type Program } from '../../db/program'
import { runSqlite } from '../../db/sqlite-runner'
import { memoryDb } from '../helpers/db'
import { pgTestDb, type PgTestDb } from '../helpers/pg'

type Exec = <T>(program: Program<T>) => Promise<T>
const JUDGE = { id: 'judge-1', role: 'judge' as const }
const T0 = 1_700_000_000_000
const ROUND = 'r1'

const opened: PgTestDb[] = []
const servers: PgDb[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.$client.end()))
  await Promise.all(opened.splice(0).map((t) => t.drop()))
})

async function pgStore(): Promise<{ t: PgTestDb; exec: Exec }> {
  const t = await pgTestDb()
  opened.push(t)
  return { t, exec: (p) => runPg(t.db.$client, p) }
}
const stores: [string, () => Promise<Exec>][] = [
  ['SQLite', async () => { const db = memoryDb(); return async (p) => runSqlite(db, p) }],
  ['PostgreSQL', async () => (await pgStore()).exec],
]

// Three servers on one database, each with its own small pool: programs spread over them run interleaved.
function threeServers(t: PgTestDb): Exec[] {
  const pools = [0, 1, 2].map(() => openPg(t.url, { max: 4 }))
  servers.push(...pools)
  return pools.map((s) => (p) => runPg(s.$client, p))
}

// A contest with one round and `people` participants p0…, all registered from one address a second apart.
function* seedRound(people: number): Program<void> {
  yield* run("INSERT INTO contests (id, slug, title, created_at) VALUES ('c1', 'c1', 'Hội thi', ?)", T0)
  yield* run(`INSERT INTO rounds (id, contest_id, number, title, opens_at, closes_at, question_count, time_limit_sec, blueprint, tiebreak, prizes, unit_prizes, grace_sec)
    VALUES (?, 'c1', 1, 'Tuần 1', ?, ?, 5, 600, '[]', '["duration"]', '[]', '[]', 0)`, ROUND, T0, T0 + 3600_000)
  yield* run("INSERT INTO units (id, contest_id, code, name, parent_id, headcount) VALUES ('u1', 'c1', 'A', 'Khối A', NULL, 10), ('u2', 'c1', 'A1', 'Lớp A1', 'u1', NULL)")
  for (let i = 0; i < people; i++) {
    const name = i < 2 ? 'nguyen van an' : `nguoi ${i}` // p0 and p1: one person registered twice?
    yield* run(`INSERT INTO participants (id, full_name, name_folded, date_of_birth, phone, password_hash, consent_at, consent_version, client_address, created_at)
      VALUES (?, ?, ?, '2000-01-01', ?, 'x', ?, 'v1', '10.0.0.1', ?)`, `p${i}`, `Người ${i}`, name, `09${String(i).padStart(8, '0')}`, T0, T0 + i * 1000)
    yield* run("INSERT INTO participant_units (participant_id, contest_id, unit_id) VALUES (?, 'c1', 'u2')", `p${i}`)
  }
}

function* addAttempt(n: number, participantId: string, status: string, durationMs: number, sig: string | null): Program<void> {
  yield* run(`INSERT INTO attempts (id, round_id, participant_id, number, status, started_at, deadline_at, ended_at, answer_sig)
    VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)`, `a${n}`, ROUND, participantId, status, T0, T0 + 600_000, status === 'in_progress' ? null : T0 + durationMs, sig)
}

const count = (sql: string, ...params: unknown[]) => get<{ n: number }>(sql, ...params)
const codeOf = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? (r.reason instanceof AppError ? r.reason.code : String(r.reason)) : 'ok')
// computeJudgeFlags caches by board and its version only; a stand-in board is enough for it.
const boardStandIn = (version: number) => ({ version }) as unknown as RoundBoard

describe.each(stores)('judging programs on %s', (_name, open) => {
  it('disqualify is idempotent for the same reason, audited once per change; undo removes it once; a finalized round refuses both', async () => {
    const exec = await open()
    await exec(transaction(() => seedRound(2)))
    expect(await exec(disqualifyParticipant(JUDGE, ROUND, 'p0', 'Khai sai', T0))).toBe(true)
    expect(await exec(disqualifyParticipant(JUDGE, ROUND, 'p0', 'Khai sai', T0 + 1))).toBe(false)
    expect(await exec(disqualifyParticipant(JUDGE, ROUND, 'p0', 'Hai tài khoản', T0 + 2))).toBe(true)
    expect(await exec(get('SELECT reason, "by", "at" FROM disqualifications WHERE participant_id = ?', 'p0'))).toEqual({ reason: 'Hai tài khoản', by: 'judge-1', at: T0 + 2 })
    await exec(undoDisqualification(JUDGE, ROUND, 'p0', T0 + 3))
    await expect(exec(undoDisqualification(JUDGE, ROUND, 'p0', T0 + 4))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(exec(disqualifyParticipant(JUDGE, ROUND, 'nobody', 'x', T0))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(exec(disqualifyParticipant(JUDGE, 'no-round', 'p0', 'x', T0))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await exec(all('SELECT action FROM audit_log ORDER BY seq'))).map((r) => r.action)).toEqual(['round.disqualify', 'round.disqualify', 'round.undisqualify'])
    expect((await exec(count("SELECT count(*) AS n FROM standings_changes WHERE kind = 'round'")))!.n).toBe(3)

    await exec(disqualifyParticipant(JUDGE, ROUND, 'p1', 'Khai sai', T0))
    await exec(run('UPDATE rounds SET finalized_at = ? WHERE id = ?', T0 + 5, ROUND))
    await expect(exec(disqualifyParticipant(JUDGE, ROUND, 'p0', 'Khai sai', T0 + 6))).rejects.toMatchObject({ code: 'CONFLICT' })
    await expect(exec(undoDisqualification(JUDGE, ROUND, 'p1', T0 + 6))).rejects.toMatchObject({ code: 'CONFLICT' })
  })
})

describe('judging reads on both stores', () => {
  // Two fast twins, one slower sheet with the same answers, a fast attempt, an unfinished one, a duplicate
  // person and a burst of registrations.
  function* seedFlags(): Program<void> {
    yield* seedRound(12)
    yield* addAttempt(1, 'p2', 'submitted', 60_000, 'S')
    yield* addAttempt(2, 'p3', 'expired', 62_000, 'S')
    yield* addAttempt(3, 'p4', 'submitted', 90_000, 'S')
    yield* addAttempt(4, 'p5', 'submitted', 10_000, 'T')
    yield* addAttempt(5, 'p6', 'in_progress', 0, null)
  }
  const read = (exec: Exec, board: RoundBoard) => Promise.all([
    exec(findAnswerTwins(ROUND)),
    exec(function* () { return yield* computeJudgeFlags(yield* roundRow(ROUND), board) }()),
    exec(listUnitRows('c1')).then((rows) => rows.sort((a, b) => a.id.localeCompare(b.id))),
    exec(listUnitNames('c1')),
  ])

  it('answer twins, judge flags and unit rows come out alike', async () => {
    const sqlite = memoryDb()
    runSqlite(sqlite, transaction(seedFlags))
    const { exec } = await pgStore()
    await exec(transaction(seedFlags))
    const onSqlite = await read(async (p) => runSqlite(sqlite, p), boardStandIn(1))
    const onPg = await read(exec, boardStandIn(1))
    expect(onPg).toEqual(onSqlite)

    const [twins, flags, units, names] = onPg
    expect(twins).toEqual(new Map([['p2', ['p3']], ['p3', ['p2']]]))
    expect(flags.get('p2')!.map((f) => f.kind)).toEqual(['registration_burst', 'identical_answers'])
    expect(flags.get('p2')!.at(-1)!.evidence).toContain('Người 3')
    expect(flags.get('p5')!.map((f) => f.kind)).toEqual(['fast_attempt', 'registration_burst'])
    expect(flags.get('p0')!.map((f) => f.kind)).toEqual(['likely_duplicate', 'registration_burst'])
    expect(flags.get('p6')!.map((f) => f.kind)).toEqual(['registration_burst'])
    expect(units).toEqual([{ id: 'u1', name: 'Khối A', parentId: null, headcount: 10 }, { id: 'u2', name: 'Lớp A1', parentId: 'u1', headcount: null }])
    expect(names).toEqual(new Map([['u1', 'Khối A'], ['u2', 'Lớp A1']]))
  })
})

describe('judging on PostgreSQL, written by three servers at once', () => {
  it('one person disqualified forty times at once: one row, one audit entry, one standings change', async () => {
    const { t, exec } = await pgStore()
    await exec(transaction(() => seedRound(1)))
    const on = threeServers(t)
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => on[i % 3](disqualifyParticipant(JUDGE, ROUND, 'p0', 'Khai sai', T0 + i))))
    expect(results.filter(Boolean)).toHaveLength(1)
    expect((await exec(count('SELECT count(*) AS n FROM disqualifications')))!.n).toBe(1)
    expect((await exec(count("SELECT count(*) AS n FROM audit_log WHERE action = 'round.disqualify'")))!.n).toBe(1)
    expect((await exec(count("SELECT count(*) AS n FROM standings_changes WHERE kind = 'round'")))!.n).toBe(1)
    expect(await exec(verifyChain())).toMatchObject({ ok: true, count: 1 })
  })

  it('disqualify and undo of one person interleaved: the audit log replays to the row that is left', async () => {
    const { t, exec } = await pgStore()
    await exec(transaction(() => seedRound(1)))
    const on = threeServers(t)
    const outcomes = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => on[i % 3]<unknown>(i % 2
      ? undoDisqualification(JUDGE, ROUND, 'p0', T0 + i)
      : disqualifyParticipant(JUDGE, ROUND, 'p0', 'Khai sai', T0 + i))))
    expect(outcomes.map(codeOf).filter((c) => c !== 'ok' && c !== 'NOT_FOUND')).toEqual([])
    // Each audited change must find the state the one before it left: no disqualify of the disqualified, no undo of nothing.
    const actions = (await exec(all<{ action: string }>('SELECT action FROM audit_log ORDER BY seq'))).map((r) => r.action)
    let disqualified = false
    for (const action of actions) {
      expect(action).toBe(disqualified ? 'round.undisqualify' : 'round.disqualify')
      disqualified = !disqualified
    }
    expect((await exec(count('SELECT count(*) AS n FROM disqualifications')))!.n).toBe(disqualified ? 1 : 0)
    expect(actions.filter((a) => a === 'round.undisqualify')).toHaveLength(outcomes.filter((r, i) => i % 2 && r.status === 'fulfilled').length)
    expect(await exec(verifyChain())).toMatchObject({ ok: true })
  })

  // Stands in for api/services/finalize.ts, which takes the same round lock: it reads the disqualifications,
  // takes its time ranking, and marks the round finalized.
  const finalizeStandIn = (now: number) => transaction(function* () {
    yield* lock(`round:${ROUND}`)
    if ((yield* roundRow(ROUND)).finalizedAt != null) throw new AppError('CONFLICT', 'Đợt thi đã được chốt.')
    const seen = yield* all<{ pid: string }>('SELECT participant_id AS pid FROM disqualifications WHERE round_id = ? ORDER BY participant_id', ROUND)
    yield* get('SELECT pg_sleep(0.05)')
    yield* run('UPDATE rounds SET finalized_at = ? WHERE id = ?', now, ROUND)
    return seen.map((r) => r.pid).sort()
  })

  it('disqualify and undo racing a finalize: the locked ranking sees every change that commits, the rest get 409', async () => {
    const { t, exec } = await pgStore()
    await exec(transaction(() => seedRound(40)))
    for (let i = 20; i < 40; i++) await exec(disqualifyParticipant(JUDGE, ROUND, `p${i}`, 'Khai sai', T0))
    const on = threeServers(t)
    const programs: Program<unknown>[] = Array.from({ length: 40 }, (_, i) => i < 20
      ? disqualifyParticipant(JUDGE, ROUND, `p${i}`, 'Hai tài khoản', T0 + 1)
      : undoDisqualification(JUDGE, ROUND, `p${i}`, T0 + 1))
    programs.splice(6, 0, finalizeStandIn(T0 + 2))
    const outcomes = await Promise.allSettled(programs.map((p, i) => on[i % 3](p)))
    const finalized = outcomes[6]
    expect(finalized.status).toBe('fulfilled')
    expect(outcomes.map(codeOf).filter((c) => c !== 'ok' && c !== 'CONFLICT')).toEqual([])
    expect(outcomes.map(codeOf)).toContain('CONFLICT') // the storm did reach past the finalize
    const left = (await exec(all<{ pid: string }>('SELECT participant_id AS pid FROM disqualifications ORDER BY participant_id'))).map((r) => r.pid).sort()
    expect((finalized as PromiseFulfilledResult<string[]>).value).toEqual(left)
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { predictionTruth } from '../../api/rules/prediction'
import { predictionError, rankAttempts } from '../../api/rules/ranking'
import type { PredictionTarget, RankedAttempt, TiebreakKey } from '../../api/rules/types'
import { unitTotalsOf } from '../../api/services/final-ranking'
import { roundRow } from '../../api/services/round-view'
import { all, get, run } from '../../db/program'
import { lockRankingProgram } from '../helpers/final-ranking'
import { testApp, type TestApp } from '../helpers/app'
import { setupContest, type Setup } from '../helpers/contest'

// Finished attempts with ties at every level: scores 0–2, start 0–2 s and end 1–2 s later (so durations tie
// while end times differ, and the other way round), predictions 0–4 or none.
const attemptArb = fc.record({
  person: fc.integer({ min: 0, max: 7 }),
  score: fc.integer({ min: 0, max: 2 }),
  start: fc.integer({ min: 0, max: 2 }),
  length: fc.integer({ min: 1, max: 2 }),
  prediction: fc.option(fc.integer({ min: 0, max: 4 })),
  expired: fc.boolean(),
})
const scenarioArb = fc.record({
  attempts: fc.array(attemptArb, { minLength: 1, maxLength: 24 }),
  tiebreak: fc.shuffledSubarray<TiebreakKey>(['prediction', 'duration', 'submittedAt']),
  target: fc.option(fc.constantFrom<PredictionTarget>('participants', 'perfect_scores', 'attempts')),
  disqualified: fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { maxLength: 2 }),
})
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never

// The people and their finished attempts written into the database as the server would have written them.
async function seedFinishes(t: TestApp, s: Setup, sc: Scenario): Promise<RankedAttempt[]> {
  const base = t.clock.now() - 50_000
  return t.store.write(function* () {
    for (let i = 0; i < 8; i++) {
      yield* run(`INSERT INTO participants (id, full_name, name_folded, date_of_birth, phone, password_hash, consent_at, consent_version, created_at)
        VALUES (?, ?, ?, '1990-01-01', ?, 'h', 0, 'v', 0)`, `p${i}`, `Người P${i}`, `nguoi p${i}`, `0911${String(i).padStart(6, '0')}`)
      yield* run('INSERT INTO participant_units (participant_id, contest_id, unit_id) VALUES (?, ?, ?)', `p${i}`, s.contestId, i % 2 ? s.unit.A1 : s.unit.B)
    }
    const counts = new Map<number, number>()
    const out: RankedAttempt[] = []
    for (const [i, a] of sc.attempts.entries()) {
      const number = (counts.get(a.person) ?? 0) + 1
      counts.set(a.person, number)
      const started = base + a.start * 1000
      const ended = started + a.length * 1000
      const prediction = a.expired ? null : a.prediction
      const pid = `p${a.person}`
      yield* run(`INSERT INTO attempts (id, round_id, participant_id, number, status, started_at, deadline_at, submitted_at, ended_at, prediction, score, max_score, correct_count, finish_seq)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2, ?, (SELECT coalesce(max(finish_seq), 0) + 1 FROM attempts))`,
      `a${i}`, s.roundId, pid, number, a.expired ? 'expired' : 'submitted', started, a.expired ? ended : ended + 60_000, a.expired ? null : ended, ended, prediction, a.score, a.score)
      const seq = (yield* get<{ seq: number }>('SELECT seq FROM attempts WHERE id = ?', `a${i}`))!.seq
      out.push({ attemptSeq: seq, participantId: pid, score: a.score, maxScore: 2, durationMs: ended - started, endedAt: ended, prediction })
    }
    return out
  })
}

const ids = (entries: { participantId: string }[]) => entries.map((e) => e.participantId)

// Every view of the round's order: the public board (memory, or the locked ranking), the judge's
// standings (ranked entries only), and the results CSV (by name: P3 is p3).
async function views(t: TestApp, s: Setup) {
  const publicBoard = await t.agent().get(`/rounds/${s.roundId}/leaderboard?limit=100`)
  const judge = await s.judge.get(`/admin/rounds/${s.roundId}/standings`)
  const csv = await s.judge.get(`/admin/rounds/${s.roundId}/results.csv`)
  expect([publicBoard.status, judge.status, csv.status]).toEqual([200, 200, 200])
  const lines = csv.text.split('\r\n')
  const csvRanked = lines.slice(1, lines.indexOf('')).map((line) => line.split(',')).filter((cells) => /^\d+$/.test(cells[0])) // the unit table follows a blank line
  return {
    publicBoard: ids(publicBoard.body.entries),
    publicRanks: publicBoard.body.entries.map((e: { rank: number }) => e.rank),
    judge: ids(judge.body.entries.filter((e: { disqualified: boolean }) => !e.disqualified)),
    judgeFinal: judge.body.final as boolean,
    csv: csvRanked.map((cells) => cells[1].replace('Người P', 'p')),
    judgeErrors: judge.body.entries.filter((e: { disqualified: boolean }) => !e.disqualified).map((e: { predictionError: number | null }) => e.predictionError),
  }
}

// The final ranking's SQL, run and rolled back: what a finalize would write now.
async function sqlRanking(t: TestApp, roundId: string, tiebreak: TiebreakKey[], target: PredictionTarget | null): Promise<string[]> {
  let rows: string[] = []
  try {
    await t.store.write(function* () {
      yield* lockRankingProgram(roundId, tiebreak, target)
      rows = (yield* all<{ participantId: string }>('SELECT participant_id AS "participantId" FROM final_standings WHERE round_id = ? AND generation = 0 ORDER BY rank', roundId)).map((r) => r.participantId)
      throw new Error('rollback')
    })
  } catch (err) {
    if ((err as Error).message !== 'rollback') throw err
  }
  return rows
}

describe('one ranking rule, one order everywhere', () => {
  it('board in memory, rankAttempts, the final ranking SQL, the judge, the results CSV and the public board agree, before and after finalize', async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, async (sc) => {
      const t = testApp()
      const s = await setupContest(t, {
        bank: { t1: 5 },
        round: { maxAttempts: null, tiebreak: sc.tiebreak, prediction: sc.target ? { enabled: true, target: sc.target } : { enabled: false }, prizes: [{ name: 'Giải Nhất', count: 1 }, { name: 'Giải Nhì', count: 2 }] },
      })
      const attempts = await seedFinishes(t, s, sc)
      for (const p of sc.disqualified) expect((await s.judge.post(`/admin/rounds/${s.roundId}/disqualify`, { participantId: `p${p}`, reason: 'Khai sai thông tin' })).status).toBe(200)
      const out = new Set(sc.disqualified.map((p) => `p${p}`))
      const counted = attempts.filter((a) => !out.has(a.participantId))

      const provisional = rankAttempts(counted, sc.tiebreak, null)
      const live = ids(provisional)
      const before = await views(t, s)
      expect(before.publicBoard).toEqual(live)
      expect(before.publicRanks).toEqual(live.map((_, i) => i + 1))
      expect(before.judge).toEqual(live)
      expect(before.judgeFinal).toBe(false)
      expect(before.csv).toEqual(live)
      expect(await sqlRanking(t, s.roundId, sc.tiebreak, null)).toEqual(live)
      // Unit totals read by SQL (unit prizes, and PostgreSQL's servers) equal the live board's.
      const round = await t.store.read(roundRow(s.roundId))
      const board = Object.fromEntries([...(await t.deps.standings.liveBoard(round)).direct].filter(([, d]) => d.participants > 0))
      expect(Object.fromEntries(await t.store.read(unitTotalsOf({ roundId: round.id, contestId: round.contestId, tiebreak: round.tiebreak })))).toEqual(board)

      t.clock.advance(25 * 3600_000)
      const truth = sc.target ? predictionTruth(sc.target, counted, new Set()) : null
      const ranked = rankAttempts(counted, sc.tiebreak, truth)
      const closed = await views(t, s) // closed, not finalized: the live order, with prediction errors
      expect(closed.judge).toEqual(live)
      expect(closed.judgeErrors).toEqual(provisional.map((e) => predictionError(e.prediction, truth)))

      const fin = await s.judge.post(`/admin/rounds/${s.roundId}/finalize`, {})
      expect(fin.status).toBe(200)
      expect(fin.body.predictionTruth).toBe(truth)
      const final = ids(ranked)
      const after = await views(t, s)
      expect(after.publicBoard).toEqual(final)
      expect(after.judge).toEqual(final)
      expect(after.judgeFinal).toBe(true)
      expect(after.judgeErrors).toEqual(ranked.map((e) => e.predictionError))
      expect(after.csv).toEqual(final)
      expect(await sqlRanking(t, s.roundId, sc.tiebreak, sc.target)).toEqual(final)
      expect(fin.body.prizes.map((p: { participantId: string }) => p.participantId)).toEqual(final.slice(0, 3))
    }), { numRuns: 30 })
  }, 120_000)
})

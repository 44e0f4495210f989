import type Database from 'better-sqlite3'
import type { Db } from '../../db/client'
import { all, get, run, type Program } from '../../db/program'
import { runSqlite } from '../../db/sqlite-runner'
import { roundSortKeys, sqlOrderBy } from '../rules/ranking'
import { isPerfectSql } from '../rules/scoring'
import type { PredictionTarget, TiebreakKey } from '../rules/types'
import { shiftUnit, type UnitDirect } from '../rules/units'

// The final ranking computed by the database's window functions, so ranking a round of a million attempts
// creates no object per attempt in SQL. Its ORDER BY is the round's order from api/rules/ranking.ts, over the
// columns of ELIGIBLE below.
const orderBy = (tiebreak: readonly TiebreakKey[], withPrediction: boolean) =>
  sqlOrderBy(roundSortKeys(tiebreak, withPrediction), { score: 'score', predictionError: 'perr', durationMs: 'dur', endedAt: 'endt', attemptSeq: 'seq' })

// The finished, not disqualified attempts of a round with the columns the order uses; `perr` is the
// prediction error against the truth (NULL without one). Positional parameters: eligibleParams().
const ELIGIBLE = `SELECT a.seq, a.participant_id, a.score, a.max_score, a.ended_at - a.started_at AS dur, a.ended_at AS endt,
    CASE WHEN a.prediction IS NULL OR CAST(? AS integer) IS NULL THEN NULL ELSE abs(a.prediction - CAST(? AS integer)) END AS perr
  FROM attempts a WHERE a.round_id = ? AND a.status <> 'in_progress'
    AND a.participant_id NOT IN (SELECT participant_id FROM disqualifications WHERE round_id = ?)`
const eligibleParams = (roundId: string, truth: number | null) => [truth, truth, roundId, roundId]

const truthSql = (target: PredictionTarget) => {
  const expr = target === 'participants' ? 'count(DISTINCT participant_id)'
    : target === 'attempts' ? 'count(*)'
    : `count(DISTINCT CASE WHEN ${isPerfectSql('score', 'max_score')} THEN participant_id END)`
  return `SELECT ${expr} AS "n" FROM (${ELIGIBLE}) e`
}

// Each person's best attempt by the round's order, best first, with how many attempts they finished and
// their unit in the contest (for the unit totals, summed in the same pass). Parameters: eligibleParams(),
// then the contest id.
const bestSql = (order: string) => `SELECT best.participant_id, best.seq, best.perr, best.score, best.max_score, best.n, pu.unit_id FROM (
    SELECT e.*, row_number() OVER (PARTITION BY participant_id ORDER BY ${order}) AS own, count(*) OVER (PARTITION BY participant_id) AS n
    FROM (${ELIGIBLE}) e
  ) best LEFT JOIN participant_units pu ON pu.participant_id = best.participant_id AND pu.contest_id = ?
  WHERE best.own = 1 ORDER BY ${order}`
type BestRow = [participantId: string, seq: number, perr: number | null, score: number, maxScore: number, attempts: number, unitId: string | null]

// Same targets as predictionTruth in api/rules/prediction.ts: disqualified people count toward nothing.
export function* predictionTruthOf(roundId: string, target: PredictionTarget): Program<number> {
  return (yield* get<{ n: number }>(truthSql(target), ...eligibleParams(roundId, null)))!.n
}

// SQLite bridge for the callers not yet written as programs (issue #13).
export const predictionTruthSql = (db: Db, roundId: string, target: PredictionTarget): number => runSqlite(db, predictionTruthOf(roundId, target))

// A round's ranking, best attempt per person in rank order: ids joined by newlines and typed arrays, so a
// million ranks cross from a worker thread cheaply. errors hold NaN where there is no prediction error.
export type RoundRanking = { truth: number | null; ids: string; seqs: Float64Array; errors: Float64Array; units: [string, UnitDirect][] }
export type RankingQuestion = { roundId: string; contestId: string; tiebreak: readonly TiebreakKey[]; target: PredictionTarget | null }

const grown = (a: Float64Array) => {
  const next = new Float64Array(a.length * 2)
  next.set(a)
  return next
}

// Collects a ranking from rows in rank order into the compact form above, and sums each unit's figures as
// the units board does from best attempts (participants, finished attempts, best scores, perfect best
// scores): unit prizes are handed out from the same totals the live board shows. A best score is the
// highest whatever the tie-breaks, so the final order's best attempts give the live board's totals.
function collect(truth: number | null, rows: Iterable<BestRow>): RoundRanking {
  let seqs = new Float64Array(1024)
  let errors = new Float64Array(1024)
  const ids: string[] = []
  const units = new Map<string, UnitDirect>()
  for (const [id, seq, perr, score, maxScore, attempts, unitId] of rows) {
    const i = ids.length
    if (i === seqs.length) [seqs, errors] = [grown(seqs), grown(errors)]
    seqs[i] = seq
    errors[i] = perr ?? NaN
    ids.push(id)
    if (unitId == null) continue
    let d = units.get(unitId)
    if (!d) units.set(unitId, (d = { participants: 0, attempts: 0, scoreSum: 0, perfect: 0 }))
    shiftUnit(d, { attempts, bestScore: score, maxScore }, 1)
  }
  return { truth, ids: ids.join('\n'), seqs: seqs.slice(0, ids.length), errors: errors.slice(0, ids.length), units: [...units] }
}

// Reads on a plain better-sqlite3 connection (a worker's own read-only one), in one read transaction so the
// truth and the ranking see the same attempts; rows stream as arrays, no object per attempt.
export function rankRound(client: Database.Database, q: RankingQuestion): RoundRanking {
  return client.transaction(() => {
    const truth = q.target ? (client.prepare(truthSql(q.target)).get(...eligibleParams(q.roundId, null)) as { n: number }).n : null
    return collect(truth, client.prepare(bestSql(orderBy(q.tiebreak, truth != null))).raw(true).iterate(...eligibleParams(q.roundId, truth), q.contestId) as IterableIterator<BestRow>)
  })()
}

// The same as a program, for a database no worker can open (PostgreSQL, or SQLite in memory). The caller
// runs it in one transaction where the truth and the ranking must agree.
export function* rankInDatabase(q: RankingQuestion): Program<RoundRanking> {
  const truth = q.target ? yield* predictionTruthOf(q.roundId, q.target) : null
  const rows = yield* all<{ participant_id: string; seq: number; perr: number | null; score: number; max_score: number; n: number; unit_id: string | null }>(
    bestSql(orderBy(q.tiebreak, truth != null)), ...eligibleParams(q.roundId, truth), q.contestId)
  return collect(truth, rows.map((r): BestRow => [r.participant_id, r.seq, r.perr, r.score, r.max_score, r.n, r.unit_id]))
}

// The unit totals of the live order alone (what the live board sums), for comparing the two.
export function* unitTotalsOf(q: Pick<RankingQuestion, 'roundId' | 'contestId' | 'tiebreak'>): Program<Map<string, UnitDirect>> {
  return new Map((yield* rankInDatabase({ ...q, target: null })).units)
}

// The ranking's ids one after another, read off the joined text as they are needed (splitting 900,000
// at once holds the event loop for a tenth of a second and more).
export function idReader(ranking: RoundRanking) {
  let at = 0
  return (): string => {
    const end = ranking.ids.indexOf('\n', at)
    const id = ranking.ids.slice(at, end < 0 ? undefined : end)
    at = end < 0 ? ranking.ids.length : end + 1
    return id
  }
}

const ROWS_PER_INSERT = 100
const insertSql = (rows: number) => `INSERT INTO final_standings (round_id, generation, rank, participant_id, attempt_seq, prediction_error) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?)').join(', ')}`

// Writes ranks from..to-1 (0-based) of the ranking as final_standings of one generation, taking the ids
// in order from `nextId`, a hundred rows a statement. A finalize writes a big ranking a slice per transaction.
export function* storeRanking(roundId: string, generation: number, ranking: RoundRanking, nextId: () => string, from: number, to: number): Program<void> {
  const end = Math.min(to, ranking.seqs.length)
  for (let i = from; i < end; i += ROWS_PER_INSERT) {
    const rows = Math.min(ROWS_PER_INSERT, end - i)
    const values: unknown[] = []
    for (let k = i; k < i + rows; k++) {
      const error = ranking.errors[k]
      values.push(roundId, generation, k + 1, nextId(), ranking.seqs[k], Number.isNaN(error) ? null : error)
    }
    yield* run(insertSql(rows), ...values)
  }
}

// The top of a locked ranking, enough to hand out prizes when winners elsewhere are passed over.
// The score is the ranked attempt's, for the prize tiers' minScore.
export const finalTop = (roundId: string, generation: number, count: number) =>
  all<{ participantId: string; rank: number; score: number }>(`SELECT f.participant_id AS "participantId", f.rank, coalesce(a.score, 0) AS "score"
    FROM final_standings f JOIN attempts a ON a.seq = f.attempt_seq WHERE f.round_id = ? AND f.generation = ? ORDER BY f.rank LIMIT ?`, roundId, generation, count)

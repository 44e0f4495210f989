import type Database from 'better-sqlite3'
import type { Db } from '../../db/client'
import { all, get, run, type Program } from '../../db/program'
import { runSqlite } from '../../db/sqlite-runner'
import { roundSortKeys, sqlOrderBy } from '../rules/ranking'
import { isPerfectSql } from '../rules/scoring'
import type { PredictionTarget, TiebreakKey } from '../rules/types'
import type { UnitDirect } from '../rules/units'

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

// Each person's best attempt by the round's order, with how many attempts they finished, best first.
const bestSql = (order: string) => `SELECT participant_id, seq, perr, score, max_score, n FROM (
    SELECT e.*, row_number() OVER (PARTITION BY participant_id ORDER BY ${order}) AS own, count(*) OVER (PARTITION BY participant_id) AS n
    FROM (${ELIGIBLE}) e
  ) best WHERE own = 1 ORDER BY ${order}`

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

// Collects a ranking from rows in rank order into the compact form above.
function collect(truth: number | null, rows: Iterable<[string, number, number | null]>, units: [string, UnitDirect][]): RoundRanking {
  let seqs = new Float64Array(1024)
  let errors = new Float64Array(1024)
  const ids: string[] = []
  for (const [id, seq, perr] of rows) {
    const i = ids.length
    if (i === seqs.length) [seqs, errors] = [grown(seqs), grown(errors)]
    seqs[i] = seq
    errors[i] = perr ?? NaN
    ids.push(id)
  }
  return { truth, ids: ids.join('\n'), seqs: seqs.slice(0, ids.length), errors: errors.slice(0, ids.length), units }
}

// Reads on a plain better-sqlite3 connection (a worker's own read-only one), in one read transaction so the
// truth and the ranking see the same attempts; rows stream as arrays, no object per attempt.
export function rankRound(client: Database.Database, q: RankingQuestion): RoundRanking {
  return client.transaction(() => {
    const truth = q.target ? (client.prepare(truthSql(q.target)).get(...eligibleParams(q.roundId, null)) as { n: number }).n : null
    const units = unitEntries(client.prepare(unitTotalsSql(q.tiebreak)).all(...eligibleParams(q.roundId, null), q.contestId) as UnitTotalRow[])
    const rows = client.prepare(bestSql(orderBy(q.tiebreak, truth != null))).raw(true).iterate(...eligibleParams(q.roundId, truth)) as IterableIterator<unknown[]>
    return collect(truth, (function* () { for (const r of rows) yield [r[0], r[1], r[2]] as [string, number, number | null] })(), units)
  })()
}

// The same as a program, for a database no worker can open (PostgreSQL, or SQLite in memory). The caller
// runs it in one transaction where the truth and the ranking must agree.
export function* rankInDatabase(q: RankingQuestion): Program<RoundRanking> {
  const truth = q.target ? yield* predictionTruthOf(q.roundId, q.target) : null
  const units = [...(yield* unitTotalsOf(q))]
  const rows = yield* all<{ participant_id: string; seq: number; perr: number | null }>(bestSql(orderBy(q.tiebreak, truth != null)), ...eligibleParams(q.roundId, truth))
  return collect(truth, rows.map((r) => [r.participant_id, r.seq, r.perr] as [string, number, number | null]), units)
}

// Per unit, the figures the units board sums from best attempts (participants, finished attempts, sum of
// best scores, perfect best scores), read with the round's own order: unit prizes are handed out from the
// same totals the live board shows. Read with the ranking, in the same transaction (and thread).
const unitTotalsSql = (tiebreak: readonly TiebreakKey[]) => `SELECT pu.unit_id AS "unitId",
    count(*) AS "participants", sum(b.n) AS "attempts", sum(b.score) AS "scoreSum",
    sum(CASE WHEN ${isPerfectSql('b.score', 'b.max_score')} THEN 1 ELSE 0 END) AS "perfect"
  FROM (${bestSql(orderBy(tiebreak, false))}) b
  JOIN participant_units pu ON pu.participant_id = b.participant_id AND pu.contest_id = ?
  GROUP BY pu.unit_id`
type UnitTotalRow = { unitId: string; participants: number; attempts: number; scoreSum: number; perfect: number }
const unitEntries = (rows: UnitTotalRow[]): [string, UnitDirect][] =>
  rows.map((r) => [r.unitId, { participants: r.participants, attempts: r.attempts, scoreSum: r.scoreSum, perfect: r.perfect }])

export function* unitTotalsOf(q: Pick<RankingQuestion, 'roundId' | 'contestId' | 'tiebreak'>): Program<Map<string, UnitDirect>> {
  return new Map(unitEntries(yield* all<UnitTotalRow>(unitTotalsSql(q.tiebreak), ...eligibleParams(q.roundId, null), q.contestId)))
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
export const finalTop = (roundId: string, generation: number, count: number) =>
  all<{ participantId: string; rank: number }>('SELECT participant_id AS "participantId", rank FROM final_standings WHERE round_id = ? AND generation = ? ORDER BY rank LIMIT ?', roundId, generation, count)

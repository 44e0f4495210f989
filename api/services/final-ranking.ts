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

// A round's ranking, best attempt per person in rank order: ids as UTF-8 bytes joined by newlines, and typed
// arrays, so a million ranks cross from a worker thread without a copy (their buffers are transferred) and
// cost no object per rank on either side. errors hold NaN where there is no prediction error.
export type RoundRanking = { truth: number | null; ids: Uint8Array; seqs: Float64Array; errors: Float64Array; units: [string, UnitDirect][] }
export type RankingQuestion = { roundId: string; contestId: string; tiebreak: readonly TiebreakKey[]; target: PredictionTarget | null }

function grown<A extends Float64Array | Uint8Array>(a: A, atLeast = 0): A {
  const next = new (a.constructor as new (n: number) => A)(Math.max(a.length * 2, atLeast))
  next.set(a)
  return next
}

const NEWLINE = 10
const encoder = new TextEncoder()

// Appends `id` and a newline at `at` of `bytes` (grown when full); returns the bytes and the new end.
function appendId(bytes: Uint8Array, at: number, id: string): [Uint8Array, number] {
  if (at + 3 * id.length + 1 > bytes.length) bytes = grown(bytes, at + 3 * id.length + 1)
  let i = 0
  for (; i < id.length; i++) {
    const c = id.charCodeAt(i)
    if (c >= 0x80) break
    bytes[at + i] = c
  }
  at += i < id.length ? encoder.encodeInto(id, bytes.subarray(at)).written : i
  bytes[at] = NEWLINE
  return [bytes, at + 1]
}

// Collects a ranking from rows in rank order into the compact form above, and sums each unit's figures as
// the units board does from best attempts (participants, finished attempts, best scores, perfect best
// scores): unit prizes are handed out from the same totals the live board shows. A best score is the
// highest whatever the tie-breaks, so the final order's best attempts give the live board's totals.
function collect(truth: number | null, rows: Iterable<BestRow>, sizeHint = 1024): RoundRanking {
  let seqs = new Float64Array(Math.max(1, sizeHint))
  let errors = new Float64Array(Math.max(1, sizeHint))
  let ids: Uint8Array = new Uint8Array(Math.max(16, 16 * sizeHint))
  let idsEnd = 0
  let n = 0
  const units = new Map<string, UnitDirect>()
  for (const [id, seq, perr, score, maxScore, attempts, unitId] of rows) {
    const i = n++
    if (i === seqs.length) [seqs, errors] = [grown(seqs), grown(errors)]
    seqs[i] = seq
    errors[i] = perr ?? NaN
    ;[ids, idsEnd] = appendId(ids, idsEnd, id)
    if (unitId == null) continue
    let d = units.get(unitId)
    if (!d) units.set(unitId, (d = { participants: 0, attempts: 0, scoreSum: 0, perfect: 0 }))
    shiftUnit(d, { attempts, bestScore: score, maxScore }, 1)
  }
  // Views of the filled part, not copies (a copy of each would add a third to the worker's peak): the buffers
  // keep their spare room. The ids without the last newline, as the ids joined by newlines would read.
  return { truth, ids: ids.subarray(0, Math.max(0, idsEnd - 1)), seqs: seqs.subarray(0, n), errors: errors.subarray(0, n), units: [...units] }
}

const FINISHED = `SELECT count(*) AS "n" FROM attempts WHERE round_id = ? AND status <> 'in_progress'`

// Reads on a plain better-sqlite3 connection (a worker's own read-only one), in one read transaction so the
// truth and the ranking see the same attempts; rows stream as arrays, no object per attempt.
export function rankRound(client: Database.Database, q: RankingQuestion): RoundRanking {
  return client.transaction(() => {
    const truth = q.target ? (client.prepare(truthSql(q.target)).get(...eligibleParams(q.roundId, null)) as { n: number }).n : null
    // Arrays sized once for the round's finished attempts (at least one per ranked person; one index range
    // to count, some 0.1 s at a million), where growing them by doubling left a third more behind in the heap.
    const finished = (client.prepare(FINISHED).get(q.roundId) as { n: number }).n
    return collect(truth, client.prepare(bestSql(orderBy(q.tiebreak, truth != null))).raw(true).iterate(...eligibleParams(q.roundId, truth), q.contestId) as IterableIterator<BestRow>, finished)
  })()
}

// The same as a program, for a database no worker can open (PostgreSQL, or SQLite in memory). The caller
// runs it in one transaction where the truth and the ranking must agree.
export function* rankInDatabase(q: RankingQuestion): Program<RoundRanking> {
  const truth = q.target ? yield* predictionTruthOf(q.roundId, q.target) : null
  const rows = yield* all<{ participant_id: string; seq: number; perr: number | null; score: number; max_score: number; n: number; unit_id: string | null }>(
    bestSql(orderBy(q.tiebreak, truth != null)), ...eligibleParams(q.roundId, truth), q.contestId)
  return collect(truth, rows.map((r): BestRow => [r.participant_id, r.seq, r.perr, r.score, r.max_score, r.n, r.unit_id]), rows.length)
}

// The unit totals of the live order alone (what the live board sums), for comparing the two.
export function* unitTotalsOf(q: Pick<RankingQuestion, 'roundId' | 'contestId' | 'tiebreak'>): Program<Map<string, UnitDirect>> {
  return new Map((yield* rankInDatabase({ ...q, target: null })).units)
}

// The ranking's ids one after another, decoded off the joined bytes as they are needed (900,000 strings at
// once would hold the event loop for a tenth of a second and more, and some 50 MB).
export function idReader(ranking: RoundRanking) {
  const bytes = Buffer.from(ranking.ids.buffer, ranking.ids.byteOffset, ranking.ids.byteLength)
  let at = 0
  return (): string => {
    const end = bytes.indexOf(NEWLINE, at)
    const id = bytes.toString('utf8', at, end < 0 ? bytes.length : end)
    at = end < 0 ? bytes.length : end + 1
    return id
  }
}

// The buffers a ranking's arrays stand on, to transfer from a worker rather than copy.
export const rankingBuffers = (r: RoundRanking): ArrayBuffer[] => [r.ids.buffer as ArrayBuffer, r.seqs.buffer as ArrayBuffer, r.errors.buffer as ArrayBuffer]

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

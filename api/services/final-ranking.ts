import type Database from 'better-sqlite3'
import { prepared, type Db } from '../../db/client'
import { roundSortKeys, sqlOrderBy } from '../rules/ranking'
import { isPerfectSql } from '../rules/scoring'
import type { PredictionTarget, TiebreakKey } from '../rules/types'

// The final ranking computed by SQLite's window functions, so ranking a round of a million attempts
// creates no object per attempt. Its ORDER BY is the round's order from api/rules/ranking.ts, over the
// columns of ELIGIBLE below.
const orderBy = (tiebreak: readonly TiebreakKey[], withPrediction: boolean) =>
  sqlOrderBy(roundSortKeys(tiebreak, withPrediction), { score: 'score', predictionError: 'perr', durationMs: 'dur', endedAt: 'endt', attemptSeq: 'seq' })

const ELIGIBLE = `SELECT a.seq, a.participant_id, a.score, a.max_score, a.ended_at - a.started_at AS dur, a.ended_at AS endt,
    CASE WHEN a.prediction IS NULL OR @truth IS NULL THEN NULL ELSE abs(a.prediction - @truth) END AS perr
  FROM attempts a WHERE a.round_id = @round AND a.status != 'in_progress'
    AND a.participant_id NOT IN (SELECT participant_id FROM disqualifications WHERE round_id = @round)`

const truthSql = (target: PredictionTarget) => {
  const expr = target === 'participants' ? 'count(DISTINCT participant_id)'
    : target === 'attempts' ? 'count(*)'
    : `count(DISTINCT CASE WHEN ${isPerfectSql('score', 'max_score')} THEN participant_id END)`
  return `SELECT ${expr} AS n FROM (${ELIGIBLE})`
}

// Same targets as predictionTruth in api/rules/prediction.ts: disqualified people count toward nothing.
export function predictionTruthSql(db: Db, roundId: string, target: PredictionTarget): number {
  return (prepared(db, truthSql(target)).get({ round: roundId, truth: null }) as { n: number }).n
}

// A round's ranking, best attempt per person in rank order: ids joined by newlines and typed arrays, so a
// million ranks cross from a worker thread cheaply. errors hold NaN where there is no prediction error.
export type RoundRanking = { truth: number | null; ids: string; seqs: Float64Array; errors: Float64Array }
export type RankingQuestion = { roundId: string; tiebreak: readonly TiebreakKey[]; target: PredictionTarget | null }

const grown = (a: Float64Array) => {
  const next = new Float64Array(a.length * 2)
  next.set(a)
  return next
}

// Reads on a plain better-sqlite3 connection (the server's, or a worker's own read-only one), in one
// read transaction so the truth and the ranking see the same attempts.
export function rankRound(client: Database.Database, q: RankingQuestion): RoundRanking {
  return client.transaction(() => {
    const truth = q.target ? (client.prepare(truthSql(q.target)).get({ round: q.roundId, truth: null }) as { n: number }).n : null
    const order = orderBy(q.tiebreak, truth != null)
    const rows = client.prepare(`SELECT participant_id, seq, perr FROM (
        SELECT *, row_number() OVER (PARTITION BY participant_id ORDER BY ${order}) AS own FROM (${ELIGIBLE})
      ) WHERE own = 1 ORDER BY ${order}`).raw(true).iterate({ round: q.roundId, truth }) as IterableIterator<[string, number, number | null]>
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
    return { truth, ids: ids.join('\n'), seqs: seqs.slice(0, ids.length), errors: errors.slice(0, ids.length) }
  })()
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
// in order from `nextId`, a hundred rows a statement. Run inside the caller's transaction; a finalize
// writes a big ranking a slice per transaction.
export function storeRanking(db: Db, roundId: string, generation: number, ranking: RoundRanking, nextId: () => string, from: number, to: number): void {
  const end = Math.min(to, ranking.seqs.length)
  for (let i = from; i < end; i += ROWS_PER_INSERT) {
    const rows = Math.min(ROWS_PER_INSERT, end - i)
    const values: unknown[] = []
    for (let k = i; k < i + rows; k++) {
      const error = ranking.errors[k]
      values.push(roundId, generation, k + 1, nextId(), ranking.seqs[k], Number.isNaN(error) ? null : error)
    }
    prepared(db, insertSql(rows)).run(values)
  }
}

// The top of a locked ranking, enough to hand out prizes when winners elsewhere are passed over.
export function finalTop(db: Db, roundId: string, generation: number, count: number): { participantId: string; rank: number }[] {
  return prepared(db, 'SELECT participant_id AS participantId, rank FROM final_standings WHERE round_id = ? AND generation = ? ORDER BY rank LIMIT ?').all(roundId, generation, count) as { participantId: string; rank: number }[]
}

import { prepared, type Db } from '../../db/client'
import { roundSortKeys, sqlOrderBy } from '../rules/ranking'
import { isPerfectSql } from '../rules/scoring'
import type { PredictionTarget, TiebreakKey } from '../rules/types'

// The final ranking computed inside SQLite and written straight into final_standings, so finalizing a round
// of a million attempts creates no object per attempt. Its ORDER BY is the round's order from
// api/rules/ranking.ts, over the columns of ELIGIBLE below.
const orderBy = (tiebreak: TiebreakKey[], withPrediction: boolean) =>
  sqlOrderBy(roundSortKeys(tiebreak, withPrediction), { score: 'score', predictionError: 'perr', durationMs: 'dur', endedAt: 'endt', attemptSeq: 'seq' })

const ELIGIBLE = `SELECT a.seq, a.participant_id, a.score, a.max_score, a.ended_at - a.started_at AS dur, a.ended_at AS endt,
    CASE WHEN a.prediction IS NULL OR @truth IS NULL THEN NULL ELSE abs(a.prediction - @truth) END AS perr
  FROM attempts a WHERE a.round_id = @round AND a.status != 'in_progress'
    AND a.participant_id NOT IN (SELECT participant_id FROM disqualifications WHERE round_id = @round)`

// Same targets as predictionTruth in api/rules/prediction.ts: disqualified people count toward nothing.
export function predictionTruthSql(db: Db, roundId: string, target: PredictionTarget): number {
  const expr = target === 'participants' ? 'count(DISTINCT participant_id)'
    : target === 'attempts' ? 'count(*)'
    : `count(DISTINCT CASE WHEN ${isPerfectSql('score', 'max_score')} THEN participant_id END)`
  return (prepared(db, `SELECT ${expr} AS n FROM (${ELIGIBLE})`).get({ round: roundId, truth: null }) as { n: number }).n
}

// Replaces the round's final standings; returns how many people were ranked. Run inside the caller's transaction.
export function writeFinalRanking(db: Db, roundId: string, tiebreak: TiebreakKey[], truth: number | null): number {
  const order = orderBy(tiebreak, truth != null)
  prepared(db, 'DELETE FROM final_standings WHERE round_id = ?').run(roundId)
  const result = prepared(db, `INSERT INTO final_standings (round_id, rank, participant_id, attempt_seq, prediction_error)
    SELECT @round, row_number() OVER (ORDER BY ${order}), participant_id, seq, perr FROM (
      SELECT *, row_number() OVER (PARTITION BY participant_id ORDER BY ${order}) AS own FROM (${ELIGIBLE})
    ) WHERE own = 1`).run({ round: roundId, truth })
  return result.changes
}

// The top of the locked ranking, enough to hand out prizes when winners elsewhere are passed over.
export function finalTop(db: Db, roundId: string, count: number): { participantId: string; rank: number }[] {
  return prepared(db, 'SELECT participant_id AS participantId, rank FROM final_standings WHERE round_id = ? ORDER BY rank LIMIT ?').all(roundId, count) as { participantId: string; rank: number }[]
}

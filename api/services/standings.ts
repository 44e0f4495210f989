import { prepared, type Db } from '../../db/client'
import { rankAttempts } from '../rules/ranking'
import type { RankedAttempt } from '../rules/types'
import type { RoundRow } from './rounds'

export type Ranked = RankedAttempt & { rank: number; predictionError: number | null }
export type RoundRanking = { ranked: Ranked[]; attemptsBy: Map<string, number>; disqualified: Set<string> }

// Full recomputation from the attempts table, used where the whole order must be settled at once
// (finalize, with the prediction truth); live reads use the incremental boards instead.
export function finishedAttempts(db: Db, roundId: string): RankedAttempt[] {
  const rows = prepared(db, `SELECT seq, participant_id, score, max_score, ended_at, started_at, prediction FROM attempts
    WHERE round_id = ? AND status != 'in_progress'`).all(roundId) as { seq: number; participant_id: string; score: number; max_score: number; ended_at: number; started_at: number; prediction: number | null }[]
  return rows.map((r) => ({ attemptSeq: r.seq, participantId: r.participant_id, score: r.score, maxScore: r.max_score, durationMs: r.ended_at - r.started_at, endedAt: r.ended_at, prediction: r.prediction }))
}

export function disqualifiedIn(db: Db, roundId: string): Set<string> {
  const rows = prepared(db, 'SELECT participant_id FROM disqualifications WHERE round_id = ?').all(roundId) as { participant_id: string }[]
  return new Set(rows.map((r) => r.participant_id))
}

export function computeRanking(db: Db, round: RoundRow, truth: number | null, all = finishedAttempts(db, round.id)): RoundRanking {
  const disqualified = disqualifiedIn(db, round.id)
  const eligible = all.filter((a) => !disqualified.has(a.participantId))
  const attemptsBy = new Map<string, number>()
  for (const a of eligible) attemptsBy.set(a.participantId, (attemptsBy.get(a.participantId) ?? 0) + 1)
  const keys = truth == null ? round.tiebreak.filter((k) => k !== 'prediction') : round.tiebreak
  return { ranked: rankAttempts(eligible, keys, truth), attemptsBy, disqualified }
}

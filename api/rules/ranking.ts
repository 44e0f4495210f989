import type { RankedAttempt, TiebreakKey } from './types'

export type AttemptComparator = (a: RankedAttempt, b: RankedAttempt) => number
export type RankedEntry = RankedAttempt & { rank: number; predictionError: number | null }

export function predictionError(prediction: number | null, truth: number | null): number | null {
  return prediction == null || truth == null ? null : Math.abs(prediction - truth)
}

function comparePrediction(a: RankedAttempt, b: RankedAttempt, truth: number): number {
  const ea = predictionError(a.prediction, truth)
  const eb = predictionError(b.prediction, truth)
  if (ea == null || eb == null) return ea == null ? (eb == null ? 0 : 1) : -1
  return ea - eb
}

// Score high to low, then the round's tie-break keys, then start order so the order is total.
// With truth null (provisional ranking) the prediction key is skipped entirely.
export function compareAttempts(tiebreak: TiebreakKey[], truth: number | null): AttemptComparator {
  return (a, b) => {
    if (a.score !== b.score) return b.score - a.score
    for (const key of tiebreak) {
      let d = 0
      if (key === 'prediction') d = truth == null ? 0 : comparePrediction(a, b, truth)
      else if (key === 'duration') d = a.durationMs - b.durationMs
      else d = a.endedAt - b.endedAt
      if (d !== 0) return d
    }
    return a.attemptSeq - b.attemptSeq
  }
}

// Per participant, the attempt that ranks first among their own; participants in first-seen order.
export function bestAttempts(attempts: RankedAttempt[], cmp: AttemptComparator): RankedAttempt[] {
  const best = new Map<string, RankedAttempt>()
  for (const attempt of attempts) {
    const current = best.get(attempt.participantId)
    if (!current || cmp(attempt, current) < 0) best.set(attempt.participantId, attempt)
  }
  return [...best.values()]
}

export function rankAttempts(attempts: RankedAttempt[], tiebreak: TiebreakKey[], truth: number | null): RankedEntry[] {
  const cmp = compareAttempts(tiebreak, truth)
  return bestAttempts(attempts, cmp)
    .sort(cmp)
    .map((a, i) => ({ ...a, rank: i + 1, predictionError: predictionError(a.prediction, truth) }))
}

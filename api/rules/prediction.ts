import { isPerfect } from './scoring'
import type { PredictionTarget } from './types'

export type FinishedAttempt = { participantId: string; score: number; maxScore: number }

// The true value of the round's prediction question (SPEC §5); disqualified people count toward nothing.
export function predictionTruth(target: PredictionTarget, finished: FinishedAttempt[], disqualified: Set<string>): number {
  const counted = finished.filter((a) => !disqualified.has(a.participantId))
  if (target === 'attempts') return counted.length
  const people = new Set<string>()
  for (const a of counted) {
    if (target === 'participants' || isPerfect(a.score, a.maxScore)) people.add(a.participantId)
  }
  return people.size
}

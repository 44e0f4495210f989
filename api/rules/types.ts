// Plain data shapes the contest rules work on; services map storage rows to these.
export type { BlueprintRow, PredictionTarget, PrizeRow, TiebreakKey } from '../../db/schema'
export type RandomSource = { int(maxExclusive: number): number } // uniform integer in [0, maxExclusive)

// A finished attempt as ranking sees it.
export type RankedAttempt = {
  attemptSeq: number // start order, unique per attempt: the final, total tie-break
  participantId: string
  score: number
  maxScore: number
  durationMs: number // end time minus startedAt
  endedAt: number // end time = min(submittedAt, deadlineAt) (ms)
  prediction: number | null
}

export type DrawCandidate = { id: string; topic: string; tags: string[]; difficulty: number; group: string | null }

export type BlueprintShortfall = {
  topic: string | null
  tag: string | null
  difficulty: number | null
  needed: number
  available: number
}

export type UnitInput = { id: string; name: string; parentId: string | null; headcount: number | null }
export type UnitPerson = { participantId: string; unitId: string; attempts: number; bestScore: number; maxScore: number }
export type UnitStat = {
  unitId: string
  unitName: string
  parentId: string | null
  participants: number
  headcount: number | null
  participationRate: number | null
  attempts: number
  meanScore: number
  perfectScores: number
}

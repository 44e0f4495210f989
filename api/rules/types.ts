// Plain data shapes the contest rules work on; services map storage rows to these.
export type TiebreakKey = 'prediction' | 'duration' | 'submittedAt'
export type PredictionTarget = 'participants' | 'perfect_scores' | 'attempts'
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

export type BlueprintRow = { topic?: string; tag?: string; difficulty?: number; count: number }
export type DrawCandidate = { id: string; topic: string; tags: string[]; difficulty: number; group: string | null }
export type PrizeRow = { name: string; count: number; minScore?: number }

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

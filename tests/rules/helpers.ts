import type { DrawCandidate, RankedAttempt } from '../../api/rules/types'

// Builders with neutral defaults so each test states only what matters to it.
export function attempt(over: Partial<RankedAttempt> & { attemptSeq: number }): RankedAttempt {
  return { participantId: `p${over.attemptSeq}`, score: 10, maxScore: 20, durationMs: 60_000, endedAt: 1_000_000, prediction: null, ...over }
}

export function question(id: string, over: Partial<DrawCandidate> = {}): DrawCandidate {
  return { id, topic: 'A', tags: [], difficulty: 1, group: null, ...over }
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i)
}

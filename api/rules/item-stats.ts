// Classical item analysis over finished attempts: facility, upper–lower discrimination, option counts.
import type { ItemFlag, ItemStat } from '../schemas/wire'

// The shapes it produces are part of the wire contract (api/schemas/wire.ts).
export type { ItemFlag, ItemStat }

export const GROUP_SHARE = 0.27
export const TOO_HARD_BELOW = 0.2
export const TOO_EASY_ABOVE = 0.95

// Group membership as bits: an attempt can be in both groups when a round has a single attempt.
export const UPPER = 1
export const LOWER = 2

export const groupSize = (n: number): number => (n <= 0 ? 0 : Math.ceil(GROUP_SHARE * n))

// `index` is the attempt's place (0 = best) among the n finished attempts of its round.
export function groupOf(index: number, n: number): number {
  const k = groupSize(n)
  return (index < k ? UPPER : 0) | (index >= n - k ? LOWER : 0)
}

export type StatAttempt = { seq: number; roundId: string; score: number }

// Attempts are ranked within their round by score, ties by start order (seq), so the groups are
// deterministic; rounds pooled in a cross-round report keep their own groups.
export const byRank = (a: StatAttempt, b: StatAttempt) => a.roundId.localeCompare(b.roundId) || b.score - a.score || a.seq - b.seq

// Attempts must come in rank order (round by round, as byRank sorts); `counts` gives each round's size.
// Takes an iterable so the service can stream rows from SQL ordered the same way.
export function assignGroups(ranked: Iterable<StatAttempt>, counts: Map<string, number>): Map<number, number> {
  const groups = new Map<number, number>()
  let round: string | null = null
  let index = 0
  for (const a of ranked) {
    index = a.roundId === round ? index + 1 : 0
    round = a.roundId
    const mask = groupOf(index, counts.get(a.roundId) ?? 0)
    if (mask) groups.set(a.seq, mask)
  }
  return groups
}

export function scoreGroups(attempts: StatAttempt[]): Map<number, number> {
  const counts = new Map<string, number>()
  for (const a of attempts) counts.set(a.roundId, (counts.get(a.roundId) ?? 0) + 1)
  return assignGroups([...attempts].sort(byRank), counts)
}

// One drawn item: `chosen` holds the question's own option keys (already mapped from the shown letters).
export type StatItem = { questionId: string; revision: number; chosen: string[]; correct: boolean; group: number }

type Tally = {
  revision: number; drawn: number; answered: number; correct: number
  upper: { drawn: number; correct: number }; lower: { drawn: number; correct: number }
  chosen: Map<string, number>
}

export type QuestionFacts = { topic: string; stem: string; options: { key: string; text: string }[]; correct: string[] }

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole)

export function flagsOf(facility: number, discrimination: number | null): ItemFlag[] {
  const flags: ItemFlag[] = []
  if (facility < TOO_HARD_BELOW) flags.push('too_hard')
  if (facility > TOO_EASY_ABOVE) flags.push('too_easy')
  if (discrimination !== null && discrimination < 0) flags.push('negative_discrimination')
  return flags
}

// Fed one item at a time so a large round is summed per question without holding its rows.
export class ItemTally {
  private readonly byQuestion = new Map<string, Tally>()

  add(item: StatItem): void {
    let t = this.byQuestion.get(item.questionId)
    if (!t) {
      t = { revision: item.revision, drawn: 0, answered: 0, correct: 0, upper: { drawn: 0, correct: 0 }, lower: { drawn: 0, correct: 0 }, chosen: new Map() }
      this.byQuestion.set(item.questionId, t)
    }
    const right = item.correct ? 1 : 0
    t.revision = Math.max(t.revision, item.revision)
    t.drawn++
    t.correct += right
    if (item.chosen.length > 0) t.answered++
    for (const key of new Set(item.chosen)) t.chosen.set(key, (t.chosen.get(key) ?? 0) + 1)
    if (item.group & UPPER) { t.upper.drawn++; t.upper.correct += right }
    if (item.group & LOWER) { t.lower.drawn++; t.lower.correct += right }
  }

  // The questions tallied and the latest revision seen of each: the facts results() will ask for.
  latest(): { questionId: string; revision: number }[] {
    return [...this.byQuestion].map(([questionId, t]) => ({ questionId, revision: t.revision }))
  }

  // `facts` gives the question as of a revision (the latest one seen is used for texts and key).
  results(facts: (questionId: string, revision: number) => QuestionFacts): ItemStat[] {
    return [...this.byQuestion].sort(([a], [b]) => a.localeCompare(b)).map(([questionId, t]) => {
      const q = facts(questionId, t.revision)
      const facility = t.correct / t.drawn
      const upperFacility = share(t.upper.correct, t.upper.drawn)
      const lowerFacility = share(t.lower.correct, t.lower.drawn)
      const discrimination = upperFacility === null || lowerFacility === null ? null : upperFacility - lowerFacility
      const known = new Set(q.options.map((o) => o.key))
      const options = [
        ...q.options.map((o) => ({ key: o.key, text: o.text, correct: q.correct.includes(o.key), count: t.chosen.get(o.key) ?? 0 })),
        // Keys an earlier revision had and the latest one dropped.
        ...[...t.chosen].filter(([key]) => !known.has(key)).sort().map(([key, count]) => ({ key, text: '', correct: false, count })),
      ]
      return {
        questionId, revision: t.revision, topic: q.topic, stem: q.stem,
        timesDrawn: t.drawn, answered: t.answered, correctCount: t.correct,
        facility, upperFacility, lowerFacility, discrimination, options, flags: flagsOf(facility, discrimination),
      }
    })
  }
}

// The whole computation over plain rows, for callers (and tests) that already hold them.
export function itemStatsOf(attempts: StatAttempt[], items: (Omit<StatItem, 'group'> & { attemptSeq: number })[], facts: (questionId: string, revision: number) => QuestionFacts): ItemStat[] {
  const groups = scoreGroups(attempts)
  const finished = new Set(attempts.map((a) => a.seq))
  const tally = new ItemTally()
  for (const { attemptSeq, ...item } of items) if (finished.has(attemptSeq)) tally.add({ ...item, group: groups.get(attemptSeq) ?? 0 })
  return tally.results(facts)
}

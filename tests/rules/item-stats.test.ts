import { describe, expect, it } from 'vitest'
import { flagsOf, groupOf, groupSize, itemStatsOf, ItemTally, LOWER, scoreGroups, UPPER, type QuestionFacts, type StatAttempt } from '../../api/rules/item-stats'
import { range } from './helpers'

const facts = (id: string): QuestionFacts => ({
  topic: 't', stem: `Câu ${id}?`, correct: ['A'],
  options: [{ key: 'A', text: 'Đúng' }, { key: 'B', text: 'Sai một' }, { key: 'C', text: 'Sai hai' }],
})

describe('groups of 27%', () => {
  it('groupSize is ceil(0.27·n)', () => {
    expect([0, 1, 2, 3, 4, 10, 100, 101].map(groupSize)).toEqual([0, 1, 1, 1, 2, 3, 27, 28])
  })

  it('of ten attempts the best three are upper and the worst three lower', () => {
    expect(range(10).map((i) => groupOf(i, 10))).toEqual([UPPER, UPPER, UPPER, 0, 0, 0, 0, LOWER, LOWER, LOWER])
  })

  it('a single attempt is in both groups', () => {
    expect(groupOf(0, 1)).toBe(UPPER | LOWER)
  })

  it('ranks by score within each round, ties by start order', () => {
    const attempts: StatAttempt[] = [
      { seq: 1, roundId: 'r1', score: 2 }, { seq: 2, roundId: 'r1', score: 5 }, { seq: 3, roundId: 'r1', score: 2 }, { seq: 4, roundId: 'r1', score: 0 },
      { seq: 5, roundId: 'r2', score: 1 }, { seq: 6, roundId: 'r2', score: 9 },
    ]
    const groups = scoreGroups(attempts)
    // r1 has 4 attempts → groups of 2: upper 2 (5) and 1 (2, earlier than 3); lower 3 and 4.
    expect(Object.fromEntries(groups)).toEqual({ 2: UPPER, 1: UPPER, 3: LOWER, 4: LOWER, 6: UPPER, 5: LOWER })
  })
})

describe('flags', () => {
  it('flags facility below 0.2, above 0.95 and negative discrimination; the bounds themselves are not flagged', () => {
    expect(flagsOf(0.19, 0.1)).toEqual(['too_hard'])
    expect(flagsOf(0.2, 0)).toEqual([])
    expect(flagsOf(0.95, null)).toEqual([])
    expect(flagsOf(0.96, -0.01)).toEqual(['too_easy', 'negative_discrimination'])
  })
})

describe('ItemTally', () => {
  it('counts draws, answers, facility, group facilities, discrimination and chosen options', () => {
    const tally = new ItemTally()
    const add = (chosen: string[], group: number) => tally.add({ questionId: 'q', revision: 1, chosen, correct: chosen.join() === 'A', group })
    add(['A'], UPPER)
    add(['A'], UPPER)
    add(['B'], 0)
    add([], 0)
    add(['A'], LOWER)
    add(['C'], LOWER)
    const [s] = tally.results(facts)
    expect(s).toMatchObject({ questionId: 'q', timesDrawn: 6, answered: 5, correctCount: 3, facility: 0.5, upperFacility: 1, lowerFacility: 0.5, discrimination: 0.5, flags: [] })
    expect(s.options).toEqual([
      { key: 'A', text: 'Đúng', correct: true, count: 3 },
      { key: 'B', text: 'Sai một', correct: false, count: 1 },
      { key: 'C', text: 'Sai hai', correct: false, count: 1 },
    ])
  })

  it('discrimination is null when a group never drew the question', () => {
    const tally = new ItemTally()
    tally.add({ questionId: 'q', revision: 1, chosen: ['A'], correct: true, group: UPPER })
    expect(tally.results(facts)[0]).toMatchObject({ upperFacility: 1, lowerFacility: null, discrimination: null, flags: ['too_easy'] })
  })

  it('takes texts from the latest revision seen and keeps counts of keys it dropped', () => {
    const tally = new ItemTally()
    tally.add({ questionId: 'q', revision: 1, chosen: ['D'], correct: false, group: 0 })
    tally.add({ questionId: 'q', revision: 2, chosen: ['A'], correct: true, group: 0 })
    const seen: number[] = []
    const [s] = tally.results((id, revision) => (seen.push(revision), facts(id)))
    expect(seen).toEqual([2])
    expect(s.revision).toBe(2)
    expect(s.options.map((o) => [o.key, o.count])).toEqual([['A', 1], ['B', 0], ['C', 0], ['D', 1]])
  })
})

describe('itemStatsOf', () => {
  it('computes facility and discrimination from plain rows, ignoring items of unfinished attempts', () => {
    // Four attempts scoring 3, 2, 1, 0: groups of two. q1 is right for the two best, q2 for the two worst.
    const attempts = range(4).map((i) => ({ seq: i + 1, roundId: 'r', score: 3 - i }))
    const items = [
      ...range(4).map((i) => ({ attemptSeq: i + 1, questionId: 'q1', revision: 1, chosen: [i < 2 ? 'A' : 'B'], correct: i < 2 })),
      ...range(4).map((i) => ({ attemptSeq: i + 1, questionId: 'q2', revision: 1, chosen: [i >= 2 ? 'A' : 'C'], correct: i >= 2 })),
      { attemptSeq: 99, questionId: 'q3', revision: 1, chosen: ['A'], correct: true },
    ]
    const stats = itemStatsOf(attempts, items, facts)
    expect(stats.map((s) => [s.questionId, s.facility, s.discrimination, s.flags])).toEqual([
      ['q1', 0.5, 1, []],
      ['q2', 0.5, -1, ['negative_discrimination']],
    ])
  })
})

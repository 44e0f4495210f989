import { describe, expect, it } from 'vitest'
import { BlueprintShortfallError, drawQuestions } from '../../api/rules/draw'
import { seededRandom } from '../../api/rules/random'
import type { DrawCandidate } from '../../api/rules/types'
import { question, range } from './helpers'

const SEEDS = range(200)
const ids = (items: DrawCandidate[]) => items.map((q) => q.id)
const groupOf = (q: DrawCandidate) => q.group ?? q.id

describe('drawQuestions', () => {
  it('never draws a question twice nor two of one variant group', () => {
    const pool = [
      ...range(12).map((i) => question(`g${i}`, { group: `fact${i % 4}` })),
      ...range(8).map((i) => question(`solo${i}`)),
    ]
    for (const seed of SEEDS) {
      const drawn = drawQuestions(pool, [], 12, new Set(), seededRandom(seed))
      expect(drawn).toHaveLength(12)
      expect(new Set(ids(drawn)).size).toBe(12)
      expect(new Set(drawn.map(groupOf)).size).toBe(12)
    }
  })

  it('gives unseen questions first whenever the pool allows', () => {
    const pool = range(20).map((i) => question(`q${i}`))
    const seen = new Set(range(10).map((i) => `q${i}`))
    for (const seed of SEEDS) {
      const drawn = drawQuestions(pool, [], 10, seen, seededRandom(seed))
      expect(ids(drawn).filter((id) => seen.has(id))).toEqual([])
    }
  })

  it('repeats seen questions only for the places unseen ones cannot fill', () => {
    const pool = range(10).map((i) => question(`q${i}`))
    const seen = new Set(range(7).map((i) => `q${i}`))
    for (const seed of SEEDS) {
      const drawn = ids(drawQuestions(pool, [], 5, seen, seededRandom(seed)))
      expect(drawn).toEqual(expect.arrayContaining(['q7', 'q8', 'q9']))
      expect(drawn.filter((id) => seen.has(id))).toHaveLength(2)
    }
  })

  it('prefers a question whose variant group was not met before over a sibling of a seen one', () => {
    const pool = [question('old', { group: 'fact' }), question('sibling', { group: 'fact' }), question('fresh')]
    for (const seed of SEEDS.slice(0, 50)) {
      expect(ids(drawQuestions(pool, [], 1, new Set(['old']), seededRandom(seed)))).toEqual(['fresh'])
      expect(ids(drawQuestions(pool, [], 2, new Set(['old']), seededRandom(seed))).sort()).toEqual(['fresh', 'sibling'])
    }
  })

  it('respects each row filter and count', () => {
    const pool = [
      ...range(6).map((i) => question(`a1-${i}`, { topic: 'A', difficulty: 1, tags: i < 2 ? ['hcm'] : [] })),
      ...range(6).map((i) => question(`a2-${i}`, { topic: 'A', difficulty: 2 })),
      ...range(6).map((i) => question(`b-${i}`, { topic: 'B', difficulty: (i % 3) + 1, tags: ['hcm'] })),
    ]
    const blueprint = [
      { topic: 'A', difficulty: 2, count: 3 },
      { topic: 'B', tag: 'hcm', difficulty: 3, count: 2 },
      { tag: 'hcm', topic: 'A', count: 2 },
      { topic: 'A', count: 1 },
    ]
    for (const seed of SEEDS) {
      const drawn = drawQuestions(pool, blueprint, 8, new Set(), seededRandom(seed))
      expect(drawn).toHaveLength(8)
      expect(drawn.filter((q) => q.topic === 'A' && q.difficulty === 2).length).toBeGreaterThanOrEqual(3)
      expect(drawn.filter((q) => q.topic === 'B').every((q) => q.difficulty === 3)).toBe(true)
      expect(drawn.filter((q) => q.topic === 'B')).toHaveLength(2)
      expect(ids(drawn)).toEqual(expect.arrayContaining(['a1-0', 'a1-1']))
    }
  })

  it('draws every matching candidate with about equal chance', () => {
    const pool = range(4).map((i) => question(`q${i}`))
    const hits = new Map<string, number>()
    for (const seed of range(4000)) {
      const [q] = drawQuestions(pool, [], 1, new Set(), seededRandom(seed))
      hits.set(q.id, (hits.get(q.id) ?? 0) + 1)
    }
    for (const q of pool) expect(hits.get(q.id)).toBeGreaterThan(850)
  })

  it('mixes topics in the final order instead of returning them in row blocks', () => {
    const pool = [...range(5).map((i) => question(`a${i}`, { topic: 'A' })), ...range(5).map((i) => question(`b${i}`, { topic: 'B' }))]
    const blueprint = [
      { topic: 'A', count: 5 },
      { topic: 'B', count: 5 },
    ]
    const firstTopics = new Set<string>()
    let blocky = 0
    for (const seed of SEEDS) {
      const topics = drawQuestions(pool, blueprint, 10, new Set(), seededRandom(seed)).map((q) => q.topic).join('')
      firstTopics.add(topics[0])
      if (topics === 'AAAAABBBBB' || topics === 'BBBBBAAAAA') blocky++
    }
    expect(firstTopics).toEqual(new Set(['A', 'B']))
    expect(blocky).toBeLessThan(10)
  })

  it('throws an error naming the row it cannot fill', () => {
    const pool = [...range(3).map((i) => question(`a${i}`, { topic: 'Đại hội XIII' })), question('x', { topic: 'Đại hội XIII', group: 'g' })]
    const blueprint = [{ count: 1 }, { topic: 'Đại hội XIII', difficulty: 1, count: 5 }]
    const run = () => drawQuestions(pool, blueprint, 6, new Set(), seededRandom(1))
    expect(run).toThrow(BlueprintShortfallError)
    expect(run).toThrow(/Dòng 2 .*chủ đề "Đại hội XIII", mức độ 1/)
    try {
      run()
    } catch (error) {
      expect(error instanceof BlueprintShortfallError && error.shortfall).toMatchObject({ row: 2, needed: 5, available: 3 })
    }
  })

  it('takes questionCount from the whole pool when the blueprint is empty', () => {
    const pool = [question('a', { topic: 'A' }), question('b', { topic: 'B', difficulty: 3 }), question('c', { topic: 'C', tags: ['x'] })]
    const drawn = drawQuestions(pool, [], 3, new Set(), seededRandom(9))
    expect(ids(drawn).sort()).toEqual(['a', 'b', 'c'])
    expect(() => drawQuestions(pool, [], 4, new Set(), seededRandom(9))).toThrow(/toàn bộ ngân hàng/)
  })
})

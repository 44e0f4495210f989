import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkBlueprint, drawQuestions } from '../../api/rules/draw'
import { seededRandom } from '../../api/rules/random'
import { question, range } from './helpers'

const bank = [
  ...range(8).map((i) => question(`a${i}`, { topic: 'A', difficulty: (i % 2) + 1 })),
  ...range(3).map((i) => question(`b${i}`, { topic: 'B', tags: ['hcm'] })),
  ...range(4).map((i) => question(`c${i}`, { topic: 'C', group: i < 3 ? 'same-fact' : null })),
]

describe('checkBlueprint', () => {
  it('finds nothing missing when every row can be filled', () => {
    expect(checkBlueprint(bank, [{ topic: 'A', count: 8 }, { topic: 'B', count: 3 }, { topic: 'C', count: 2 }], 13)).toEqual([])
    expect(checkBlueprint(bank, [], 13)).toEqual([])
  })

  it('names the shortfall per topic', () => {
    const shortfalls = checkBlueprint(bank, [{ topic: 'A', difficulty: 2, count: 5 }, { topic: 'B', count: 5 }, { topic: 'Z', count: 1 }], 11)
    expect(shortfalls).toEqual([
      { topic: 'A', tag: null, difficulty: 2, needed: 5, available: 4 },
      { topic: 'B', tag: null, difficulty: null, needed: 5, available: 3 },
      { topic: 'Z', tag: null, difficulty: null, needed: 1, available: 0 },
    ])
  })

  it('counts a variant group once', () => {
    expect(checkBlueprint(bank, [{ topic: 'C', count: 3 }], 3)).toEqual([
      { topic: 'C', tag: null, difficulty: null, needed: 3, available: 2 },
    ])
  })

  it('reports an empty blueprint against the whole pool', () => {
    expect(checkBlueprint(bank, [], 14)).toEqual([{ topic: null, tag: null, difficulty: null, needed: 14, available: 13 }])
  })

  it('counts what earlier overlapping rows may take, so a passing blueprint never fails to draw', () => {
    // Row 1 may take the only "hcm" question of topic A, which row 2 needs.
    const pool = [question('both', { topic: 'A', tags: ['hcm'] }), question('plain', { topic: 'A' })]
    const blueprint = [{ topic: 'A', count: 1 }, { tag: 'hcm', count: 1 }]
    expect(checkBlueprint(pool, blueprint, 2)).toEqual([{ topic: null, tag: 'hcm', difficulty: null, needed: 1, available: 0 }])
    const failures = range(50).filter((seed) => {
      try {
        drawQuestions(pool, blueprint, 2, new Set(), seededRandom(seed))
        return false
      } catch {
        return true
      }
    })
    expect(failures.length).toBeGreaterThan(0)
  })

  it('never calls a blueprint fillable that some draw cannot fill', () => {
    const candidate = fc.record({
      topic: fc.constantFrom('A', 'B'),
      tags: fc.subarray(['x', 'y']),
      difficulty: fc.integer({ min: 1, max: 2 }),
      group: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.constantFrom('g1', 'g2', 'g3'), weight: 1 }),
    })
    const row = fc.record(
      { topic: fc.constantFrom('A', 'B'), tag: fc.constantFrom('x', 'y'), difficulty: fc.integer({ min: 1, max: 2 }), count: fc.integer({ min: 1, max: 2 }) },
      { requiredKeys: ['count'] },
    )
    fc.assert(
      fc.property(fc.array(candidate, { minLength: 4, maxLength: 16 }), fc.array(row, { minLength: 1, maxLength: 3 }), (cands, blueprint) => {
        const pool = cands.map((c, i) => question(`q${i}`, c))
        if (checkBlueprint(pool, blueprint, 0).length > 0) return
        for (const seed of range(20)) expect(drawQuestions(pool, blueprint, 0, new Set(), seededRandom(seed)).length).toBeGreaterThan(0)
      }),
      { numRuns: 300 },
    )
  })
})

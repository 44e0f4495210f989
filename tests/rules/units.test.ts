import { describe, expect, it } from 'vitest'
import { rankUnits, unitStats, type UnitInput, type UnitPerson, type UnitStat } from '../../api/rules/units'
import { range } from './helpers'

// Đảng bộ Khối (no headcount) → cơ sở A (40) and cơ sở B (none) → B's chi bộ B1 (10), B2 (none), B3 (0).
const tree: UnitInput[] = [
  { id: 'khoi', name: 'Đảng bộ Khối', parentId: null, headcount: null },
  { id: 'a', name: 'Đảng bộ cơ sở A', parentId: 'khoi', headcount: 40 },
  { id: 'b', name: 'Đảng bộ cơ sở B', parentId: 'khoi', headcount: null },
  { id: 'b1', name: 'Chi bộ B1', parentId: 'b', headcount: 10 },
  { id: 'b2', name: 'Chi bộ B2', parentId: 'b', headcount: null },
  { id: 'b3', name: 'Chi bộ B3', parentId: 'b', headcount: 0 },
]
const person = (participantId: string, unitId: string, bestScore: number, attempts = 1): UnitPerson => ({
  participantId,
  unitId,
  attempts,
  bestScore,
  maxScore: 20,
})
const people = [person('p1', 'a', 20, 2), person('p2', 'a', 10), person('p3', 'b1', 16, 3), person('p4', 'b2', 20), person('p5', 'khoi', 4)]
const byId = (stats: UnitStat[]) => new Map(stats.map((s) => [s.unitId, s]))

describe('unitStats', () => {
  it('rolls participants, attempts, scores and perfect scores up the whole subtree', () => {
    const s = byId(unitStats(tree, people))
    expect(s.get('b1')).toMatchObject({ participants: 1, attempts: 3, meanScore: 16, perfectScores: 0 })
    expect(s.get('b')).toMatchObject({ participants: 2, attempts: 4, meanScore: 18, perfectScores: 1 })
    expect(s.get('a')).toMatchObject({ participants: 2, attempts: 3, meanScore: 15, perfectScores: 1 })
    expect(s.get('khoi')).toMatchObject({ participants: 5, attempts: 8, meanScore: 14, perfectScores: 2 })
    expect(s.get('b3')).toMatchObject({ participants: 0, attempts: 0, meanScore: 0, perfectScores: 0 })
  })

  it('keeps the mean score at full precision', () => {
    const s = byId(unitStats(tree, [person('x', 'a', 1), person('y', 'a', 1), person('z', 'a', 2)]))
    expect(s.get('a')?.meanScore).toBe(4 / 3)
  })

  it('takes a missing headcount from the children, and rates only units with one', () => {
    const s = byId(unitStats(tree, people))
    expect(s.get('b')?.headcount).toBe(10)
    expect(s.get('khoi')?.headcount).toBe(50)
    expect(s.get('b2')).toMatchObject({ headcount: null, participationRate: null })
    expect(s.get('b3')).toMatchObject({ headcount: 0, participationRate: null })
    expect(s.get('a')?.participationRate).toBe(2 / 40)
    expect(s.get('b')?.participationRate).toBe(2 / 10)
    expect(s.get('khoi')?.participationRate).toBe(5 / 50)
  })

  it("prefers a unit's own headcount to its children's sum", () => {
    const units = tree.map((u) => (u.id === 'b' ? { ...u, headcount: 25 } : u))
    const s = byId(unitStats(units, people))
    expect(s.get('b')?.headcount).toBe(25)
    expect(s.get('khoi')?.headcount).toBe(65)
  })

  it('ignores people of unknown units and parent links to unknown units', () => {
    const units = [...tree, { id: 'orphan', name: 'Mồ côi', parentId: 'gone', headcount: 5 }]
    const s = byId(unitStats(units, [...people, person('p9', 'orphan', 20), person('p10', 'nowhere', 20)]))
    expect(s.get('orphan')).toMatchObject({ parentId: null, participants: 1 })
    expect(s.get('khoi')?.participants).toBe(5)
  })

  it('breaks parent cycles instead of looping or counting twice', () => {
    const units: UnitInput[] = [
      { id: 'x', name: 'X', parentId: 'z', headcount: 1 },
      { id: 'y', name: 'Y', parentId: 'x', headcount: 1 },
      { id: 'z', name: 'Z', parentId: 'y', headcount: 1 },
      { id: 'self', name: 'Self', parentId: 'self', headcount: 1 },
    ]
    const s = byId(unitStats(units, [person('p', 'y', 10), person('q', 'self', 5)]))
    const counted = ['x', 'y', 'z'].map((id) => s.get(id)?.participants)
    expect(counted.filter((n) => n === 1).length).toBeGreaterThanOrEqual(1)
    expect(counted.every((n) => n === 0 || n === 1)).toBe(true)
    expect(['x', 'y', 'z'].filter((id) => s.get(id)?.parentId == null)).toHaveLength(1)
    expect(s.get('self')).toMatchObject({ parentId: null, participants: 1 })
  })

  it('handles 2,000 units and 1,000,000 people in one pass', () => {
    const units: UnitInput[] = range(2000).map((i) => ({
      id: `u${i}`,
      name: `Đơn vị ${i}`,
      parentId: i === 0 ? null : `u${Math.floor((i - 1) / 8)}`,
      headcount: i >= 250 ? 600 : null,
    }))
    const crowd = range(1_000_000).map((i) => person(`p${i}`, `u${i % 2000}`, i % 21, 1))
    const started = performance.now()
    const stats = unitStats(units, crowd)
    expect(performance.now() - started).toBeLessThan(5000)
    expect(stats[0].participants).toBe(1_000_000)
    expect(stats[0].headcount).toBe(1750 * 600)
  }, 30_000)
})

describe('rankUnits', () => {
  it('orders by participation rate, units without one last, ranks 1-based and unshared', () => {
    const ranked = rankUnits(unitStats(tree, people))
    expect(ranked.map((r) => [r.unitId, r.rank])).toEqual([
      ['b', 1],
      ['khoi', 2],
      ['b1', 3],
      ['a', 4],
      ['b2', 5],
      ['b3', 6],
    ])
  })

  it('breaks rate ties by participants, then mean score, then Vietnamese name, then id', () => {
    const base: UnitStat = {
      unitId: '',
      unitName: '',
      parentId: null,
      participants: 1,
      headcount: 2,
      participationRate: 0.5,
      attempts: 1,
      meanScore: 10,
      perfectScores: 0,
    }
    const stats: UnitStat[] = [
      { ...base, unitId: 'u1', unitName: 'Em' },
      { ...base, unitId: 'u8', unitName: 'Zeta', participants: 2, headcount: 4 },
      { ...base, unitId: 'u2', unitName: 'Bình', meanScore: 12 },
      { ...base, unitId: 'u3', unitName: 'Đội' },
      { ...base, unitId: 'u4', unitName: 'Ánh' },
      { ...base, unitId: 'u6', unitName: 'Ánh' },
      { ...base, unitId: 'u5', unitName: 'Ánh' },
      { ...base, unitId: 'u7', unitName: 'Zeta', participationRate: null, headcount: null, participants: 99 },
    ]
    expect(rankUnits(stats).map((r) => r.unitId)).toEqual(['u8', 'u2', 'u4', 'u5', 'u6', 'u3', 'u1', 'u7'])
  })
})

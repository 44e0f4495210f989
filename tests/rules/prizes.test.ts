import { describe, expect, it } from 'vitest'
import { allocatePrizes, allocateUnitPrizes } from '../../api/rules/prizes'
import { range } from './helpers'

const table = [
  { name: 'Nhất', count: 1 },
  { name: 'Nhì', count: 2 },
  { name: 'Ba', count: 3 },
]
const ranking = (n: number) => range(n).map((i) => ({ participantId: `p${i + 1}`, rank: i + 1 }))

describe('allocatePrizes', () => {
  it('fills table rows in order down the ranking', () => {
    const prizes = allocatePrizes(ranking(10), table, new Set())
    expect(prizes.map((p) => `${p.name}:${p.participantId}:${p.rank}`)).toEqual([
      'Nhất:p1:1',
      'Nhì:p2:2',
      'Nhì:p3:3',
      'Ba:p4:4',
      'Ba:p5:5',
      'Ba:p6:6',
    ])
  })

  it('passes over excluded winners and lets the next in rank take the place', () => {
    const prizes = allocatePrizes(ranking(10), table, new Set(['p1', 'p3', 'p7']))
    expect(prizes.map((p) => `${p.name}:${p.participantId}:${p.rank}`)).toEqual([
      'Nhất:p2:2',
      'Nhì:p4:4',
      'Nhì:p5:5',
      'Ba:p6:6',
      'Ba:p8:8',
      'Ba:p9:9',
    ])
  })

  it('stops when the ranking ends before the table is filled', () => {
    const prizes = allocatePrizes(ranking(2), table, new Set(['p2']))
    expect(prizes).toEqual([{ name: 'Nhất', participantId: 'p1', rank: 1 }])
    expect(allocatePrizes([], table, new Set())).toEqual([])
  })

  it('gives one person at most one prize and walks the ranking by rank', () => {
    const messy = [
      { participantId: 'b', rank: 2 },
      { participantId: 'a', rank: 1 },
      { participantId: 'a', rank: 3 },
      { participantId: 'c', rank: 4 },
    ]
    const prizes = allocatePrizes(messy, [{ name: 'Nhất', count: 1 }, { name: 'Khuyến khích', count: 0 }, { name: 'Nhì', count: 2 }], new Set())
    expect(prizes.map((p) => `${p.name}:${p.participantId}`)).toEqual(['Nhất:a', 'Nhì:b', 'Nhì:c'])
  })
})

describe('allocateUnitPrizes', () => {
  it('awards unit prizes by the unit order', () => {
    const units = [
      { unitId: 'u3', rank: 3 },
      { unitId: 'u1', rank: 1 },
      { unitId: 'u2', rank: 2 },
    ]
    expect(allocateUnitPrizes(units, [{ name: 'Giải tập thể Nhất', count: 1 }, { name: 'Giải tập thể Nhì', count: 1 }])).toEqual([
      { name: 'Giải tập thể Nhất', unitId: 'u1', rank: 1 },
      { name: 'Giải tập thể Nhì', unitId: 'u2', rank: 2 },
    ])
  })
})

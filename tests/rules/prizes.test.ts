import { describe, expect, it } from 'vitest'
import { allocatePrizes, allocateUnitPrizes } from '../../api/rules/prizes'
import { range } from './helpers'

const table = [
  { name: 'Nhất', count: 1 },
  { name: 'Nhì', count: 2 },
  { name: 'Ba', count: 3 },
]
const ranking = (n: number) => range(n).map((i) => ({ participantId: `p${i + 1}`, rank: i + 1, score: 100 - i }))
// Scores by rank, high to low (the final ranking orders by score first).
const scored = (...scores: number[]) => scores.map((score, i) => ({ participantId: `p${i + 1}`, rank: i + 1, score }))
const show = (prizes: { name: string; participantId: string }[]) => prizes.map((p) => `${p.name}:${p.participantId}`)

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
      { participantId: 'b', rank: 2, score: 9 },
      { participantId: 'a', rank: 1, score: 10 },
      { participantId: 'a', rank: 3, score: 8 },
      { participantId: 'c', rank: 4, score: 7 },
    ]
    const prizes = allocatePrizes(messy, [{ name: 'Nhất', count: 1 }, { name: 'Khuyến khích', count: 0 }, { name: 'Nhì', count: 2 }], new Set())
    expect(prizes.map((p) => `${p.name}:${p.participantId}`)).toEqual(['Nhất:a', 'Nhì:b', 'Nhì:c'])
  })
})

describe('allocatePrizes with minScore', () => {
  it('leaves a tier partly empty when the next entry is below its minScore, and the next tier starts from that entry', () => {
    const prizes = allocatePrizes(scored(20, 18, 15, 12, 10), [{ name: 'Nhất', count: 1, minScore: 18 }, { name: 'Nhì', count: 2, minScore: 16 }, { name: 'Ba', count: 2 }], new Set())
    expect(show(prizes)).toEqual(['Nhất:p1', 'Nhì:p2', 'Ba:p3', 'Ba:p4'])
  })

  it('awards no top prize when nobody reaches it, while lower tiers are still awarded', () => {
    const prizes = allocatePrizes(scored(15, 14, 9, 8), [{ name: 'Nhất', count: 1, minScore: 19 }, { name: 'Nhì', count: 2 }, { name: 'Ba', count: 1 }], new Set())
    expect(show(prizes)).toEqual(['Nhì:p1', 'Nhì:p2', 'Ba:p3'])
  })

  it('applies each tier its own threshold, and a threshold of a later tier may end the awards', () => {
    const table = [{ name: 'Nhất', count: 1, minScore: 20 }, { name: 'Nhì', count: 2, minScore: 15 }, { name: 'Ba', count: 3, minScore: 10 }, { name: 'Khuyến khích', count: 5, minScore: 1 }]
    expect(show(allocatePrizes(scored(19, 16, 12, 11, 10, 9, 0, 0), table, new Set()))).toEqual(['Nhì:p1', 'Nhì:p2', 'Ba:p3', 'Ba:p4', 'Ba:p5', 'Khuyến khích:p6'])
    // A score equal to the threshold takes the tier; a 0-point entry takes nothing under minScore 1.
    expect(show(allocatePrizes(scored(20, 0), table, new Set()))).toEqual(['Nhất:p1'])
  })

  it('passes over excluded winners before the threshold is checked', () => {
    const table = [{ name: 'Nhất', count: 1, minScore: 18 }, { name: 'Nhì', count: 2, minScore: 12 }]
    // p1 won elsewhere: p2 (18) takes Nhất; p3 (15) and p4 (14) take Nhì although p1 is above them.
    expect(show(allocatePrizes(scored(20, 18, 15, 14, 13), table, new Set(['p1'])))).toEqual(['Nhất:p2', 'Nhì:p3', 'Nhì:p4'])
    // p2 excluded, p3 (15) is below Nhất: Nhất stays empty and Nhì starts at p3.
    expect(show(allocatePrizes(scored(20, 18, 15, 14, 13), table, new Set(['p1', 'p2'])))).toEqual(['Nhì:p3', 'Nhì:p4'])
    // An excluded winner below the threshold changes nothing for the rest.
    expect(show(allocatePrizes(scored(20, 11, 10), [{ name: 'Nhất', count: 1 }, { name: 'Nhì', count: 2, minScore: 10 }], new Set(['p2'])))).toEqual(['Nhất:p1', 'Nhì:p3'])
  })

  it('treats a tier without minScore as before, and minScore 0 as no threshold', () => {
    expect(show(allocatePrizes(scored(0, 0, 0), [{ name: 'Nhất', count: 1, minScore: 0 }, { name: 'Nhì', count: 2 }], new Set()))).toEqual(['Nhất:p1', 'Nhì:p2', 'Nhì:p3'])
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

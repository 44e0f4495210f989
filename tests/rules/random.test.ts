import { describe, expect, it } from 'vitest'
import { cryptoRandom, seededRandom, shuffled } from '../../api/rules/random'
import { range } from './helpers'

describe('random sources', () => {
  it('seededRandom repeats the same sequence for the same seed and differs for another', () => {
    const a = range(20)
    const r1 = seededRandom(42)
    const r2 = seededRandom(42)
    const r3 = seededRandom(43)
    const s1 = a.map(() => r1.int(1000))
    expect(a.map(() => r2.int(1000))).toEqual(s1)
    expect(a.map(() => r3.int(1000))).not.toEqual(s1)
  })

  it('both sources stay within [0, max) and reach every value', () => {
    for (const random of [cryptoRandom, seededRandom(7)]) {
      const seen = new Set<number>()
      for (let i = 0; i < 500; i++) {
        const v = random.int(6)
        expect(Number.isInteger(v) && v >= 0 && v < 6).toBe(true)
        seen.add(v)
      }
      expect(seen.size).toBe(6)
      expect(random.int(1)).toBe(0)
    }
  })

  it('refuses a bound that is not a positive integer', () => {
    expect(() => cryptoRandom.int(0)).toThrow(RangeError)
    expect(() => seededRandom(1).int(-3)).toThrow(RangeError)
    expect(() => seededRandom(1).int(2.5)).toThrow(RangeError)
  })

  it('shuffled returns a permutation and leaves its input alone', () => {
    const input = range(10)
    const out = shuffled(input, seededRandom(3))
    expect(input).toEqual(range(10))
    expect(out.slice().sort((a, b) => a - b)).toEqual(range(10))
    const orders = new Set(range(50).map((s) => shuffled(input, seededRandom(s)).join(',')))
    expect(orders.size).toBeGreaterThan(40)
  })
})

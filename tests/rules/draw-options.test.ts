import { describe, expect, it } from 'vitest'
import { displayKeys, shuffleOptions } from '../../api/rules/draw'
import { seededRandom } from '../../api/rules/random'
import { range } from './helpers'

const options = [{ key: 'a' }, { key: 'b', pinned: true }, { key: 'c' }, { key: 'd' }, { key: 'e', pinned: true }]

describe('shuffleOptions', () => {
  it('never moves pinned options and keeps every key once, across 200 seeds', () => {
    const orders = new Set<string>()
    for (const seed of range(200)) {
      const order = shuffleOptions(options, 'single', seededRandom(seed))
      expect(order[1]).toBe('b')
      expect(order[4]).toBe('e')
      expect(order.slice().sort()).toEqual(['a', 'b', 'c', 'd', 'e'])
      orders.add(order.join(''))
    }
    // The three free options take all 3! orders.
    expect(orders.size).toBe(6)
  })

  it('shuffles multiple-choice items the same way', () => {
    const orders = new Set(range(100).map((s) => shuffleOptions([{ key: 'x' }, { key: 'y' }, { key: 'z' }], 'multiple', seededRandom(s)).join('')))
    expect(orders.size).toBe(6)
  })

  it('keeps true/false in the given order (Đúng before Sai)', () => {
    for (const seed of range(200)) {
      expect(shuffleOptions([{ key: 'dung' }, { key: 'sai' }], 'true_false', seededRandom(seed))).toEqual(['dung', 'sai'])
    }
  })

  it('returns all-pinned options unchanged', () => {
    expect(shuffleOptions([{ key: 'a', pinned: true }, { key: 'b', pinned: true }], 'single', seededRandom(1))).toEqual(['a', 'b'])
  })
})

describe('displayKeys', () => {
  it('letters options by position', () => {
    expect(displayKeys(4)).toEqual(['A', 'B', 'C', 'D'])
    expect(displayKeys(0)).toEqual([])
    expect(displayKeys(28).slice(25)).toEqual(['Z', 'AA', 'AB'])
  })
})

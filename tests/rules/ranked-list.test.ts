import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RankedList } from '../../api/lib/ranked-list'

describe('RankedList', () => {
  it.each([4, 512])('agrees with a sorted array under random inserts, removals and key changes (chunks of %i)', (chunk) => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('add', 'del', 'move'), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 50 })), { maxLength: 3000 }), (ops) => {
      const key = new Map<number, number>()
      const cmp = (a: number, b: number) => (key.get(b)! - key.get(a)!) || a - b
      const list = new RankedList(cmp, { chunk })
      for (const [op, id, k] of ops) {
        if (op === 'add' && !key.has(id)) {
          key.set(id, k)
          list.insert(id)
        } else if (op === 'del' && key.has(id)) {
          expect(list.remove(id)).toBe(true)
          key.delete(id)
        } else if (op === 'move' && key.has(id)) {
          list.remove(id)
          key.set(id, k)
          list.insert(id)
        }
      }
      const expected = [...key.keys()].sort(cmp)
      expect([...list]).toEqual(expected)
      expect(list.size).toBe(expected.length)
      for (let i = 0; i < expected.length; i += chunk < 10 ? 7 : 97) expect(list.rankOf(expected[i])).toBe(i + 1)
      for (const offset of [0, 5, 13, expected.length >> 1, Math.max(0, expected.length - 3), expected.length]) {
        expect(list.slice(offset, 10)).toEqual(expected.slice(offset, offset + 10))
      }
      expect(list.rankOf(-1)).toBe(0)
    }), { numRuns: 60 })
  })

  it('bulk loads and then updates like one built by inserts', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => i)
    const key = (i: number) => (i * 7919) % 1000
    const cmp = (a: number, b: number) => key(a) - key(b) || a - b
    const list = RankedList.from(ids, cmp)
    const sorted = ids.slice().sort(cmp)
    expect([...list]).toEqual(sorted)
    expect(list.slice(4990, 50)).toEqual(sorted.slice(4990))
    expect(list.slice(1023, 3)).toEqual(sorted.slice(1023, 1026))
    list.remove(42)
    list.insert(42)
    expect(list.rankOf(42)).toBe(sorted.indexOf(42) + 1)
    expect(list.rankOf(sorted[4999])).toBe(5000)
  })
})

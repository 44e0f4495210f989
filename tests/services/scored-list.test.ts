import { describe, expect, it } from 'vitest'
import { RankedList } from '../../api/lib/ranked-list'
import { ScoredList } from '../../api/standings/scored-list'

// A board's order kept per score must answer every read as one RankedList over the same comparator does.
describe('scored list', () => {
  it('ranks, pages and iterates as one RankedList, through inserts, removes, loads in steps and missing scores', () => {
    let seed = 1
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let round = 0; round < 120; round++) {
      const n = 1 + Math.floor(rnd() * (round < 100 ? 60 : 3000))
      const score = new Float64Array(n + 1)
      const dur = new Float64Array(n + 1)
      const values = 1 + Math.floor(rnd() * 6)
      const draw = (p: number) => {
        score[p] = rnd() < 0.02 ? NaN : Math.floor(rnd() * values) * (rnd() < 0.1 ? 0.5 : 1)
        dur[p] = Math.floor(rnd() * 5)
      }
      for (let p = 1; p <= n; p++) draw(p)
      // Score high to low, a missing one last, then duration, then the id: as rules/ranking.ts's columns do.
      const cmp = (a: number, b: number) => {
        const x = score[a], y = score[b]
        const xm = Number.isNaN(x), ym = Number.isNaN(y)
        if (xm !== ym) return xm ? 1 : -1
        if (!xm && x !== y) return y - x
        return dur[a] - dur[b] || a - b
      }
      const one = new RankedList(cmp)
      const scored = new ScoredList(cmp, (p) => score[p])
      const first = Array.from({ length: n }, (_, i) => i + 1).filter(() => rnd() < 0.6)
      one.load(first)
      if (rnd() < 0.5) scored.load(first)
      else for (const _ of scored.loadInSteps(first, 7)) { /* a slice at a time */ }
      const held = new Set(first)
      for (let op = 0; op < 150; op++) {
        const p = 1 + Math.floor(rnd() * n)
        if (held.has(p)) {
          expect(scored.remove(p)).toBe(one.remove(p))
          held.delete(p)
          if (rnd() < 0.7) {
            draw(p)
            one.insert(p)
            scored.insert(p)
            held.add(p)
          }
        } else {
          one.insert(p)
          scored.insert(p)
          held.add(p)
        }
        expect(scored.size).toBe(one.size)
        const q = 1 + Math.floor(rnd() * n)
        expect(scored.rankOf(q)).toBe(one.rankOf(q))
        const offset = Math.floor(rnd() * (n + 3))
        const limit = Math.floor(rnd() * 60)
        expect(scored.slice(offset, limit)).toEqual(one.slice(offset, limit))
      }
      expect([...scored]).toEqual([...one])
      expect(scored.remove(n + 5)).toBe(false)
    }
  })
})

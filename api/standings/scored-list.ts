import { RankedList } from '../lib/ranked-list'

// A round board's order, kept as one RankedList per score, best score first. A board ranks by score before
// any tie-break (rules/ranking.ts), and a round's scores take few values (sums of twenty items' weights),
// so a rank or a page walks the few groups above it and then one group's chunks: at 900,000 people one
// RankedList walks ~1,760 chunks for a rank or a deep page, a group of a twenty-point round ~85.
// The same calls as RankedList; `scoreOf` must give the score an id was inserted with until it is removed.
export class ScoredList {
  private groups = new Map<number, RankedList>()
  private scores: number[] = [] // the scores held, best first
  private count = 0

  constructor(private cmp: (a: number, b: number) => number, private scoreOf: (id: number) => number) {}

  get size(): number {
    return this.count
  }

  private group(score: number): RankedList {
    let g = this.groups.get(score)
    if (!g) {
      this.groups.set(score, (g = new RankedList(this.cmp)))
      let at = 0
      while (at < this.scores.length && before(this.scores[at], score)) at++
      this.scores.splice(at, 0, score)
    }
    return g
  }

  private split(ids: number[]): Map<number, number[]> {
    this.groups.clear()
    this.scores = []
    this.count = ids.length
    const by = new Map<number, number[]>()
    for (const id of ids) {
      const s = this.scoreOf(id)
      let some = by.get(s)
      if (!some) by.set(s, (some = []))
      some.push(id)
    }
    return by
  }

  // Replaces the contents with ids in any order.
  load(ids: number[]): void {
    for (const [score, some] of this.split(ids)) this.group(score).load(some)
  }

  // The same a slice at a time (RankedList.loadInSteps, group by group).
  *loadInSteps(ids: number[], budget = 20_000): Generator<void> {
    for (const [score, some] of this.split(ids)) yield* this.group(score).loadInSteps(some, budget)
  }

  insert(id: number): void {
    this.group(this.scoreOf(id)).insert(id)
    this.count++
  }

  remove(id: number): boolean {
    const score = this.scoreOf(id)
    const g = this.groups.get(score)
    if (!g?.remove(id)) return false
    this.count--
    if (!g.size) {
      this.groups.delete(score)
      this.scores.splice(this.scores.indexOf(score), 1)
    }
    return true
  }

  // 1-based rank, or 0 when the id is not in the list.
  rankOf(id: number): number {
    const score = this.scoreOf(id)
    const g = this.groups.get(score)
    const within = g ? g.rankOf(id) : 0
    if (!within) return 0
    let above = 0
    for (const s of this.scores) {
      if (s === score || (s !== s && score !== score)) break
      above += this.groups.get(s)!.size
    }
    return above + within
  }

  slice(offset: number, limit: number): number[] {
    const out: number[] = []
    let skip = offset
    for (const s of this.scores) {
      if (out.length >= limit) break
      const g = this.groups.get(s)!
      if (skip >= g.size) {
        skip -= g.size
        continue
      }
      for (const id of g.slice(skip, limit - out.length)) out.push(id)
      skip = 0
    }
    return out
  }

  *[Symbol.iterator](): IterableIterator<number> {
    for (const s of this.scores) yield* this.groups.get(s)!
  }
}

// Does a group of score a come before one of score b: higher first, a missing (NaN) score last.
const before = (a: number, b: number) => (b !== b ? a === a : a > b)

// A sorted list of integer ids with rank lookups, built for leaderboards of a million entries.
// Ids live in chunks of at most 2·CHUNK ids; insert, remove, rank and page are O(√n)-ish with small
// constants (a binary search over chunks, then within one), and nothing is ever re-sorted whole.
const CHUNK = 512

export class RankedList {
  private chunks: number[][] = []
  private count = 0

  constructor(private cmp: (a: number, b: number) => number) {}

  get size(): number {
    return this.count
  }

  static from(ids: number[], cmp: (a: number, b: number) => number): RankedList {
    const list = new RankedList(cmp)
    list.load(ids)
    return list
  }

  // Replaces the contents with ids in any order: one sort, then cut into chunks.
  load(ids: number[]): void {
    this.loadSorted(ids.slice().sort(this.cmp))
  }

  // The same a slice at a time: a bottom-up merge sort that yields after about `budget` comparisons, so
  // sorting a million entries (half a second and more in one go) never holds the event loop for long.
  *loadInSteps(ids: number[], budget = 20_000): Generator<void> {
    let from = ids.slice()
    let to = new Array<number>(from.length)
    const n = from.length
    let work = 0
    for (let width = 1; width < n; width *= 2) {
      for (let lo = 0; lo < n; lo += 2 * width) {
        const mid = Math.min(lo + width, n)
        const hi = Math.min(lo + 2 * width, n)
        let i = lo
        let j = mid
        for (let k = lo; k < hi; k++) {
          to[k] = i < mid && (j >= hi || this.cmp(from[i], from[j]) <= 0) ? from[i++] : from[j++]
          if (++work >= budget) {
            work = 0
            yield
          }
        }
      }
      ;[from, to] = [to, from]
    }
    this.loadSorted(from)
  }

  private loadSorted(sorted: number[]): void {
    this.chunks = []
    for (let i = 0; i < sorted.length; i += CHUNK) this.chunks.push(sorted.slice(i, i + CHUNK))
    this.count = sorted.length
  }

  // The first chunk whose last id does not sort before `id`.
  private chunkFor(id: number): number {
    let lo = 0
    let hi = this.chunks.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const c = this.chunks[mid]
      if (this.cmp(c[c.length - 1], id) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private indexIn(chunk: number[], id: number): number {
    let lo = 0
    let hi = chunk.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.cmp(chunk[mid], id) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  insert(id: number): void {
    if (!this.chunks.length) {
      this.chunks.push([id])
      this.count = 1
      return
    }
    const ci = this.chunkFor(id)
    const chunk = this.chunks[ci]
    chunk.splice(this.indexIn(chunk, id), 0, id)
    this.count++
    if (chunk.length > 2 * CHUNK) this.chunks.splice(ci, 1, chunk.slice(0, CHUNK), chunk.slice(CHUNK))
  }

  // The id must still compare as it did when inserted: remove before changing its sort key.
  remove(id: number): boolean {
    if (!this.chunks.length) return false
    const ci = this.chunkFor(id)
    const chunk = this.chunks[ci]
    const at = this.indexIn(chunk, id)
    if (chunk[at] !== id) return false
    chunk.splice(at, 1)
    this.count--
    if (!chunk.length) this.chunks.splice(ci, 1)
    return true
  }

  // 1-based rank, or 0 when the id is not in the list.
  rankOf(id: number): number {
    if (!this.chunks.length) return 0
    const ci = this.chunkFor(id)
    const chunk = this.chunks[ci]
    const at = this.indexIn(chunk, id)
    if (chunk[at] !== id) return 0
    let before = 0
    for (let i = 0; i < ci; i++) before += this.chunks[i].length
    return before + at + 1
  }

  slice(offset: number, limit: number): number[] {
    const out: number[] = []
    let skip = offset
    for (const chunk of this.chunks) {
      if (skip >= chunk.length) {
        skip -= chunk.length
        continue
      }
      for (let i = skip; i < chunk.length && out.length < limit; i++) out.push(chunk[i])
      skip = 0
      if (out.length >= limit) break
    }
    return out
  }

  *[Symbol.iterator](): IterableIterator<number> {
    for (const chunk of this.chunks) yield* chunk
  }
}

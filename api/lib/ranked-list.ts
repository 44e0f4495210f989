// A sorted list of integer ids with rank lookups, built for leaderboards of a million entries.
// Ids live in chunks of at most 2·chunk ids: insert and remove find their chunk by binary search and move
// at most a chunk's ids; rank and page find a position through a Fenwick tree over the chunks' lengths,
// O(log n) (adding up 1,758 chunk lengths at 900,000 people cost 50–90 µs a read). Nothing is ever
// re-sorted whole.
const CHUNK = 512

export class RankedList {
  private chunks: number[][] = []
  private count = 0
  // Fenwick tree over chunk lengths (1-based); null when chunks were split or dropped since it was built.
  private sums: Int32Array | null = null
  private readonly chunk: number

  // `chunk` is for tests, to exercise many chunks with few ids.
  constructor(private cmp: (a: number, b: number) => number, options: { chunk?: number } = {}) {
    this.chunk = options.chunk ?? CHUNK
  }

  get size(): number {
    return this.count
  }

  static from(ids: number[], cmp: (a: number, b: number) => number): RankedList {
    const list = new RankedList(cmp)
    list.load(ids)
    return list
  }

  // Replaces the contents with ids in any order: one sort, then cut into chunks. `ids` is taken and sorted
  // in place, as by loadInSteps.
  load(ids: number[]): void {
    this.loadSorted(ids.sort(this.cmp))
  }

  // The same a slice at a time: a bottom-up merge sort that yields after about `budget` comparisons, so
  // sorting a million entries (half a second and more in one go) never holds the event loop for long.
  // `ids` is taken, not copied (its order is used up): at a million people a copy is 8 MB more.
  *loadInSteps(ids: number[], budget = 20_000): Generator<void> {
    let from = ids
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
    for (let i = 0; i < sorted.length; i += this.chunk) this.chunks.push(sorted.slice(i, i + this.chunk))
    this.count = sorted.length
    this.sums = null
  }

  // Built in O(chunks) when first needed after the chunks changed shape.
  private fenwick(): Int32Array {
    if (this.sums) return this.sums
    const n = this.chunks.length
    const sums = new Int32Array(n + 1)
    for (let i = 1; i <= n; i++) {
      sums[i] += this.chunks[i - 1].length
      const parent = i + (i & -i)
      if (parent <= n) sums[parent] += sums[i]
    }
    return (this.sums = sums)
  }

  private grew(ci: number, by: number): void {
    const sums = this.sums
    if (!sums) return
    for (let i = ci + 1; i < sums.length; i += i & -i) sums[i] += by
  }

  // How many ids the chunks before chunk ci hold.
  private before(ci: number): number {
    const sums = this.fenwick()
    let total = 0
    for (let i = ci; i > 0; i -= i & -i) total += sums[i]
    return total
  }

  // The chunk holding 0-based position `at` (< count), and the position within it.
  private locate(at: number): [number, number] {
    const sums = this.fenwick()
    let ci = 0
    let rest = at
    for (let step = 1 << (31 - Math.clz32(sums.length - 1)); step > 0; step >>= 1) {
      if (ci + step < sums.length && sums[ci + step] <= rest) {
        ci += step
        rest -= sums[ci]
      }
    }
    return [ci, rest]
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
      this.sums = null
      return
    }
    const ci = this.chunkFor(id)
    const chunk = this.chunks[ci]
    chunk.splice(this.indexIn(chunk, id), 0, id)
    this.count++
    if (chunk.length > 2 * this.chunk) {
      this.chunks.splice(ci, 1, chunk.slice(0, this.chunk), chunk.slice(this.chunk))
      this.sums = null
    } else this.grew(ci, 1)
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
    if (!chunk.length) {
      this.chunks.splice(ci, 1)
      this.sums = null
    } else this.grew(ci, -1)
    return true
  }

  // 1-based rank, or 0 when the id is not in the list.
  rankOf(id: number): number {
    if (!this.chunks.length) return 0
    const ci = this.chunkFor(id)
    const chunk = this.chunks[ci]
    const at = this.indexIn(chunk, id)
    if (chunk[at] !== id) return 0
    return this.before(ci) + at + 1
  }

  slice(offset: number, limit: number): number[] {
    const out: number[] = []
    if (offset >= this.count || limit <= 0) return out
    let [ci, i] = this.locate(Math.max(0, offset))
    for (; ci < this.chunks.length && out.length < limit; ci++, i = 0) {
      const chunk = this.chunks[ci]
      for (; i < chunk.length && out.length < limit; i++) out.push(chunk[i])
    }
    return out
  }

  *[Symbol.iterator](): IterableIterator<number> {
    for (const chunk of this.chunks) yield* chunk
  }
}

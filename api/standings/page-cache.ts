// Read-heavy pages (leaderboards) are identical until their data moves: the JSON body is kept per key as
// UTF-8 bytes without its closing brace, so the route only appends serverTime: a page read costs a map
// lookup, one copy and a socket write.
// A page is kept only when asked for a second time: the top pages that watchers refetch on every change
// are, a random deep page of a big board is not, and keeping those would only churn the heap (every kept
// body lives long enough to reach V8's old generation, and then dies there).
export class JsonPageCache {
  private pages = new Map<string, Buffer>()
  private askedOnce = new Set<string>()
  constructor(private max = 256) {}

  // The page's JSON without its closing brace, when kept.
  get(key: string): Buffer | undefined {
    return this.pages.get(key)
  }

  // A page just built: kept if it was asked for before. Returns the body.
  offer(key: string, body: Buffer): Buffer {
    if (this.askedOnce.delete(key)) {
      if (this.pages.size >= this.max) this.pages.delete(this.pages.keys().next().value as string)
      this.pages.set(key, body)
    } else {
      if (this.askedOnce.size >= 8 * this.max) this.askedOnce.delete(this.askedOnce.values().next().value as string)
      this.askedOnce.add(key)
    }
    return body
  }
}

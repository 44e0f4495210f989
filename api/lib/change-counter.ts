import type { Db } from '../../db/client'

// A count of changes per database and key (a round, a contest), for caches of in-memory structures to
// know when what they were built from has changed. Starts at 0.
export class ChangeCounter {
  private counts = new WeakMap<Db, Map<string, number>>()

  of(db: Db, key: string): number {
    return this.counts.get(db)?.get(key) ?? 0
  }

  bump(db: Db, key: string): void {
    let perDb = this.counts.get(db)
    if (!perDb) this.counts.set(db, (perDb = new Map()))
    perDb.set(key, this.of(db, key) + 1)
  }
}

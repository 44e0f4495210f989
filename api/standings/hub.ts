// Per-round standings versions and their listeners. A change bumps the version at once (so caches see it)
// and listeners hear of it at most about once a second, however many submits arrive.
type Listener = (version: number) => void

export class StandingsHub {
  private versions = new Map<string, number>()
  private listeners = new Map<string, Set<Listener>>()
  private pending = new Map<string, ReturnType<typeof setTimeout>>()
  private lastSent = new Map<string, number>()

  constructor(private intervalMs = 1000, private now: () => number = Date.now) {}

  version(roundId: string): number {
    return this.versions.get(roundId) ?? 0
  }

  bump(roundId: string): void {
    this.versions.set(roundId, this.version(roundId) + 1)
    if (!this.listeners.get(roundId)?.size || this.pending.has(roundId)) return
    const wait = Math.max(0, (this.lastSent.get(roundId) ?? 0) + this.intervalMs - this.now())
    const timer = setTimeout(() => this.flush(roundId), wait)
    timer.unref?.()
    this.pending.set(roundId, timer)
  }

  listening(): boolean {
    for (const set of this.listeners.values()) if (set.size) return true
    return false
  }

  subscribe(roundId: string, listener: Listener): () => void {
    let set = this.listeners.get(roundId)
    if (!set) this.listeners.set(roundId, (set = new Set()))
    set.add(listener)
    return () => set.delete(listener)
  }

  private flush(roundId: string) {
    this.pending.delete(roundId)
    this.lastSent.set(roundId, this.now())
    const version = this.version(roundId)
    for (const l of this.listeners.get(roundId) ?? []) l(version)
  }

  close(): void {
    for (const t of this.pending.values()) clearTimeout(t)
    this.pending.clear()
    this.listeners.clear()
  }
}

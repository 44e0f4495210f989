import { AppError } from '../errors'

// Fixed one-minute windows per key, in memory (one process). Old windows are dropped as they pass.
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>()
  constructor(private now: () => number, private windowMs = 60_000) {}

  hit(key: string, limit: number, cost = 1): void {
    const now = this.now()
    let w = this.windows.get(key)
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, count: 0 }
      this.windows.set(key, w)
      if (this.windows.size > 100_000) this.prune(now)
    }
    if (w.count + cost > limit) {
      const retryAfter = Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000))
      throw new AppError('RATE_LIMITED', `Bạn thao tác quá nhanh. Vui lòng thử lại sau ${retryAfter} giây.`, { retryAfter })
    }
    w.count += cost
  }

  // Refuses when the key has already used its limit, without counting this request.
  check(key: string, limit: number): void {
    const w = this.windows.get(key)
    if (w && this.now() - w.start < this.windowMs && w.count >= limit) this.hit(key, limit)
  }

  // A successful sign-in should not leave failures counted against the identifier.
  reset(key: string): void {
    this.windows.delete(key)
  }

  private prune(now: number) {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k)
  }
}

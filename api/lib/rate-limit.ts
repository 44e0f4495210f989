import { AppError } from '../errors'

export const SECONDS = 60

// Counts requests per key over the last minute and refuses past the limit (RATE_LIMITED, with how long to
// wait). In memory for one process (RateLimiter); in the database when several servers share the count
// (SharedRateLimiter, api/lib/shared-rate-limit.ts): routes await whichever they are given.
export type Limiter = { hit(key: string, limit: number, cost?: number): void | Promise<void> }

// Seconds until `cost` more fits under `limit`, as the oldest seconds of the window slide out: countAt(age)
// is what was counted `age` seconds ago (0 = this second, 59 = the oldest still counted).
export function secondsUntilRoom(countAt: (age: number) => number, total: number, cost: number, limit: number): number {
  let freed = 0
  for (let age = SECONDS - 1; age >= 0; age--) {
    freed += countAt(age)
    if (total - freed + cost <= limit) return SECONDS - age
  }
  return SECONDS
}

export function rateLimited(wait: number): AppError {
  return new AppError('RATE_LIMITED', `Bạn thao tác quá nhanh. Vui lòng thử lại sau ${wait} giây.`, { retryAfter: wait })
}

// Requests per key over the last 60 seconds, counted in one-second slots, in memory (one process): the
// window slides a second at a time, so a burst straddling a minute boundary is counted whole (fixed
// minute buckets let twice the limit through there), and it costs ~250 bytes a key whatever the limit.
type Slots = { counts: Uint32Array; total: number; second: number }

export class RateLimiter implements Limiter {
  private keys = new Map<string, Slots>()
  constructor(private now: () => number) {}

  private slotsOf(key: string, second: number): Slots {
    let s = this.keys.get(key)
    if (!s) {
      this.keys.set(key, (s = { counts: new Uint32Array(SECONDS), total: 0, second }))
      if (this.keys.size > 100_000) this.prune(second)
    }
    // Slots of the seconds that have passed since the last hit fall out of the window.
    for (let t = s.second + 1; t <= Math.min(second, s.second + SECONDS); t++) {
      s.total -= s.counts[t % SECONDS]
      s.counts[t % SECONDS] = 0
    }
    s.second = Math.max(s.second, second)
    return s
  }

  hit(key: string, limit: number, cost = 1): void {
    const second = Math.floor(this.now() / 1000)
    const s = this.slotsOf(key, second)
    if (s.total + cost > limit) {
      const counts = s.counts
      throw rateLimited(secondsUntilRoom((age) => counts[(second - age + SECONDS * 2) % SECONDS], s.total, cost, limit))
    }
    s.counts[second % SECONDS] += cost
    s.total += cost
  }

  private prune(second: number) {
    for (const [k, s] of this.keys) if (second - s.second >= SECONDS) this.keys.delete(k)
  }
}

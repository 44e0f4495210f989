import { AppError } from '../errors'

const SECONDS = 60

// Requests per key over the last 60 seconds, counted in one-second slots, in memory (one process): the
// window slides a second at a time, so a burst straddling a minute boundary is counted whole (fixed
// minute buckets let twice the limit through there), and it costs ~250 bytes a key whatever the limit.
type Slots = { counts: Uint32Array; total: number; second: number }

export class RateLimiter {
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
      // Wait until enough of the oldest seconds have slid out.
      let freed = 0
      let wait = SECONDS
      for (let age = SECONDS - 1; age >= 0; age--) {
        freed += s.counts[(second - age + SECONDS * 2) % SECONDS]
        if (s.total - freed + cost <= limit) {
          wait = SECONDS - age
          break
        }
      }
      throw new AppError('RATE_LIMITED', `Bạn thao tác quá nhanh. Vui lòng thử lại sau ${wait} giây.`, { retryAfter: wait })
    }
    s.counts[second % SECONDS] += cost
    s.total += cost
  }

  private prune(second: number) {
    for (const [k, s] of this.keys) if (second - s.second >= SECONDS) this.keys.delete(k)
  }
}

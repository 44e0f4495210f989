import { all, lock, run, transaction, type Program } from '../../db/program'
import { rateLimited, SECONDS, secondsUntilRoom, type Limiter } from './rate-limit'

// The rate limit counted in the database, so every server sharing it counts every request: one row per key
// and second, the last 60 seconds summed. The per-key lock makes a check and its count one step across
// servers, so a burst spread over them cannot pass the limit between a read and a write.
export function* countHit(key: string, limit: number, cost: number, nowMs: number): Program<{ wait: number } | null> {
  return yield* transaction(function* () {
    const second = Math.floor(nowMs / 1000)
    yield* lock(`rate:${key}`)
    const rows = yield* all<{ second: number; count: number }>('SELECT second, count FROM rate_hits WHERE key = ? AND second > ?', key, second - SECONDS)
    const total = rows.reduce((sum, r) => sum + r.count, 0)
    if (total + cost > limit) {
      const byAge = new Map(rows.map((r) => [second - r.second, r.count]))
      return { wait: secondsUntilRoom((age) => byAge.get(age) ?? 0, total, cost, limit) }
    }
    yield* run(`INSERT INTO rate_hits (key, second, count) VALUES (?, ?, ?)
      ON CONFLICT (key, second) DO UPDATE SET count = rate_hits.count + excluded.count`, key, second, cost)
    return null
  })
}

// Seconds that left every window: the sweeper removes them.
export function* pruneRateHits(nowMs: number): Program<number> {
  return (yield* run('DELETE FROM rate_hits WHERE second <= ?', Math.floor(nowMs / 1000) - SECONDS)).changes
}

export class SharedRateLimiter implements Limiter {
  constructor(private runProgram: <T>(program: Program<T>) => Promise<T>, private now: () => number) {}

  async hit(key: string, limit: number, cost = 1): Promise<void> {
    const refused = await this.runProgram(countHit(key, limit, cost, this.now()))
    if (refused) throw rateLimited(refused.wait)
  }
}

import { afterEach, describe, expect, it } from 'vitest'
import { GuessGuard, type Guesses } from '../../api/lib/guess-guard'
import { RateLimiter, type Limiter } from '../../api/lib/rate-limit'
import { SharedGuessGuard } from '../../api/lib/shared-guess-guard'
import { pruneRateHits, SharedRateLimiter } from '../../api/lib/shared-rate-limit'
import { openPg, type PgDb } from '../../db/pg'
import { runPg } from '../../db/pg-runner'
import type { Program } from '../../db/program'
import { pgTestDb, type PgTestDb } from '../helpers/pg'

let t: PgTestDb | undefined
let servers: PgDb[] = []
afterEach(async () => {
  await Promise.all(servers.map((s) => s.$client.end()))
  servers = []
  await t?.drop()
  t = undefined
})

// Three servers on one database, each with its own limiter and guard over its own pool, and one clock.
async function threeServers(now: () => number) {
  t = await pgTestDb()
  servers = [openPg(t.url, { max: 4 }), openPg(t.url, { max: 4 }), openPg(t.url, { max: 4 })]
  return servers.map((db) => {
    const runProgram = <T>(p: Program<T>) => runPg(db.$client, p)
    return { limiter: new SharedRateLimiter(runProgram, now) as Limiter, guesses: new SharedGuessGuard(runProgram, now) as Guesses }
  })
}

const outcomes = (results: PromiseSettledResult<unknown>[]) => ({
  passed: results.filter((r) => r.status === 'fulfilled').length,
  limited: results.filter((r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'RATE_LIMITED').length,
})

describe('limits shared by several servers on PostgreSQL', () => {
  it('let exactly the limit through when a burst is spread over three servers, and again once the minute has slid', async () => {
    let now = Date.parse('2026-12-07T08:00:00Z')
    const s = await threeServers(() => now)
    const burst = () => Promise.allSettled(Array.from({ length: 45 }, (_, i) => s[i % 3].limiter.hit('register:10.0.0.1', 20)))
    expect(outcomes(await burst())).toEqual({ passed: 20, limited: 25 })
    await expect(Promise.resolve(s[0].limiter.hit('register:10.0.0.1', 20))).rejects.toMatchObject({ details: { retryAfter: 60 } })
    expect(outcomes(await Promise.allSettled([s[1].limiter.hit('register:10.0.0.2', 20)]))).toEqual({ passed: 1, limited: 0 })
    now += 61_000
    expect(outcomes(await burst())).toEqual({ passed: 20, limited: 25 })
    expect(await runPg(t!.db.$client, pruneRateHits(now))).toBe(2)
  })

  it('count sign-in guesses per person across servers: parallel guesses cannot take more than the free places', async () => {
    let now = Date.parse('2026-12-07T08:00:00Z')
    const s = await threeServers(() => now)
    const settles = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => s[i % 3].guesses.reserve('p:0912345678', 3)))
    expect(outcomes(settles)).toEqual({ passed: 3, limited: 9 })
    for (const r of settles) if (r.status === 'fulfilled') await r.value('failure')
    // Three failures: the next guess waits, on any server, and the owner gets in after the delay.
    await expect(s[2].guesses.reserve('p:0912345678', 3)).rejects.toMatchObject({ code: 'RATE_LIMITED' })
    now += 2_000
    const settle = await s[1].guesses.reserve('p:0912345678', 3)
    await settle('success')
    now += 1
    expect(outcomes(await Promise.allSettled([0, 1, 2].map((i) => s[i].guesses.reserve('p:0912345678', 3))))).toEqual({ passed: 3, limited: 0 })
  })

  it('in memory, one process applies the same policy', async () => {
    const now = Date.parse('2026-12-07T08:00:00Z')
    const limiter = new RateLimiter(() => now)
    const guard = new GuessGuard(() => now)
    expect(outcomes(await Promise.allSettled(Array.from({ length: 45 }, async () => limiter.hit('k', 20))))).toEqual({ passed: 20, limited: 25 })
    expect(outcomes(await Promise.allSettled(Array.from({ length: 12 }, async () => guard.reserve('p', 3))))).toEqual({ passed: 3, limited: 9 })
  })
})

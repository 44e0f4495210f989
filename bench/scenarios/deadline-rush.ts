import { health, phase, sleep, type Ctx, type Person } from '../lib/context'
import { spread } from '../lib/group'
import { call, serverTimingMs } from '../lib/http'
import { fromLoad, serverText } from '../lib/report'
import { loadOn, shareCount, shareOf } from '../lib/spread'
import { openSubscribers } from '../lib/sse'
import { summarize } from '../lib/stats'
import { refetchDelay } from '../../web/stores/refetch-spread'
import type { Day } from './setup'

// 3. Deadline rush: every attempt submitted at once while SSE watchers refetch the first board page on
// each `standings` event after the same random wait as the web client (web/stores/refetch-spread.ts).
// With several servers the watchers are spread over them, each refetching from the server it listens to.
export async function deadlineRush(ctx: Ctx, day: Day) {
  const { group } = day
  const n = group.servers.length
  const base = await health(ctx, group, ctx.cfg.rushConnections, '3')
  const refetch: number[] = []
  const refetchServer: number[] = []
  let refetchFailed = 0
  const watchers = (await Promise.all(group.servers.map(({ url }, s) =>
    openSubscribers(`${url}/api/rounds/${day.roundId}/leaderboard/stream`, shareCount(ctx.cfg.watchers, n, s), (e, sub) => {
      if (sub.events.length < 2) return // the first event is the greeting on connect
      setTimeout(() => void call(url, 'GET', `/rounds/${day.roundId}/leaderboard?limit=50&offset=0`).then((r) => {
        if (r.status !== 200) return refetchFailed++
        refetch.push(r.ms)
        refetchServer.push(serverTimingMs(r.headers))
      }, () => refetchFailed++), refetchDelay())
    })))).flat()
  const people = day.people.filter((p) => p.attemptId)
  const { value: r, rssMb, cpu } = await phase(group, () => loadOn(group, ctx.cfg.rushConnections, (s) => {
    const mine = shareOf(people, n, s)
    let next = 0
    return {
      amount: mine.length,
      request: () => {
        const p: Person = mine[next++]
        return { method: 'POST', path: `/api/attempts/${p.attemptId}/submit`, headers: { cookie: p.cookie }, body: JSON.stringify({ prediction: 1000 + (next % 1500) }) }
      },
    }
  }))
  await sleep(2500) // the last standings event comes at most ~1 s after the last submit
  for (const w of watchers) w.close()
  const totals = await Promise.all(group.servers.map(async ({ url }) => (await call(url, 'GET', `/rounds/${day.roundId}/leaderboard?limit=1&offset=0`)).body?.total))
  const ok = r.rps >= 2000 && r.latency.p99 <= 30
  ctx.report.add({ scenario: '3', what: 'submit (deadline rush)', settings: `${people.length} submits, ${ctx.cfg.rushConnections} conn${spread(group)}, ${ctx.cfg.watchers} SSE watchers refetching`,
    ...fromLoad(r), ratio: r.rps / base.rps, bare: r.rps / base.bareRps, rssMb, cpu, server: serverText(r), target: '≥ 2,000/s, p99 ≤ 30 ms', met: ok && r.ok === people.length })
  const events = summarize(watchers.map((w) => w.events.length - 1))
  const lat = summarize(refetch)
  const st = summarize(refetchServer)
  ctx.report.add({ scenario: '3', what: 'board page 1 refetched on each SSE event, during the rush', settings: `${ctx.cfg.watchers} watchers${spread(group)}`,
    n: lat.n, p50: lat.p50, p95: lat.p95, p99: lat.p99, server: `p50 ${st.p50.toFixed(2)} / p99 ${st.p99.toFixed(2)} ms`, met: null })
  ctx.report.note(`deadline rush: each SSE watcher got ${events.p50} standings events (min ${Math.min(...watchers.map((w) => w.events.length - 1))}) over ${(r.elapsedMs / 1000).toFixed(1)} s of submits; board total after the rush ${totals.join(' / ')}${n > 1 ? ' (one per server)' : ''} (expected ${people.length}); ${refetchFailed} refetches failed.`)
  if (r.ok !== people.length) ctx.report.note(`submits: ${r.ok} of ${people.length} answered 2xx (${JSON.stringify(r.statuses)}, errors ${r.errors}).`)
}

import { health, phase, sleep, type Ctx } from '../lib/context'
import { call, serverTimingMs } from '../lib/http'
import { load } from '../lib/load'
import { fromLoad, serverText } from '../lib/report'
import { openSubscribers } from '../lib/sse'
import { summarize } from '../lib/stats'
import { refetchDelay } from '../../web/stores/refetch-spread'
import type { Day } from './setup'

// 3. Deadline rush: every attempt submitted at once while SSE watchers refetch the first board page on
// each `standings` event after the same random wait as the web client (web/stores/refetch-spread.ts).
export async function deadlineRush(ctx: Ctx, day: Day) {
  const base = await health(ctx, day.server, ctx.cfg.rushConnections, '3')
  const url = day.server.url
  const refetch: number[] = []
  const refetchServer: number[] = []
  let refetchFailed = 0
  const watchers = await openSubscribers(`${url}/api/rounds/${day.roundId}/leaderboard/stream`, ctx.cfg.watchers, (e, s) => {
    if (s.events.length < 2) return // the first event is the greeting on connect
    setTimeout(() => void call(url, 'GET', `/rounds/${day.roundId}/leaderboard?limit=50&offset=0`).then((r) => {
      if (r.status !== 200) return refetchFailed++
      refetch.push(r.ms)
      refetchServer.push(serverTimingMs(r.headers))
    }, () => refetchFailed++), refetchDelay())
  })
  const people = day.people.filter((p) => p.attemptId)
  let next = 0
  const { value: r, rssMb, cpu } = await phase(day.server, () => load({
    url, connections: Math.min(ctx.cfg.rushConnections, people.length), amount: people.length,
    request: () => {
      const p = people[next++]
      return { method: 'POST', path: `/api/attempts/${p.attemptId}/submit`, headers: { cookie: p.cookie }, body: JSON.stringify({ prediction: 1000 + (next % 1500) }) }
    },
  }))
  await sleep(2500) // the last standings event comes at most ~1 s after the last submit
  for (const w of watchers) w.close()
  const board = await call(url, 'GET', `/rounds/${day.roundId}/leaderboard?limit=1&offset=0`)
  const ok = r.rps >= 2000 && r.latency.p99 <= 30
  ctx.report.add({ scenario: '3', what: 'submit (deadline rush)', settings: `${people.length} submits, ${ctx.cfg.rushConnections} conn, ${ctx.cfg.watchers} SSE watchers refetching`,
    ...fromLoad(r), ratio: r.rps / base.rps, rssMb, cpu, server: serverText(r), target: '≥ 2,000/s, p99 ≤ 30 ms', met: ok && r.ok === people.length })
  const events = summarize(watchers.map((w) => w.events.length - 1))
  const lat = summarize(refetch)
  const st = summarize(refetchServer)
  ctx.report.add({ scenario: '3', what: 'board page 1 refetched on each SSE event, during the rush', settings: `${ctx.cfg.watchers} watchers`,
    n: lat.n, p50: lat.p50, p95: lat.p95, p99: lat.p99, server: `p50 ${st.p50.toFixed(2)} / p99 ${st.p99.toFixed(2)} ms`, met: null })
  ctx.report.note(`deadline rush: each SSE watcher got ${events.p50} standings events (min ${Math.min(...watchers.map((w) => w.events.length - 1))}) over ${(r.elapsedMs / 1000).toFixed(1)} s of submits; board total after the rush ${board.body?.total} (expected ${people.length}); ${refetchFailed} refetches failed.`)
  if (r.ok !== people.length) ctx.report.note(`submits: ${r.ok} of ${people.length} answered 2xx (${JSON.stringify(r.statuses)}, errors ${r.errors}).`)
}

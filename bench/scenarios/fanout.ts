import { phase, sleep, type Ctx } from '../lib/context'
import { spread } from '../lib/group'
import { call } from '../lib/http'
import { shareCount } from '../lib/spread'
import { openSubscribers } from '../lib/sse'
import { summarize } from '../lib/stats'
import type { Day } from './setup'

// 6. Fan-out: `fanout` open SSE subscribers; one submit changes the standings; time until each has the event.
// With several servers the subscribers are spread over them and the submit goes to the first: the others
// learn of it through the database (the change log, woken by NOTIFY).
export async function fanout(ctx: Ctx, day: Day) {
  const { group } = day
  const n = ctx.cfg.fanout
  const { value, rssMb, cpu } = await phase(group, async () => {
    const t0 = performance.now()
    const perServer = await Promise.all(group.servers.map(({ url }, s) =>
      openSubscribers(`${url}/api/rounds/${day.roundId}/leaderboard/stream`, shareCount(n, group.servers.length, s))))
    const subs = perServer.flat()
    const openMs = performance.now() - t0
    await sleep(1500) // past the hub's once-a-second throttle, so the next change is sent at once
    const before = new Map(subs.map((s) => [s, s.version]))
    const p = day.people.find((x) => x.attempt2Id)
    if (!p) throw new Error('no live attempt left to submit')
    const sent = performance.now()
    const submit = await call(group.servers[0].url, 'POST', `/attempts/${p.attempt2Id}/submit`, { cookie: p.cookie, body: {} })
    const deadline = sent + 5000
    while (performance.now() < deadline && subs.some((s) => !(s.version > before.get(s)!))) await sleep(5)
    const delaysOf = (list: typeof subs) => list.map((s) => s.events.find((e) => e.version > before.get(s)!)?.at).filter((t): t is number => t != null).map((t) => t - sent)
    for (const s of subs) s.close()
    return { openMs, delays: delaysOf(subs), maxByServer: perServer.map((list) => Math.max(...delaysOf(list))), submitMs: submit.ms, submitStatus: submit.status }
  })
  const d = summarize(value.delays)
  const all = value.delays.length === n
  ctx.report.add({ scenario: '6', what: 'SSE fan-out: submit → event at every subscriber', settings: `${n} subscribers${spread(group)}`,
    n: d.n, p50: d.p50, p95: d.p95, p99: d.p99, value: `max ${d.max.toFixed(0)} ms; ${value.delays.length}/${n} received`, rssMb, cpu,
    target: `all ${n} within 1 s`, met: all && d.max <= 1000 })
  const byServer = group.servers.length > 1 ? ` Latest event by server (the submit went to the first): ${value.maxByServer.map((m) => `${m.toFixed(0)} ms`).join(' / ')}.` : ''
  ctx.report.note(`fan-out: opening ${n} streams took ${Math.round(value.openMs)} ms; the triggering submit answered ${value.submitStatus} in ${value.submitMs.toFixed(1)} ms.${byServer}`)
}

import { phase, sleep, type Ctx } from '../lib/context'
import { call } from '../lib/http'
import { openSubscribers } from '../lib/sse'
import { summarize } from '../lib/stats'
import type { Day } from './setup'

// 6. Fan-out: `fanout` open SSE subscribers; one submit changes the standings; time until each has the event.
export async function fanout(ctx: Ctx, day: Day) {
  const url = day.server.url
  const n = ctx.cfg.fanout
  const { value, rssMb, cpu } = await phase(day.server, async () => {
    const t0 = performance.now()
    const subs = await openSubscribers(`${url}/api/rounds/${day.roundId}/leaderboard/stream`, n)
    const openMs = performance.now() - t0
    await sleep(1500) // past the hub's once-a-second throttle, so the next change is sent at once
    const before = subs.map((s) => s.version)
    const p = day.people.find((x) => x.attempt2Id)
    if (!p) throw new Error('no live attempt left to submit')
    const sent = performance.now()
    const submit = await call(url, 'POST', `/attempts/${p.attempt2Id}/submit`, { cookie: p.cookie, body: {} })
    const deadline = sent + 5000
    while (performance.now() < deadline && subs.some((s, i) => !(s.version > before[i]))) await sleep(5)
    const delays = subs.map((s, i) => s.events.find((e) => e.version > before[i])?.at).filter((t): t is number => t != null).map((t) => t - sent)
    for (const s of subs) s.close()
    return { openMs, delays, submitMs: submit.ms, submitStatus: submit.status }
  })
  const d = summarize(value.delays)
  const all = value.delays.length === n
  ctx.report.add({ scenario: '6', what: 'SSE fan-out: submit → event at every subscriber', settings: `${n} subscribers`,
    n: d.n, p50: d.p50, p95: d.p95, p99: d.p99, value: `max ${d.max.toFixed(0)} ms; ${value.delays.length}/${n} received`, rssMb, cpu,
    target: `all ${n} within 1 s`, met: all && d.max <= 1000 })
  ctx.report.note(`fan-out: opening ${n} streams took ${Math.round(value.openMs)} ms; the triggering submit answered ${value.submitStatus} in ${value.submitMs.toFixed(1)} ms.`)
}

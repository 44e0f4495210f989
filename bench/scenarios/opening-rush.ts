import { health, phase, type Ctx, type Person } from '../lib/context'
import { spread } from '../lib/group'
import { fromLoad, serverText } from '../lib/report'
import { loadOn, shareOf } from '../lib/spread'
import type { Day } from './setup'

// 1. Every participant starts an attempt once, as fast as `rushConnections` clients can send them (spread
// over the group's servers, each person on one of them).
export async function openingRush(ctx: Ctx, day: Day) {
  const { group, people } = day
  const base = await health(ctx, group, ctx.cfg.rushConnections, '1')
  const items: number[] = []
  const { value: r, rssMb, cpu } = await phase(group, () => loadOn(group, ctx.cfg.rushConnections, (s) => {
    const mine = shareOf(people, group.servers.length, s)
    let next = 0
    return {
      amount: mine.length,
      request: (c) => {
        c.p = mine[next++]
        return { method: 'POST', path: `/api/rounds/${day.roundId}/attempts`, headers: { cookie: (c.p as Person).cookie }, body: '{}' }
      },
      onResponse: (status, body, c) => {
        if (status !== 201) return
        const attempt = JSON.parse(body).attempt
        ;(c.p as Person).attemptId = attempt.id
        items.push(attempt.items.length)
      },
    }
  }))
  const started = people.filter((p) => p.attemptId).length
  const ok = r.rps >= 2000 && r.latency.p99 <= 30
  ctx.report.add({ scenario: '1', what: 'start attempt (opening rush)', settings: `${people.length} participants, ${ctx.cfg.rushConnections} conn${spread(group)}`,
    ...fromLoad(r), ratio: r.rps / base.rps, bare: r.rps / base.bareRps, rssMb, cpu, server: serverText(r), target: '≥ 2,000/s, p99 ≤ 30 ms', met: ok && started === people.length })
  if (started !== people.length) ctx.report.note(`opening rush: only ${started} of ${people.length} starts answered 201 (statuses ${JSON.stringify(r.statuses)}, errors ${r.errors}).`)
  if (items.some((n) => n !== 20)) ctx.report.note(`opening rush: some attempts did not have 20 items (${[...new Set(items)].join(', ')}).`)
}

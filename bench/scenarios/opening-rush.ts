import { health, phase, type Ctx } from '../lib/context'
import { load } from '../lib/load'
import { fromLoad, serverText } from '../lib/report'
import type { Day } from './setup'

// 1. Every participant starts an attempt once, as fast as `rushConnections` clients can send them.
export async function openingRush(ctx: Ctx, day: Day) {
  const base = await health(ctx, day.server, ctx.cfg.rushConnections, '1')
  const people = day.people
  let next = 0
  const items: number[] = []
  const { value: r, rssMb, cpu } = await phase(day.server, () => load({
    url: day.server.url, connections: Math.min(ctx.cfg.rushConnections, people.length), amount: people.length,
    request: (c) => {
      c.i = next++
      return { method: 'POST', path: `/api/rounds/${day.roundId}/attempts`, headers: { cookie: people[c.i as number].cookie }, body: '{}' }
    },
    onResponse: (status, body, c) => {
      if (status !== 201) return
      const attempt = JSON.parse(body).attempt
      people[c.i as number].attemptId = attempt.id
      items.push(attempt.items.length)
    },
  }))
  const started = people.filter((p) => p.attemptId).length
  const ok = r.rps >= 2000 && r.latency.p99 <= 30
  ctx.report.add({ scenario: '1', what: 'start attempt (opening rush)', settings: `${people.length} participants, ${ctx.cfg.rushConnections} conn`,
    ...fromLoad(r), ratio: r.rps / base.rps, rssMb, cpu, server: serverText(r), target: '≥ 2,000/s, p99 ≤ 30 ms', met: ok && started === people.length })
  if (started !== people.length) ctx.report.note(`opening rush: only ${started} of ${people.length} starts answered 201 (statuses ${JSON.stringify(r.statuses)}, errors ${r.errors}).`)
  if (items.some((n) => n !== 20)) ctx.report.note(`opening rush: some attempts did not have 20 items (${[...new Set(items)].join(', ')}).`)
}

import { health, phase, type Ctx, type Person } from '../lib/context'
import { load, type LoadResult } from '../lib/load'
import { fromLoad, serverText } from '../lib/report'
import type { Day } from './setup'

// Saves cycle over every live attempt and its 20 positions, each with its owner's cookie.
export function saveLoad(ctx: Ctx, url: string, people: Person[], key: 'attemptId' | 'attempt2Id'): Promise<LoadResult> {
  const live = people.filter((p) => p[key])
  let k = 0
  return load({
    url, connections: ctx.cfg.saveConnections, durationSec: ctx.cfg.durationSec,
    request: () => {
      const n = k++
      const p = live[n % live.length]
      const position = (Math.floor(n / live.length) % 20) + 1
      return { method: 'PUT', path: `/api/attempts/${p[key]}/items/${position}`, headers: { cookie: p.cookie }, body: n % 3 ? '{"choice":["A"]}' : '{"choice":["B"]}' }
    },
  })
}

// 2. Taking: answer saves into live attempts at `saveConnections` connections.
export async function taking(ctx: Ctx, day: Day) {
  const base = await health(ctx, day.server, ctx.cfg.saveConnections, '2')
  const { value: r, rssMb, cpu } = await phase(day.server, () => saveLoad(ctx, day.server.url, day.people, 'attemptId'))
  const ratio = r.rps / base.rps
  ctx.report.add({ scenario: '2', what: 'save answer', settings: `${ctx.cfg.saveConnections} conn, ${ctx.cfg.durationSec} s`, ...fromLoad(r), ratio, rssMb, cpu, server: serverText(r),
    target: '≥ 0.25 of health, p99 ≤ 20 ms', met: ratio >= 0.25 && r.latency.p99 <= 20 && r.failed === 0 })
  ctx.report.note(`saves: all ${ctx.cfg.saveConnections} connections had a first answer ${Math.round(r.rampMs)} ms after they were opened (warm-ups, left out of the figures).`)
  if (r.failed || r.errors) ctx.report.note(`saves: ${r.failed} non-2xx (${JSON.stringify(r.statuses)}), ${r.errors} socket errors.`)
}

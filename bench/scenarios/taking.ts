import { health, phase, type Ctx, type Person } from '../lib/context'
import { spread, type Group } from '../lib/group'
import type { LoadResult } from '../lib/load'
import { fromLoad, serverText } from '../lib/report'
import { loadOn, shareOf } from '../lib/spread'
import type { Day } from './setup'

// Saves cycle over every live attempt and its 20 positions, each with its owner's cookie; with several
// servers each takes the saves of its share of the people.
export function saveLoad(ctx: Ctx, group: Group, people: Person[], key: 'attemptId' | 'attempt2Id'): Promise<LoadResult> {
  const live = people.filter((p) => p[key])
  return loadOn(group, ctx.cfg.saveConnections, (s) => {
    const mine = shareOf(live, group.servers.length, s)
    let k = 0
    return {
      durationSec: ctx.cfg.durationSec,
      request: () => {
        const n = k++
        const p = mine[n % mine.length]
        const position = (Math.floor(n / mine.length) % 20) + 1
        return { method: 'PUT', path: `/api/attempts/${p[key]}/items/${position}`, headers: { cookie: p.cookie }, body: n % 3 ? '{"choice":["A"]}' : '{"choice":["B"]}' }
      },
    }
  })
}

// 2. Taking: answer saves into live attempts at `saveConnections` connections.
export async function taking(ctx: Ctx, day: Day) {
  const base = await health(ctx, day.group, ctx.cfg.saveConnections, '2')
  const { value: r, rssMb, cpu } = await phase(day.group, () => saveLoad(ctx, day.group, day.people, 'attemptId'))
  const bare = r.rps / base.bareRps
  ctx.report.add({ scenario: '2', what: 'save answer', settings: `${ctx.cfg.saveConnections} conn${spread(day.group)}, ${ctx.cfg.durationSec} s`, ...fromLoad(r), ratio: r.rps / base.rps, bare, rssMb, cpu, server: serverText(r),
    target: '≥ 0.35 of bare, p99 ≤ 20 ms', met: bare >= 0.35 && r.latency.p99 <= 20 && r.failed === 0 })
  ctx.report.note(`saves: all ${ctx.cfg.saveConnections} connections had a first answer ${Math.round(r.rampMs)} ms after they were opened (warm-ups, left out of the figures).`)
  if (r.failed || r.errors) ctx.report.note(`saves: ${r.failed} non-2xx (${JSON.stringify(r.statuses)}), ${r.errors} socket errors.`)
}

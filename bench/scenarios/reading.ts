import { health, phase, type Ctx, type Person } from '../lib/context'
import { spread } from '../lib/group'
import { fromLoad, serverText } from '../lib/report'
import { loadOn, shareOf } from '../lib/spread'
import type { Day } from './setup'
import { saveLoad } from './taking'

// 4. Reading while taking: everyone starts a second attempt (setup), then saves run as in 2 while
// readers fetch board pages, "my rank" and the units board, each kind on its own connections.
export async function reading(ctx: Ctx, day: Day) {
  const { group, people } = day
  const n = group.servers.length
  const second = await loadOn(group, ctx.cfg.rushConnections, (s) => {
    const mine = shareOf(people, n, s)
    let next = 0
    return {
      amount: mine.length,
      request: (c) => { c.p = mine[next++]; return { method: 'POST', path: `/api/rounds/${day.roundId}/attempts`, headers: { cookie: (c.p as Person).cookie }, body: '{}' } },
      onResponse: (status, body, c) => { if (status === 201) (c.p as Person).attempt2Id = JSON.parse(body).attempt.id },
    }
  })
  ctx.log(`second attempts started: ${second.ok} at ${Math.round(second.rps)}/s (setup)`)
  const total = people.length
  const page = () => ({ path: `/api/rounds/${day.roundId}/leaderboard?limit=50&offset=${50 * Math.floor(Math.random() * Math.ceil(total / 50))}` })
  const myRank = (s: number) => {
    const mine = shareOf(people, n, s)
    let k = 0
    return () => ({ path: `/api/rounds/${day.roundId}/leaderboard/me`, headers: { cookie: mine[k++ % mine.length].cookie } })
  }
  // Each read alone first, at the savers' connections, against the ceiling (issue 17's targets).
  for (const [what, request] of [['board page (random page of 50), alone', () => page], ['my rank, alone', myRank]] as const) {
    const alone = await health(ctx, group, ctx.cfg.saveConnections, '4')
    const r = await phase(group, () => loadOn(group, ctx.cfg.saveConnections, (s) => ({ durationSec: ctx.cfg.durationSec, request: request(s) })))
    const bare = r.value.rps / alone.bareRps
    ctx.report.add({ scenario: '4', what, settings: `${ctx.cfg.saveConnections} conn${spread(group)}, ${ctx.cfg.durationSec} s, board of ${total}`, ...fromLoad(r.value), ratio: r.value.rps / alone.rps, bare,
      server: serverText(r.value), rssMb: r.rssMb, cpu: r.cpu, target: '≥ 0.35 of bare', met: bare >= 0.35 && r.value.failed === 0 })
  }
  const base = await health(ctx, group, ctx.cfg.saveConnections, '4')
  const conn = ctx.cfg.readerConnections
  const readers = (request: (s: number) => () => { path: string; headers?: Record<string, string> }) =>
    loadOn(group, conn, (s) => ({ durationSec: ctx.cfg.durationSec, request: request(s) }))
  const { value: [saves, pages, me, unitsBoard], rssMb, cpu } = await phase(group, () => Promise.all([
    saveLoad(ctx, group, people, 'attempt2Id'),
    readers(() => page),
    readers(myRank),
    readers(() => () => ({ path: `/api/rounds/${day.roundId}/units-leaderboard` })),
  ]))
  const settings = `${ctx.cfg.saveConnections} save + 3×${conn} reader conn${spread(group)}, ${ctx.cfg.durationSec} s, board of ${total}`
  ctx.report.add({ scenario: '4', what: 'save answer, while readers run', settings, ...fromLoad(saves), ratio: saves.rps / base.rps, bare: saves.rps / base.bareRps, rssMb, cpu, server: serverText(saves), met: null })
  ctx.report.add({ scenario: '4', what: 'board page (random page of 50)', settings, ...fromLoad(pages), server: serverText(pages), met: null })
  ctx.report.add({ scenario: '4', what: 'my rank', settings, ...fromLoad(me), server: serverText(me), met: null })
  ctx.report.add({ scenario: '4', what: 'units board', settings, ...fromLoad(unitsBoard), server: serverText(unitsBoard), met: null })
  ctx.report.note(`reading: readers' connections, opened together with the savers', all had a first answer after ${Math.round(Math.max(pages.rampMs, me.rampMs, unitsBoard.rampMs))} ms (savers ${Math.round(saves.rampMs)} ms); warm-ups are left out of the figures.`)
  for (const [name, r] of [['saves', saves], ['pages', pages], ['my rank', me], ['units board', unitsBoard]] as const) {
    if (r.failed || r.errors || !r.ok) ctx.report.note(`reading/${name}: ${r.failed} non-2xx ${JSON.stringify(r.statuses)}, ${r.errors} errors, ${r.sent} sent.`)
  }
}

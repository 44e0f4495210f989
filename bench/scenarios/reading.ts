import { health, phase, type Ctx } from '../lib/context'
import { load } from '../lib/load'
import { fromLoad, serverText } from '../lib/report'
import type { Day } from './setup'
import { saveLoad } from './taking'

// 4. Reading while taking: everyone starts a second attempt (setup), then saves run as in 2 while
// readers fetch board pages, "my rank" and the units board, each kind on its own connections.
export async function reading(ctx: Ctx, day: Day) {
  const url = day.server.url
  const people = day.people
  let next = 0
  const second = await load({
    url, connections: Math.min(ctx.cfg.rushConnections, people.length), amount: people.length,
    request: (c) => { c.i = next++; return { method: 'POST', path: `/api/rounds/${day.roundId}/attempts`, headers: { cookie: people[c.i as number].cookie }, body: '{}' } },
    onResponse: (status, body, c) => { if (status === 201) people[c.i as number].attempt2Id = JSON.parse(body).attempt.id },
  })
  ctx.log(`second attempts started: ${second.ok} at ${Math.round(second.rps)}/s (setup)`)
  const base = await health(ctx, day.server, ctx.cfg.saveConnections, '4')
  const total = people.length
  const conn = ctx.cfg.readerConnections
  let k = 0
  const { value: [saves, pages, me, unitsBoard], rssMb, cpu } = await phase(day.server, () => Promise.all([
    saveLoad(ctx, url, people, 'attempt2Id'),
    load({ url, connections: conn, durationSec: ctx.cfg.durationSec, request: () => ({ path: `/api/rounds/${day.roundId}/leaderboard?limit=50&offset=${50 * Math.floor(Math.random() * Math.ceil(total / 50))}` }) }),
    load({ url, connections: conn, durationSec: ctx.cfg.durationSec, request: () => ({ path: `/api/rounds/${day.roundId}/leaderboard/me`, headers: { cookie: people[k++ % total].cookie } }) }),
    load({ url, connections: conn, durationSec: ctx.cfg.durationSec, request: { path: `/api/rounds/${day.roundId}/units-leaderboard` } }),
  ]))
  const settings = `${ctx.cfg.saveConnections} save + 3×${conn} reader conn, ${ctx.cfg.durationSec} s, board of ${total}`
  ctx.report.add({ scenario: '4', what: 'save answer, while readers run', settings, ...fromLoad(saves), ratio: saves.rps / base.rps, rssMb, cpu, server: serverText(saves), met: null })
  ctx.report.add({ scenario: '4', what: 'board page (random page of 50)', settings, ...fromLoad(pages), server: serverText(pages), met: null })
  ctx.report.add({ scenario: '4', what: 'my rank', settings, ...fromLoad(me), server: serverText(me), met: null })
  ctx.report.add({ scenario: '4', what: 'units board', settings, ...fromLoad(unitsBoard), server: serverText(unitsBoard), met: null })
  ctx.report.note(`reading: readers' connections, opened together with the savers', all had a first answer after ${Math.round(Math.max(pages.rampMs, me.rampMs, unitsBoard.rampMs))} ms (savers ${Math.round(saves.rampMs)} ms); warm-ups are left out of the figures.`)
  for (const [name, r] of [['saves', saves], ['pages', pages], ['my rank', me], ['units board', unitsBoard]] as const) {
    if (r.failed || r.errors || !r.ok) ctx.report.note(`reading/${name}: ${r.failed} non-2xx ${JSON.stringify(r.statuses)}, ${r.errors} errors, ${r.sent} sent.`)
  }
}

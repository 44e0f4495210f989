import { join } from 'node:path'
import type { Ctx, Person } from '../lib/context'
import { call, expectOk, pool } from '../lib/http'
import { birthDate, personName, phoneOf, seeded } from '../lib/people'
import { startServer, type Server } from '../lib/server'

export type Day = { server: Server; contestId: string; roundId: string; people: Person[] }

// A fresh database with the demo contest (its open round draws 20 questions by blueprint from the whole bank),
// and participants registered through the API before anything is measured (scrypt costs ~50 ms each).
export async function setupContestDay(ctx: Ctx): Promise<Day> {
  const server = await startServer({ dbPath: join(ctx.tmp, 'day.db'), seedDemo: true, profileDir: ctx.profileDir })
  ctx.log(`server up on a fresh database in ${Math.round(server.readyMs)} ms`)
  const contests = (await expectOk(call(server.url, 'GET', '/contests'), 'contests')).body.contests as { id: string; slug: string; rounds: { id: string; status: string }[] }[]
  const contest = contests.find((c) => c.slug === 'dai-hoi-dang')
  const round = contest?.rounds.find((r) => r.status === 'open')
  if (!contest || !round) throw new Error('demo contest with an open round not found (SEED_DEMO)')
  const units = (await expectOk(call(server.url, 'GET', `/contests/${contest.id}/units`), 'units')).body.units as { id: string; headcount: number | null }[]
  const leaves = units.filter((u) => u.headcount != null)
  const rnd = seeded(7)
  const t0 = performance.now()
  const people = await pool(Array.from({ length: ctx.cfg.participants }, (_, i) => i), 8, async (i): Promise<Person> => {
    const r = await expectOk(call(server.url, 'POST', '/participants', { body: {
      fullName: personName(rnd), dateOfBirth: birthDate(rnd), phone: phoneOf(i, 1), unitId: leaves[i % leaves.length].id, password: 'mat-khau-thu-nghiem', consent: true,
    } }), 'register')
    return { id: r.body.participant.id, cookie: r.cookie! }
  })
  ctx.log(`registered ${people.length} participants in ${((performance.now() - t0) / 1000).toFixed(1)} s (setup, not measured)`)
  return { server, contestId: contest.id, roundId: round.id, people }
}

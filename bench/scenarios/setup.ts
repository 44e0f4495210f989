import type { Ctx, Person } from '../lib/context'
import type { Group } from '../lib/group'
import { call, expectOk, pool } from '../lib/http'
import { birthDate, personName, phoneOf, seeded } from '../lib/people'

export type Day = { group: Group; contestId: string; roundId: string; people: Person[] }

// The demo contest of a freshly started group (its open round draws 20 questions by blueprint from the whole
// bank), and participants registered through the API before anything is measured (scrypt costs ~50 ms
// each), in turn on each server of the group.
export async function setupContestDay(ctx: Ctx, group: Group): Promise<Day> {
  const urls = group.servers.map((s) => s.url)
  ctx.log(`${urls.length} server${urls.length > 1 ? 's' : ''} up on a fresh database in ${group.servers.map((s) => Math.round(s.readyMs)).join(' / ')} ms`)
  const contests = (await expectOk(call(urls[0], 'GET', '/contests'), 'contests')).body.contests as { id: string; slug: string; rounds: { id: string; status: string }[] }[]
  const contest = contests.find((c) => c.slug === 'dai-hoi-dang')
  const round = contest?.rounds.find((r) => r.status === 'open')
  if (!contest || !round) throw new Error('demo contest with an open round not found (SEED_DEMO)')
  const units = (await expectOk(call(urls[0], 'GET', `/contests/${contest.id}/units`), 'units')).body.units as { id: string; headcount: number | null }[]
  const leaves = units.filter((u) => u.headcount != null)
  const rnd = seeded(7)
  const t0 = performance.now()
  const people = await pool(Array.from({ length: ctx.cfg.participants }, (_, i) => i), 8, async (i): Promise<Person> => {
    const r = await expectOk(call(urls[i % urls.length], 'POST', '/participants', { body: {
      fullName: personName(rnd), dateOfBirth: birthDate(rnd), phone: phoneOf(i, 1), unitId: leaves[i % leaves.length].id, password: 'mat-khau-thu-nghiem', consent: true,
    } }), 'register')
    return { id: r.body.participant.id, cookie: r.cookie! }
  })
  ctx.log(`registered ${people.length} participants in ${((performance.now() - t0) / 1000).toFixed(1)} s (setup, not measured)`)
  return { group, contestId: contest.id, roundId: round.id, people }
}

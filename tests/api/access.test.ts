import { beforeAll, describe, expect, it } from 'vitest'
import { staffAgent, testApp, type Agent, type TestApp } from '../helpers/app'
import { seedBank } from '../helpers/bank'
import { registerPerson, setupContest } from '../helpers/contest'

// Who may call each admin route (API.md "Organizer and judge"); admin may call all of them.
// 'staff' = organizers and judges alike. Every admin route the app registers must be listed here.
type Who = 'organizer' | 'judge' | 'staff' | 'admin'
type RouteRow = { method: string; path: string; who?: Who; url?: string }

const ADMIN_ROUTES: RouteRow[] = [
  { method: 'GET', path: '/admin/contests', who: 'staff' },
  { method: 'GET', path: '/admin/contests/:contestId', who: 'staff' },
  { method: 'POST', path: '/admin/contests', who: 'organizer' },
  { method: 'POST', path: '/admin/contests/:contestId/publish', who: 'organizer' },
  // Not in API.md: contest edits, units of any contest, a round, its activity, people search (admin-contests.ts).
  { method: 'PATCH', path: '/admin/contests/:contestId', who: 'organizer' },
  { method: 'GET', path: '/admin/contests/:contestId/units', who: 'staff' },
  { method: 'GET', path: '/admin/rounds/:roundId', who: 'staff' },
  { method: 'GET', path: '/admin/rounds/:roundId/activity', who: 'staff' },
  { method: 'GET', path: '/admin/participants', who: 'staff', url: '/admin/participants?q=nguyen' },
  { method: 'POST', path: '/admin/contests/:contestId/units', who: 'organizer' },
  { method: 'DELETE', path: '/admin/contests/:contestId/units/:unitId', who: 'organizer' },
  { method: 'POST', path: '/admin/contests/:contestId/rounds', who: 'organizer' },
  { method: 'PATCH', path: '/admin/rounds/:roundId', who: 'organizer' },
  { method: 'GET', path: '/admin/questions', who: 'organizer' },
  { method: 'GET', path: '/admin/questions/export', who: 'organizer' },
  { method: 'GET', path: '/admin/questions/counts', who: 'organizer' },
  { method: 'GET', path: '/admin/questions/template.csv', who: 'organizer' },
  { method: 'GET', path: '/admin/questions/template.xlsx', who: 'organizer' },
  { method: 'GET', path: '/admin/questions/:questionId', who: 'organizer' },
  { method: 'GET', path: '/admin/questions/:questionId/revisions', who: 'organizer' },
  { method: 'PATCH', path: '/admin/questions/:questionId', who: 'organizer' },
  { method: 'POST', path: '/admin/questions/import', who: 'organizer', url: '/admin/questions/import?format=json' },
  { method: 'GET', path: '/admin/rounds/:roundId/standings', who: 'judge' },
  { method: 'POST', path: '/admin/rounds/:roundId/disqualify', who: 'judge' },
  { method: 'DELETE', path: '/admin/rounds/:roundId/disqualify/:participantId', who: 'judge' },
  { method: 'GET', path: '/admin/rounds/:roundId/open-flags', who: 'judge' },
  { method: 'POST', path: '/admin/rounds/:roundId/finalize', who: 'judge' },
  { method: 'POST', path: '/admin/rounds/:roundId/regrade', who: 'judge' },
  { method: 'GET', path: '/admin/rounds/:roundId/results.csv', who: 'judge' },
  { method: 'GET', path: '/admin/rounds/:roundId/results.xlsx', who: 'judge' },
  // Not in API.md; SPEC §3 says organizers see the reports, and judges regrade from them: both may read.
  { method: 'GET', path: '/admin/reports', who: 'staff' },
  { method: 'POST', path: '/admin/users', who: 'admin' },
  // Not in API.md: reading and verifying the audit log is the admin's (admin-audit.ts).
  { method: 'GET', path: '/admin/audit', who: 'admin' },
  { method: 'GET', path: '/admin/audit/verify', who: 'admin' },
  { method: 'GET', path: '/admin/audit.csv', who: 'admin' },
  { method: 'POST', path: '/admin/participants/:participantId/password', who: 'organizer' },
  { method: 'POST', path: '/admin/users/:userId/password', who: 'admin' },
  // Not in API.md (issue 15): the staff list and each account's lifecycle (admin-users.ts).
  { method: 'GET', path: '/admin/users', who: 'admin' },
  { method: 'POST', path: '/admin/users/:userId/disable', who: 'admin' },
  { method: 'POST', path: '/admin/users/:userId/enable', who: 'admin' },
  { method: 'POST', path: '/admin/users/:userId/sessions/end', who: 'admin' },
  // Not in API.md: item statistics (admin-stats.ts) for organizers and judges alike.
  { method: 'GET', path: '/admin/rounds/:roundId/item-stats', who: 'staff' },
  { method: 'GET', path: '/admin/rounds/:roundId/item-stats.csv', who: 'staff' },
  { method: 'GET', path: '/admin/rounds/:roundId/item-stats.xlsx', who: 'staff' },
  // Not in API.md (issue 15): a contest's dashboard and people, a person's page and correction (admin-dashboard.ts, admin-people.ts).
  { method: 'GET', path: '/admin/contests/:contestId/dashboard', who: 'staff' },
  { method: 'GET', path: '/admin/contests/:contestId/people', who: 'staff' },
  { method: 'GET', path: '/admin/contests/:contestId/people.csv', who: 'staff' },
  { method: 'GET', path: '/admin/contests/:contestId/people.xlsx', who: 'staff' },
  { method: 'GET', path: '/admin/participants/:participantId', who: 'staff' },
  { method: 'PATCH', path: '/admin/participants/:participantId', who: 'organizer' },
  { method: 'GET', path: '/admin/questions/stats', who: 'staff' },
  { method: 'GET', path: '/admin/questions/stats.csv', who: 'staff' },
  { method: 'GET', path: '/admin/questions/stats.xlsx', who: 'staff' },
  // Not in API.md: units from a CSV/XLSX file and its template (admin-units.ts).
  { method: 'POST', path: '/admin/contests/:contestId/units/import', who: 'organizer', url: '/admin/contests/no-such-contestid/units/import?format=csv' },
  { method: 'GET', path: '/admin/units/template.csv', who: 'organizer' },
  { method: 'GET', path: '/admin/units/template.xlsx', who: 'organizer' },
  // Not in API.md: a contest's unit coordinators (admin-coordinators.ts).
  { method: 'GET', path: '/admin/contests/:contestId/coordinators', who: 'organizer' },
  { method: 'POST', path: '/admin/contests/:contestId/coordinators', who: 'organizer' },
  { method: 'DELETE', path: '/admin/contests/:contestId/coordinators/:userId', who: 'organizer' },
  // Not in API.md (issue 15): the bank's topics, a question from the form, bulk actions (admin-topics.ts, admin-questions.ts).
  { method: 'GET', path: '/admin/topics', who: 'organizer' },
  { method: 'POST', path: '/admin/topics', who: 'organizer' },
  { method: 'PATCH', path: '/admin/topics/:topicId', who: 'organizer' },
  { method: 'DELETE', path: '/admin/topics/:topicId', who: 'organizer' },
  { method: 'POST', path: '/admin/questions', who: 'organizer' },
  { method: 'POST', path: '/admin/questions/bulk', who: 'organizer' },
  // Not in API.md (issue 15): printed winners lists and unit reports (printed-results.ts).
  { method: 'GET', path: '/admin/rounds/:roundId/winners.pdf', who: 'staff' },
  { method: 'GET', path: '/admin/rounds/:roundId/units.pdf', who: 'staff' },
  { method: 'GET', path: '/admin/contests/:contestId/winners.pdf', who: 'staff' },
  { method: 'GET', path: '/admin/contests/:contestId/units.pdf', who: 'staff' },
]

// Routes that need a participant session (API.md "Taking a round", "Sessions", leaderboard/me).
const PARTICIPANT_ROUTES: RouteRow[] = [
  { method: 'POST', path: '/rounds/:roundId/attempts' },
  { method: 'GET', path: '/attempts/:attemptId' },
  { method: 'PUT', path: '/attempts/:attemptId/items/:position', url: '/attempts/no-such-attempt/items/1' },
  { method: 'POST', path: '/attempts/:attemptId/submit' },
  { method: 'POST', path: '/attempts/:attemptId/items/:position/report', url: '/attempts/no-such-attempt/items/1/report' },
  { method: 'GET', path: '/me/attempts' },
  { method: 'GET', path: '/me/contests/:contestId/unit' },
  { method: 'PUT', path: '/me/contests/:contestId/unit' },
  { method: 'GET', path: '/rounds/:roundId/leaderboard/me' },
  { method: 'GET', path: '/contests/:contestId/leaderboard/me' },
  { method: 'GET', path: '/me/certificates' },
]

// A coordinator's own routes (coordinator.ts; tests/api/coordinators.test.ts checks who they refuse).
const COORDINATOR_ROUTES: RouteRow[] = [
  { method: 'GET', path: '/coordinator/overview' },
  { method: 'GET', path: '/coordinator/units/:unitId/members' },
  { method: 'GET', path: '/coordinator/units/:unitId/members.csv' },
  { method: 'GET', path: '/coordinator/units/:unitId/members.xlsx' },
]

// Routes open to anyone: sign-up, sign-in and out, /me (401 by itself when anonymous), public reads.
const OPEN_ROUTES: { method: string; path: string }[] = [
  { method: 'GET', path: '/health' },
  // The API's own description (issue 18).
  { method: 'GET', path: '/openapi.json' },
  { method: 'GET', path: '/docs' },
  { method: 'POST', path: '/participants' },
  { method: 'POST', path: '/sessions' },
  { method: 'DELETE', path: '/sessions/current' },
  { method: 'GET', path: '/me' },
  { method: 'GET', path: '/sessions/current' },
  // Any signed-in person, participant or staff (401 by itself when anonymous; auth.test.ts).
  { method: 'PUT', path: '/me/password' },
  { method: 'GET', path: '/contests' },
  { method: 'GET', path: '/contests/:contestId' },
  { method: 'GET', path: '/contests/:contestId/units' },
  { method: 'GET', path: '/contests/:contestId/leaderboard' },
  { method: 'GET', path: '/contests/:contestId/units-leaderboard' },
  { method: 'GET', path: '/rounds/:roundId' },
  { method: 'GET', path: '/rounds/:roundId/prizes' },
  { method: 'GET', path: '/rounds/:roundId/leaderboard' },
  { method: 'GET', path: '/rounds/:roundId/units-leaderboard' },
  { method: 'GET', path: '/rounds/:roundId/leaderboard/stream' },
  // Issue 15: anyone may check a certificate's code (certificates.ts).
  { method: 'GET', path: '/certificates/:code' },
  { method: 'GET', path: '/certificates/:code/pdf' },
]

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`
const named = (rows: RouteRow[]) => rows.map((r) => [key(r), r] as const)
const urlOf = (r: RouteRow) => r.url ?? r.path.replace(/:(\w+)/g, (_m, name: string) => `no-such-${name.toLowerCase()}`)
const call = (agent: Agent, r: RouteRow) => agent.request(r.method, urlOf(r), r.method === 'GET' || r.method === 'DELETE' ? undefined : {})
const admits = (r: RouteRow, role: 'organizer' | 'judge') => r.who === 'staff' || r.who === role
const byRole = (role: 'organizer' | 'judge') => ADMIN_ROUTES.map((r) => [key(r), admits(r, role) ? 'lets in' : 'refuses with 403 FORBIDDEN', r] as const)

function registeredRoutes(t: TestApp) {
  return [...new Set(t.app.routes.filter((r) => r.method !== 'ALL').map(key))].sort()
}

describe('route tables', () => {
  it('the admin table lists every admin route the app registers, and nothing else', () => {
    const t = testApp()
    const registered = registeredRoutes(t).filter((k) => k.split(' ')[1].startsWith('/admin'))
    expect([...new Set(ADMIN_ROUTES.map(key))].sort()).toEqual(registered)
  })

  it('every other route is classified as participant-only or open', () => {
    const t = testApp()
    const registered = registeredRoutes(t).filter((k) => !k.split(' ')[1].startsWith('/admin'))
    expect([...PARTICIPANT_ROUTES.map(key), ...COORDINATOR_ROUTES.map(key), ...OPEN_ROUTES.map(key)].sort()).toEqual(registered)
  })
})

describe('admin routes by role', () => {
  let anon: Agent, participant: Agent, organizer: Agent, judge: Agent, admin: Agent
  beforeAll(async () => {
    const t = testApp()
    const s = await setupContest(t)
    anon = t.agent()
    participant = (await registerPerson(t, s.unit.A1)).agent
    organizer = s.org
    judge = s.judge
    admin = await staffAgent(t, 'admin')
  })

  it.each(named(ADMIN_ROUTES))('%s refuses anonymous callers with 401 UNAUTHENTICATED', async (_name, r) => {
    const res = await call(anon, r)
    expect(res.status).toBe(401)
    expect(res.body.error.code).toBe('UNAUTHENTICATED')
  })

  it.each(named(ADMIN_ROUTES))('%s refuses participants with 403 FORBIDDEN', async (_name, r) => {
    const res = await call(participant, r)
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('FORBIDDEN')
  })

  it.each(byRole('organizer'))('%s %s an organizer', async (_name, _verdict, r) => {
    const res = await call(organizer, r)
    if (admits(r, 'organizer')) expect(res.status, res.text).not.toBeOneOf([401, 403])
    else {
      expect(res.status, res.text).toBe(403)
      expect(res.body.error.code).toBe('FORBIDDEN')
    }
  })

  it.each(byRole('judge'))('%s %s a judge', async (_name, _verdict, r) => {
    const res = await call(judge, r)
    if (admits(r, 'judge')) expect(res.status, res.text).not.toBeOneOf([401, 403])
    else {
      expect(res.status, res.text).toBe(403)
      expect(res.body.error.code).toBe('FORBIDDEN')
    }
  })

  it.each(named(ADMIN_ROUTES))('%s lets in an admin', async (_name, r) => {
    const res = await call(admin, r)
    expect(res.status, res.text).not.toBeOneOf([401, 403])
  })
})

describe('participant routes by role', () => {
  let anon: Agent, organizer: Agent, judge: Agent, admin: Agent
  beforeAll(async () => {
    const t = testApp()
    const s = await setupContest(t)
    anon = t.agent()
    organizer = s.org
    judge = s.judge
    admin = await staffAgent(t, 'admin')
  })

  it.each(named(PARTICIPANT_ROUTES))('%s refuses anonymous callers with 401 UNAUTHENTICATED', async (_name, r) => {
    const res = await call(anon, r)
    expect(res.status).toBe(401)
    expect(res.body.error.code).toBe('UNAUTHENTICATED')
  })

  const staffRoles = ['organizer', 'judge', 'admin'] as const
  it.each(staffRoles.flatMap((role) => named(PARTICIPANT_ROUTES).map(([name, r]) => [name, role, r] as const)))('%s refuses a signed-in %s with 403 FORBIDDEN', async (_name, role, r) => {
    const res = await call({ organizer, judge, admin }[role], r)
    expect(res.status, res.text).toBe(403)
    expect(res.body.error.code).toBe('FORBIDDEN')
  })
})

describe('staff with real ids on participant routes', () => {
  it('an admin can neither pick a unit nor start an attempt in a real open round (403, never 500)', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const admin = await staffAgent(t, 'admin')
    const written = () => t.one('SELECT (SELECT count(*) FROM attempts) + (SELECT count(*) FROM participant_units) AS "n"')
    const before = await written()
    const unit = await admin.put(`/me/contests/${s.contestId}/unit`, { unitId: s.unit.A1 })
    expect(unit.status, unit.text).toBe(403)
    const start = await admin.post(`/rounds/${s.roundId}/attempts`, {})
    expect(start.status, start.text).toBe(403)
    expect(await written()).toEqual(before)
  })
})

describe('open routes', () => {
  it.each(named(OPEN_ROUTES.filter((r) => r.method === 'GET' && r.path !== '/me')))('%s answers an anonymous caller without 401 or 403', async (_name, r) => {
    const t = testApp()
    const res = await call(t.agent(), r)
    expect(res.status).not.toBeOneOf([401, 403])
  })
})

describe('attempts belong to their participant', () => {
  async function twoPeople() {
    const t = testApp()
    const s = await setupContest(t)
    const owner = await registerPerson(t, s.unit.A1)
    const other = await registerPerson(t, s.unit.B)
    const start = await owner.agent.post(`/rounds/${s.roundId}/attempts`, {})
    expect(start.status).toBe(201)
    return { t, s, owner, other, attempt: start.body.attempt }
  }

  it("get /attempts/:id returns 404 for another participant's attempt", async () => {
    const { other, attempt } = await twoPeople()
    const res = await other.agent.get(`/attempts/${attempt.id}`)
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('NOT_FOUND')
    expect(res.text).not.toContain(attempt.items[0].stem)
  })

  it("another participant can neither answer nor submit someone else's attempt (404, nothing saved)", async () => {
    const { owner, other, attempt } = await twoPeople()
    const save = await other.agent.put(`/attempts/${attempt.id}/items/1`, { choice: ['A'] })
    expect(save.status).toBe(404)
    expect(save.body.error.code).toBe('NOT_FOUND')
    const submit = await other.agent.post(`/attempts/${attempt.id}/submit`, {})
    expect(submit.status).toBe(404)
    expect(submit.body.error.code).toBe('NOT_FOUND')
    const mine = await owner.agent.get(`/attempts/${attempt.id}`)
    expect(mine.status).toBe(200)
    expect(mine.body.attempt.status).toBe('in_progress')
    expect(mine.body.attempt.items[0].choice).toEqual([])
  })

  it("get /me/attempts lists only the caller's own attempts", async () => {
    const { s, other } = await twoPeople()
    const res = await other.agent.get(`/me/attempts?roundId=${s.roundId}`)
    expect(res.status).toBe(200)
    expect(res.body.attempts).toEqual([])
  })
})

describe('rounds of a contest not published yet', () => {
  it('are unknown to the public on every public round route (404), and readable once the contest is published', async () => {
    const t = testApp()
    await seedBank(t, { t1: 10 })
    const org = await staffAgent(t, 'organizer')
    const contest = await org.post('/admin/contests', { title: 'Cuộc thi chưa công bố' })
    const now = t.clock.now()
    const round = await org.post(`/admin/contests/${contest.body.contest.id}/rounds`, {
      title: 'Tuần 1', opensAt: new Date(now).toISOString(), closesAt: new Date(now + 3600_000).toISOString(), questionCount: 5,
    })
    expect(round.status).toBe(201)
    const id = round.body.round.id
    const paths = [`/rounds/${id}`, `/rounds/${id}/prizes`, `/rounds/${id}/leaderboard`, `/rounds/${id}/units-leaderboard`, `/rounds/${id}/leaderboard/stream`]
    for (const path of paths) {
      const res = await t.agent().get(path)
      expect([path, res.status, res.body?.error?.code]).toEqual([path, 404, 'NOT_FOUND'])
    }
    const published = await org.post(`/admin/contests/${contest.body.contest.id}/publish`)
    expect(published.status).toBe(200)
    for (const path of paths.slice(0, 4)) expect([path, (await t.agent().get(path)).status]).toEqual([path, 200])
  })
})

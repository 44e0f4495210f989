import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { staffAgent, testApp, type Agent, type TestApp, type TestResponse } from '../helpers/app'
import { registerPerson, setupContest } from '../helpers/contest'
import { dbState, rowCounts } from '../helpers/db-state'
import { listen, type Listening } from '../helpers/listen'

const iso = (ms: number) => new Date(ms).toISOString()
const THREE_MIB = 3 * 1024 * 1024

// A published contest with an open round, staff of every role, one participant with an attempt in
// progress, one without, and a draft contest to publish.
async function fixture() {
  const t = testApp()
  const s = await setupContest(t)
  const admin = await staffAgent(t, 'admin')
  const p = await registerPerson(t, s.unit.A1)
  const fresh = await registerPerson(t, s.unit.A2)
  const start = await p.agent.post(`/rounds/${s.roundId}/attempts`, {})
  if (start.status !== 201) throw new Error(`start: ${start.text}`)
  const draft = await s.org.post('/admin/contests', { title: 'Cuộc thi nháp' })
  const judgeId = (await s.judge.get('/me')).body.user.id as string
  return { t, s, admin, p, fresh, judgeId, attemptId: start.body.attempt.id as string, questionId: start.body.attempt.items[0].questionId as string, draftId: draft.body.contest.id as string }
}
type Fixture = Awaited<ReturnType<typeof fixture>>
type BodyRoute = { agent: Agent; method: string; url: string; valid: unknown; wrong: unknown }

// Every route that reads a JSON body (imports excepted: their body is the file), with a body it would
// accept and one of the wrong shape. Keys are the app's route patterns, checked against app.routes below.
function bodyRoutes(f: Fixture): Record<string, BodyRoute> {
  const { t, s, admin, p, fresh, attemptId, questionId, draftId } = f
  const anon = t.agent()
  const now = t.clock.now()
  return {
    'POST /participants': { agent: anon, method: 'POST', url: '/participants', valid: { fullName: 'Người Mới Đến', dateOfBirth: '1991-02-03', phone: '0900 002 001', unitId: s.unit.B, password: 'matkhau123', consent: true }, wrong: { fullName: 5, consent: 'yes' } },
    'POST /sessions': { agent: anon, method: 'POST', url: '/sessions', valid: { identifier: p.phone, password: 'matkhau123' }, wrong: { identifier: ['x'], password: 1 } },
    'PUT /me/password': { agent: p.agent, method: 'PUT', url: '/me/password', valid: { currentPassword: 'matkhau123', newPassword: 'matkhau456' }, wrong: { currentPassword: 1 } },
    'PUT /me/contests/:contestId/unit': { agent: p.agent, method: 'PUT', url: `/me/contests/${s.contestId}/unit`, valid: { unitId: s.unit.B }, wrong: { unitId: 7 } },
    'POST /rounds/:roundId/attempts': { agent: fresh.agent, method: 'POST', url: `/rounds/${s.roundId}/attempts`, valid: {}, wrong: [1] },
    'PUT /attempts/:attemptId/items/:position': { agent: p.agent, method: 'PUT', url: `/attempts/${attemptId}/items/1`, valid: { choice: ['A'] }, wrong: { choice: 'A' } },
    'POST /attempts/:attemptId/submit': { agent: p.agent, method: 'POST', url: `/attempts/${attemptId}/submit`, valid: { prediction: 5 }, wrong: { prediction: 'năm' } },
    'POST /attempts/:attemptId/items/:position/report': { agent: p.agent, method: 'POST', url: `/attempts/${attemptId}/items/1/report`, valid: { message: 'Đáp án câu này có vẻ sai.' }, wrong: { message: 5 } },
    'POST /admin/contests': { agent: s.org, method: 'POST', url: '/admin/contests', valid: { title: 'Cuộc thi mới' }, wrong: { title: '' } },
    'POST /admin/contests/:contestId/publish': { agent: s.org, method: 'POST', url: `/admin/contests/${draftId}/publish`, valid: {}, wrong: [1] },
    'POST /admin/contests/:contestId/units': { agent: s.org, method: 'POST', url: `/admin/contests/${s.contestId}/units`, valid: { units: [{ code: 'C', name: 'Đơn vị mới' }] }, wrong: { units: 'K' } },
    'POST /admin/contests/:contestId/rounds': { agent: s.org, method: 'POST', url: `/admin/contests/${s.contestId}/rounds`, valid: { title: 'Tuần 2', opensAt: iso(now), closesAt: iso(now + 86_400_000), questionCount: 5 }, wrong: { title: 'Tuần 2', opensAt: 5, closesAt: true } },
    'PATCH /admin/contests/:contestId': { agent: s.org, method: 'PATCH', url: `/admin/contests/${draftId}`, valid: { title: 'Tên mới' }, wrong: { status: 'xoa' } },
    'PATCH /admin/rounds/:roundId': { agent: s.org, method: 'PATCH', url: `/admin/rounds/${s.roundId}`, valid: { title: 'Tuần 1 (sửa)' }, wrong: { questionCount: 'nhiều' } },
    'PATCH /admin/questions/:questionId': { agent: s.org, method: 'PATCH', url: `/admin/questions/${questionId}`, valid: { stem: 'Câu hỏi đã sửa?' }, wrong: { difficulty: 9 } },
    'POST /admin/rounds/:roundId/disqualify': { agent: s.judge, method: 'POST', url: `/admin/rounds/${s.roundId}/disqualify`, valid: { participantId: p.id, reason: 'Khai sai thông tin' }, wrong: { participantId: 1 } },
    'POST /admin/rounds/:roundId/finalize': { agent: s.judge, method: 'POST', url: `/admin/rounds/${s.roundId}/finalize`, valid: {}, wrong: [1] },
    'POST /admin/rounds/:roundId/regrade': { agent: s.judge, method: 'POST', url: `/admin/rounds/${s.roundId}/regrade`, valid: { questionId }, wrong: { questionId: null } },
    'POST /admin/users': { agent: admin, method: 'POST', url: '/admin/users', valid: { username: 'nguoimoi', password: 'mat-khau-du-dai', role: 'judge', name: 'Người Mới' }, wrong: { username: 'a b', role: 'vua' } },
    'POST /admin/participants/:participantId/password': { agent: s.org, method: 'POST', url: `/admin/participants/${p.id}/password`, valid: {}, wrong: [1] },
    'PATCH /admin/participants/:participantId': { agent: s.org, method: 'PATCH', url: `/admin/participants/${p.id}`, valid: { fullName: 'Tên Đã Sửa' }, wrong: { fullName: 5, unitId: [] } },
    'POST /admin/users/:userId/password': { agent: admin, method: 'POST', url: `/admin/users/${f.judgeId}/password`, valid: {}, wrong: [1] },
    'POST /admin/users/:userId/disable': { agent: admin, method: 'POST', url: `/admin/users/${f.judgeId}/disable`, valid: {}, wrong: [1] },
    'POST /admin/users/:userId/enable': { agent: admin, method: 'POST', url: `/admin/users/${f.judgeId}/enable`, valid: {}, wrong: [1] },
    'POST /admin/users/:userId/sessions/end': { agent: admin, method: 'POST', url: `/admin/users/${f.judgeId}/sessions/end`, valid: {}, wrong: [1] },
    // Issue 15: topics, authoring, bulk actions and coordinators.
    'POST /admin/topics': { agent: s.org, method: 'POST', url: '/admin/topics', valid: { name: 'Lịch sử Đảng bộ tỉnh' }, wrong: { name: 5 } },
    'PATCH /admin/topics/:topicId': { agent: s.org, method: 'PATCH', url: '/admin/topics/t1', valid: { description: 'Các câu hỏi thử nghiệm.' }, wrong: { name: [] } },
    'POST /admin/questions': { agent: s.org, method: 'POST', url: '/admin/questions', valid: {
      topic: 't1', difficulty: 2, type: 'single', stem: 'Câu hỏi thêm từ biểu mẫu?', options: [{ key: 'A', text: 'Một' }, { key: 'B', text: 'Hai' }],
      correct: ['A'], explanation: 'Giải thích thử nghiệm.', source: { document: 'Tài liệu thử nghiệm' },
    }, wrong: { topic: 't1', type: 'nhieu', options: 'A' } },
    'POST /admin/questions/bulk': { agent: s.org, method: 'POST', url: '/admin/questions/bulk', valid: { ids: [questionId], action: 'publish' }, wrong: { ids: 'q1', action: 'xoa' } },
    'POST /admin/contests/:contestId/coordinators': { agent: s.org, method: 'POST', url: `/admin/contests/${s.contestId}/coordinators`, valid: { unitId: s.unit.B, username: 'dieuphoi1', password: 'mat-khau-du-dai', name: 'Người Điều Phối' }, wrong: { unitId: 5, username: 'a b' } },
  }
}
const BODY_ROUTE_KEYS = [
  'POST /participants', 'POST /sessions', 'PUT /me/password', 'PUT /me/contests/:contestId/unit', 'POST /rounds/:roundId/attempts',
  'PUT /attempts/:attemptId/items/:position', 'POST /attempts/:attemptId/submit', 'POST /attempts/:attemptId/items/:position/report',
  'POST /admin/contests', 'POST /admin/contests/:contestId/publish', 'POST /admin/contests/:contestId/units', 'POST /admin/contests/:contestId/rounds',
  'PATCH /admin/contests/:contestId', 'PATCH /admin/rounds/:roundId', 'PATCH /admin/questions/:questionId', 'POST /admin/rounds/:roundId/disqualify', 'POST /admin/rounds/:roundId/finalize',
  'POST /admin/rounds/:roundId/regrade', 'POST /admin/users', 'POST /admin/participants/:participantId/password', 'POST /admin/users/:userId/password',
  'POST /admin/users/:userId/disable', 'POST /admin/users/:userId/enable', 'POST /admin/users/:userId/sessions/end',
  'PATCH /admin/participants/:participantId',
  'POST /admin/topics', 'PATCH /admin/topics/:topicId', 'POST /admin/questions', 'POST /admin/questions/bulk', 'POST /admin/contests/:contestId/coordinators',
]

function expectError(res: TestResponse, status: number, code: string) {
  expect(res.status, res.text).toBe(status)
  expect(res.body).toMatchObject({ error: { code, message: expect.any(String) }, serverTime: expect.any(String) })
  expect(res.body.error.message.length).toBeGreaterThan(0)
  expect(Number.isNaN(Date.parse(res.body.serverTime))).toBe(false)
}

const send = (r: BodyRoute, body: string | Uint8Array, contentType: string) => r.agent.request(r.method, r.url, body, { 'content-type': contentType })

describe('body routes', () => {
  it('the body-route table covers every POST, PUT and PATCH route except imports', () => {
    const t = testApp()
    const registered = [...new Set(t.app.routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method)).map((r) => `${r.method} ${r.path}`))]
      .filter((k) => k !== 'POST /admin/questions/import' && k !== 'POST /admin/contests/:contestId/units/import').sort()
    expect([...BODY_ROUTE_KEYS].sort()).toEqual(registered)
  })

})

// One fixture per route: every check below refuses its request and asserts that nothing changed.
describe.each(BODY_ROUTE_KEYS)('%s with a malformed body', (key) => {
  let f: Fixture
  let r: BodyRoute
  beforeAll(async () => {
    f = await fixture()
    r = bodyRoutes(f)[key]
  })

  it('refuses a text/plain or form body with 400 VALIDATION_FAILED and changes nothing', async () => {
    const before = await dbState(f.t)
    const counts = await rowCounts(f.t)
    expectError(await send(r, JSON.stringify(r.valid), 'text/plain'), 400, 'VALIDATION_FAILED')
    expectError(await send(r, 'xin chào', 'text/plain;charset=utf-8'), 400, 'VALIDATION_FAILED')
    expectError(await send(r, JSON.stringify(r.valid), 'application/x-www-form-urlencoded'), 400, 'VALIDATION_FAILED')
    expect(await rowCounts(f.t)).toEqual(counts)
    expect(await dbState(f.t)).toEqual(before)
  })

  it('refuses JSON-declared text that does not parse (or is not UTF-8) with 400 and changes nothing', async () => {
    const before = await dbState(f.t)
    const counts = await rowCounts(f.t)
    expectError(await send(r, JSON.stringify(r.valid).slice(0, -1), 'application/json'), 400, 'VALIDATION_FAILED')
    expectError(await send(r, '{ không phải json }', 'application/json; charset=utf-8'), 400, 'VALIDATION_FAILED')
    expectError(await send(r, new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'application/json'), 400, 'VALIDATION_FAILED')
    expect(await rowCounts(f.t)).toEqual(counts)
    expect(await dbState(f.t)).toEqual(before)
  })

  it('refuses a body of the wrong shape with 400, the error shape and serverTime, and changes nothing', async () => {
    const before = await dbState(f.t)
    for (const body of [r.wrong, null, 'chuỗi', 42, true]) {
      const res = await send(r, JSON.stringify(body), 'application/json')
      expectError(res, 400, 'VALIDATION_FAILED')
      // The message names fields as a person would: no "body.x" path, no code key, no zod English.
      expect(res.body.error.message).not.toMatch(/\b(body|query|params)\b|\w\.\w|[a-z][A-Z]|Invalid|expected/)
    }
    expect(await dbState(f.t)).toEqual(before)
  })

  it('refuses a 3 MiB body with 413 PAYLOAD_TOO_LARGE and changes nothing', async () => {
    const before = await dbState(f.t)
    const big = JSON.stringify({ ...(typeof r.valid === 'object' && !Array.isArray(r.valid) ? r.valid : {}), padding: 'x'.repeat(THREE_MIB) })
    expectError(await send(r, big, 'application/json'), 413, 'PAYLOAD_TOO_LARGE')
    expect(await dbState(f.t)).toEqual(before)
  })

  it('accepts the same body sent as JSON (control: the refusals above are about the encoding)', async () => {
    const res = await send(r, JSON.stringify(r.valid), 'application/json')
    expect(res.status, res.text).not.toBeOneOf([400, 413])
    expect(res.status, res.text).toBeLessThan(500)
  })
})

describe('bodies that are absent or carry extra fields', () => {
  it('post /attempts/:id/submit with no body reads as {} and scores the attempt', async () => {
    const f = await fixture()
    const res = await f.p.agent.post(`/attempts/${f.attemptId}/submit`)
    expect(res.status, res.text).toBe(200)
    expect(res.body.result).toMatchObject({ attemptId: f.attemptId, score: 0, maxScore: 5 })
  })

  it('post /rounds/:id/attempts with no body starts an attempt', async () => {
    const f = await fixture()
    const res = await f.fresh.agent.post(`/rounds/${f.s.roundId}/attempts`)
    expect(res.status, res.text).toBe(201)
  })

  it('an empty body declared as text/plain also reads as {}', async () => {
    const f = await fixture()
    const res = await f.p.agent.request('POST', `/attempts/${f.attemptId}/submit`, '', { 'content-type': 'text/plain' })
    expect(res.status, res.text).toBe(200)
  })

  it('application/json with a charset parameter is accepted', async () => {
    const f = await fixture()
    const res = await f.s.org.request('POST', '/admin/contests', JSON.stringify({ title: 'Cuộc thi có charset' }), { 'content-type': 'application/json; charset=utf-8' })
    expect(res.status, res.text).toBe(201)
  })

  it('unknown fields in a body are ignored', async () => {
    const f = await fixture()
    const contest = await f.s.org.post('/admin/contests', { title: 'Cuộc thi thêm trường', colour: 'đỏ', id: 'chosen-by-client' })
    expect(contest.status, contest.text).toBe(201)
    expect(contest.body.contest.id).not.toBe('chosen-by-client')
    expect(contest.body.contest).not.toHaveProperty('colour')
    const newcomer = f.t.agent()
    const reg = await newcomer.post('/participants', { fullName: 'Người Thêm Trường', dateOfBirth: '1992-03-04', phone: '0900 002 002', unitId: f.s.unit.B, password: 'matkhau123', consent: true, nickname: 'Tí', role: 'admin' })
    expect(reg.status, reg.text).toBe(201)
    expect((await newcomer.get('/me')).body.user.role).toBe('participant')
    const save = await f.p.agent.put(`/attempts/${f.attemptId}/items/1`, { choice: ['B'], correct: true })
    expect(save.status, save.text).toBe(200)
    const submit = await f.p.agent.post(`/attempts/${f.attemptId}/submit`, { score: 100, extra: [1, 2] })
    expect(submit.status, submit.text).toBe(200)
    expect(submit.body.result.score).toBeLessThanOrEqual(1)
    const signIn = await f.t.agent().post('/sessions', { identifier: f.p.phone, password: 'matkhau123', remember: true })
    expect(signIn.status, signIn.text).toBe(200)
  })
})

describe('times without a UTC offset', () => {
  const local = ['2026-03-01T10:00:00', '2026-03-01 10:00:00', '2026-03-01']

  it.each(local)('post /admin/contests/:id/rounds refuses opensAt, closesAt or freezeAt "%s" with 400 and creates no round', async (bad) => {
    const f = await fixture()
    const now = f.t.clock.now()
    const good = { title: 'Tuần 2', opensAt: iso(now), closesAt: iso(now + 86_400_000), questionCount: 5 }
    const before = await rowCounts(f.t)
    for (const field of ['opensAt', 'closesAt', 'freezeAt']) {
      const res = await f.s.org.post(`/admin/contests/${f.s.contestId}/rounds`, { ...good, [field]: bad })
      expectError(res, 400, 'VALIDATION_FAILED')
    }
    expect(await rowCounts(f.t)).toEqual(before)
  })

  it.each(local)('patch /admin/rounds/:id refuses opensAt, closesAt or freezeAt "%s" with 400 and leaves the round as it was', async (bad) => {
    const f = await fixture()
    const before = await dbState(f.t)
    for (const field of ['opensAt', 'closesAt', 'freezeAt']) {
      const res = await f.s.org.patch(`/admin/rounds/${f.s.roundId}`, { [field]: bad })
      expectError(res, 400, 'VALIDATION_FAILED')
    }
    expect(await dbState(f.t)).toEqual(before)
  })

  it('round times with Z or an explicit +07:00 offset are accepted and read back in UTC', async () => {
    const f = await fixture()
    const res = await f.s.org.post(`/admin/contests/${f.s.contestId}/rounds`, { title: 'Tuần 2', opensAt: '2026-03-09T10:00:00+07:00', closesAt: '2026-03-16T02:00:00Z', questionCount: 5 })
    expect(res.status, res.text).toBe(201)
    expect(Date.parse(res.body.round.opensAt)).toBe(Date.parse('2026-03-09T03:00:00Z'))
    expect(res.body.round.opensAt).toMatch(/Z$/)
  })
})

describe('ids that do not exist', () => {
  it('public reads of unknown contests and rounds give 404 NOT_FOUND', async () => {
    const t = testApp()
    const anon = t.agent()
    for (const url of ['/contests/khong-co', '/contests/khong-co/units', '/contests/khong-co/leaderboard', '/contests/khong-co/units-leaderboard',
      '/rounds/khong-co/leaderboard', '/rounds/khong-co/units-leaderboard', '/rounds/khong-co/leaderboard/stream', '/khong-co-duong-dan']) {
      expectError(await anon.get(url), 404, 'NOT_FOUND')
    }
  })

  it('participant routes with unknown rounds, attempts, positions or contests give 404 NOT_FOUND', async () => {
    const f = await fixture()
    const a = f.p.agent
    expectError(await a.post('/rounds/khong-co/attempts', {}), 404, 'NOT_FOUND')
    expectError(await a.get('/attempts/khong-co'), 404, 'NOT_FOUND')
    expectError(await a.put('/attempts/khong-co/items/1', { choice: ['A'] }), 404, 'NOT_FOUND')
    expectError(await a.put(`/attempts/${f.attemptId}/items/99`, { choice: ['A'] }), 404, 'NOT_FOUND')
    expectError(await a.post('/attempts/khong-co/submit', {}), 404, 'NOT_FOUND')
    expectError(await a.post('/attempts/khong-co/items/1/report', { message: 'Câu này sai.' }), 404, 'NOT_FOUND')
    expectError(await a.get('/rounds/khong-co/leaderboard/me'), 404, 'NOT_FOUND')
    expectError(await a.get('/me/contests/khong-co/unit'), 404, 'NOT_FOUND')
    expectError(await a.put('/me/contests/khong-co/unit', { unitId: f.s.unit.A1 }), 404, 'NOT_FOUND')
  })

  it('staff routes with unknown contests, rounds, questions or participants give 404 NOT_FOUND and change nothing', async () => {
    const f = await fixture()
    const { org, judge } = f.s
    const now = f.t.clock.now()
    const before = await dbState(f.t)
    expectError(await org.get('/admin/contests/khong-co'), 404, 'NOT_FOUND')
    expectError(await org.post('/admin/contests/khong-co/publish', {}), 404, 'NOT_FOUND')
    expectError(await org.post('/admin/contests/khong-co/units', { units: [{ code: 'X', name: 'Đơn vị X' }] }), 404, 'NOT_FOUND')
    expectError(await org.post('/admin/contests/khong-co/rounds', { title: 'Tuần X', opensAt: iso(now), closesAt: iso(now + 3600_000), questionCount: 5 }), 404, 'NOT_FOUND')
    expectError(await org.patch('/admin/rounds/khong-co', { title: 'Tuần X' }), 404, 'NOT_FOUND')
    expectError(await org.get('/admin/questions/khong-co'), 404, 'NOT_FOUND')
    expectError(await org.get('/admin/questions/khong-co/revisions'), 404, 'NOT_FOUND')
    expectError(await org.patch('/admin/questions/khong-co', { stem: 'Câu mới?' }), 404, 'NOT_FOUND')
    expectError(await org.post('/admin/participants/khong-co/password', {}), 404, 'NOT_FOUND')
    expectError(await judge.get('/admin/rounds/khong-co/standings'), 404, 'NOT_FOUND')
    expectError(await judge.post('/admin/rounds/khong-co/disqualify', { participantId: f.p.id, reason: 'Lý do' }), 404, 'NOT_FOUND')
    expectError(await judge.post(`/admin/rounds/${f.s.roundId}/disqualify`, { participantId: 'khong-co', reason: 'Lý do' }), 404, 'NOT_FOUND')
    expectError(await judge.delete(`/admin/rounds/khong-co/disqualify/${f.p.id}`), 404, 'NOT_FOUND')
    expectError(await judge.post('/admin/rounds/khong-co/finalize', {}), 404, 'NOT_FOUND')
    expectError(await judge.post('/admin/rounds/khong-co/regrade', { questionId: f.questionId }), 404, 'NOT_FOUND')
    expectError(await judge.post(`/admin/rounds/${f.s.roundId}/regrade`, { questionId: 'khong-co' }), 404, 'NOT_FOUND')
    expectError(await judge.get('/admin/rounds/khong-co/results.csv'), 404, 'NOT_FOUND')
    expectError(await judge.get('/admin/rounds/khong-co/results.xlsx'), 404, 'NOT_FOUND')
    expect(await dbState(f.t)).toEqual(before)
  })
})

describe('query strings', () => {
  it.each(['limit=-1', 'limit=abc', 'limit=0', 'limit=1.5', 'offset=-1', 'offset=abc'])('leaderboards and the question list refuse %s with 400', async (query) => {
    const f = await fixture()
    const anon = f.t.agent()
    expectError(await anon.get(`/rounds/${f.s.roundId}/leaderboard?${query}`), 400, 'VALIDATION_FAILED')
    expectError(await anon.get(`/contests/${f.s.contestId}/leaderboard?${query}`), 400, 'VALIDATION_FAILED')
    expectError(await f.s.org.get(`/admin/questions?${query}`), 400, 'VALIDATION_FAILED')
  })

  it('leaderboards accept good paging values', async () => {
    const f = await fixture()
    const res = await f.t.agent().get(`/rounds/${f.s.roundId}/leaderboard?limit=10&offset=0`)
    expect(res.status, res.text).toBe(200)
  })
})

describe('predictions', () => {
  it.each([1.5, -1, '7', 'bảy', true, [7], { value: 7 }])('post /attempts/:id/submit refuses prediction %j with 400 even without a prediction question, and the attempt stays open', async (prediction) => {
    const f = await fixture()
    const res = await f.p.agent.post(`/attempts/${f.attemptId}/submit`, { prediction })
    expectError(res, 400, 'VALIDATION_FAILED')
    const attempt = await f.p.agent.get(`/attempts/${f.attemptId}`)
    expect(attempt.body.attempt.status).toBe('in_progress')
  })

  it('post /attempts/:id/submit accepts a prediction of 0', async () => {
    const f = await fixture()
    const res = await f.p.agent.post(`/attempts/${f.attemptId}/submit`, { prediction: 0 })
    expect(res.status, res.text).toBe(200)
  })
})

describe('every JSON response carries serverTime', () => {
  it('successes and errors across the API all have a valid serverTime', async () => {
    const f = await fixture()
    const { t, s, p } = f
    const anon = t.agent()
    const responses: [string, TestResponse][] = []
    const record = async (label: string, res: Promise<TestResponse>) => { responses.push([label, await res]) }
    await record('health', anon.get('/health'))
    await record('contests', anon.get('/contests'))
    await record('contest', anon.get(`/contests/${s.contestId}`))
    await record('units', anon.get(`/contests/${s.contestId}/units`))
    await record('leaderboard', anon.get(`/rounds/${s.roundId}/leaderboard`))
    await record('units-leaderboard', anon.get(`/rounds/${s.roundId}/units-leaderboard`))
    await record('contest leaderboard', anon.get(`/contests/${s.contestId}/leaderboard`))
    await record('me 401', anon.get('/me'))
    await record('me', p.agent.get('/me'))
    await record('my attempts', p.agent.get('/me/attempts'))
    await record('my unit', p.agent.get(`/me/contests/${s.contestId}/unit`))
    await record('leaderboard/me', p.agent.get(`/rounds/${s.roundId}/leaderboard/me`))
    await record('attempt', p.agent.get(`/attempts/${f.attemptId}`))
    await record('save', p.agent.put(`/attempts/${f.attemptId}/items/1`, { choice: ['A'] }))
    await record('submit', p.agent.post(`/attempts/${f.attemptId}/submit`, {}))
    await record('save after submit 409', p.agent.put(`/attempts/${f.attemptId}/items/1`, { choice: ['A'] }))
    await record('start', f.fresh.agent.post(`/rounds/${s.roundId}/attempts`, {}))
    await record('sign-in', t.agent().post('/sessions', { identifier: p.phone, password: 'matkhau123' }))
    await record('sign-in 401', t.agent().post('/sessions', { identifier: p.phone, password: 'sai-mat-khau' }))
    await record('admin 403', p.agent.get('/admin/contests'))
    await record('unknown path 404', anon.get('/khong-co'))
    await record('bad body 400', anon.post('/sessions', { identifier: 1 }))
    await record('too large 413', anon.request('POST', '/sessions', 'x'.repeat(THREE_MIB), { 'content-type': 'application/json' }))
    await record('standings', s.judge.get(`/admin/rounds/${s.roundId}/standings`))
    await record('admin contests', s.org.get('/admin/contests'))
    await record('questions', s.org.get('/admin/questions'))
    for (const [label, res] of responses) {
      expect(res.headers.get('content-type'), label).toMatch(/json/)
      expect(res.body, label).toHaveProperty('serverTime')
      expect(res.body.serverTime, label).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/)
    }
  })

  // Clients set their countdown from deadlineAt minus serverTime (SPEC §3), so both must come from one clock.
  it('serverTime is read from the same clock as deadlineAt, so deadlineAt minus serverTime is the time left', async () => {
    const f = await fixture()
    const start = await f.fresh.agent.post(`/rounds/${f.s.roundId}/attempts`, {})
    const left = Date.parse(start.body.attempt.deadlineAt) - Date.parse(start.body.serverTime)
    expect(left).toBeGreaterThan(595_000)
    expect(left).toBeLessThanOrEqual(600_000)
  })

  it('get /health answers 200 { ok: true }', async () => {
    const t = testApp()
    const res = await t.agent().get('/health')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ ok: true })
  })
})

describe('a real listening server', () => {
  let server: Listening | null = null
  afterEach(async () => { await server?.close(); server = null })

  it('answers a 3 MiB body with 413 PAYLOAD_TOO_LARGE that the client receives, and keeps serving', async () => {
    const t: TestApp = testApp()
    server = await listen(t)
    const before = await rowCounts(t)
    const res = await fetch(`${server.url}/participants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fullName: 'x'.repeat(THREE_MIB) }) })
    expect(res.status).toBe(413)
    const body = await res.json() as { error: { code: string }; serverTime: string }
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE')
    expect(body.serverTime).toEqual(expect.any(String))
    expect(await rowCounts(t)).toEqual(before)
    const health = await fetch(`${server.url}/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ ok: true })
  })

  it('answers a 3 MiB body to a signed-in staff route with 413 too', async () => {
    const t = testApp()
    await staffAgent(t, 'organizer', 'bto-lon')
    server = await listen(t)
    const signIn = await fetch(`${server.url}/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifier: 'bto-lon', password: 'mat-khau-thu-nghiem' }) })
    expect(signIn.status).toBe(200)
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]
    const res = await fetch(`${server.url}/admin/contests`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ title: 'x'.repeat(THREE_MIB) }) })
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE')
  })
})

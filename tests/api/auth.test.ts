import { describe, expect, it } from 'vitest'
import { staffAgent, testApp, type Agent, type TestApp, type TestResponse } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt, type Setup } from '../helpers/contest'

const iso = (ms: number) => new Date(ms).toISOString()
const PASSWORD = 'matkhau123'

// Invented people: phones in the synthetic 0900 00x xxx range, national IDs 00109000xxxx.
function person(unitId: string, over: Record<string, unknown> = {}) {
  return { fullName: 'Nguyễn Văn Thử', dateOfBirth: '1990-05-01', phone: '0900 003 001', unitId, password: PASSWORD, consent: true, ...over }
}

function sessionCookie(res: TestResponse): string {
  const set = res.headers.get('set-cookie')
  if (!set) throw new Error(`no cookie: ${res.status} ${res.text}`)
  return set.split(';')[0]
}

function withCookie(t: TestApp, cookie: string): Agent {
  const a = t.agent()
  a.cookie = cookie
  return a
}

function expectError(res: TestResponse, status: number, code: string) {
  expect(res.status, res.text).toBe(status)
  expect(res.body.error.code).toBe(code)
}

const participantCount = async (t: TestApp) => (await t.one<{ n: number }>('SELECT count(*) AS "n" FROM participants'))!.n

// A second published contest with its own unit and an open round (the first comes from setupContest).
async function secondContest(t: TestApp, s: Setup) {
  const contest = await s.org.post('/admin/contests', { title: 'Cuộc thi thứ hai' })
  const contestId = contest.body.contest.id as string
  const units = await s.org.post(`/admin/contests/${contestId}/units`, { units: [{ code: 'X', name: 'Đơn vị Xuân', headcount: 10 }] })
  const now = t.clock.now()
  const round = await s.org.post(`/admin/contests/${contestId}/rounds`, { title: 'Tuần 1', opensAt: iso(now - 60_000), closesAt: iso(now + 86_400_000), questionCount: 5 })
  expect((await s.org.post(`/admin/contests/${contestId}/publish`)).status).toBe(200)
  return { contestId, unitId: units.body.units[0].id as string, roundId: round.body.round.id as string }
}

describe('registration', () => {
  it('post /participants returns 201 with the participant and an HttpOnly, SameSite=Lax session cookie', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const a = t.agent()
    const res = await a.post('/participants', person(s.unit.A1, { position: 'Bí thư chi bộ' }))
    expect(res.status, res.text).toBe(201)
    expect(res.body.participant).toEqual({ id: expect.any(String), fullName: 'Nguyễn Văn Thử', unitId: s.unit.A1 })
    const set = res.headers.get('set-cookie') ?? ''
    expect(set).toMatch(/HttpOnly/i)
    expect(set).toMatch(/SameSite=Lax/i)
    expect(set).toMatch(/Path=\//i)
    const me = await a.get('/me')
    expect(me.status).toBe(200)
    expect(me.body.user).toMatchObject({ id: res.body.participant.id, role: 'participant', name: 'Nguyễn Văn Thử', unitId: s.unit.A1 })
  })

  it.each([['missing', undefined], ['false', false], ['the string "true"', 'true']])('post /participants refuses consent %s with 400 and registers nobody', async (_label, consent) => {
    const t = testApp()
    const s = await setupContest(t)
    const res = await t.agent().post('/participants', person(s.unit.A1, { consent }))
    expectError(res, 400, 'VALIDATION_FAILED')
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await participantCount(t)).toBe(0)
  })

  it.each([
    ['0900 003 001', '+84 900 003 001'],
    ['0900 003 001', '84900003001'],
    ['0900 003 001', '0900003001'],
    ['0900 003 001', '0900.003.001'],
    ['+84 900 003 001', '0900 003 001'],
    ['84900003001', '+84 900 003 001'],
  ])('post /participants refuses a phone already registered as %s when written %s (409 DUPLICATE_PERSON, says to log in)', async (first, again) => {
    const t = testApp()
    const s = await setupContest(t)
    expect((await t.agent().post('/participants', person(s.unit.A1, { phone: first }))).status).toBe(201)
    const res = await t.agent().post('/participants', person(s.unit.B, { phone: again, fullName: 'Trần Thị Khác', dateOfBirth: '1985-01-01' }))
    expectError(res, 409, 'DUPLICATE_PERSON')
    expect(res.body.error.message).toContain('đăng nhập')
    expect(await participantCount(t)).toBe(1)
  })

  it('post /participants refuses a national ID already registered, however it is spaced (409 DUPLICATE_PERSON)', async () => {
    const t = testApp()
    const s = await setupContest(t)
    expect((await t.agent().post('/participants', person(s.unit.A1, { nationalId: '001090000001' }))).status).toBe(201)
    for (const nationalId of ['001090000001', '001 090 000 001']) {
      const res = await t.agent().post('/participants', person(s.unit.A1, { phone: '0900 003 002', nationalId }))
      expectError(res, 409, 'DUPLICATE_PERSON')
      expect(res.body.error.message).toContain('đăng nhập')
    }
    expect(await participantCount(t)).toBe(1)
  })

  it.each(['00109000000', '0010900000011', '00109000000a'])('post /participants refuses the national ID %s (not 12 digits) with 400', async (nationalId) => {
    const t = testApp()
    const s = await setupContest(t)
    expectError(await t.agent().post('/participants', person(s.unit.A1, { nationalId })), 400, 'VALIDATION_FAILED')
    expect(await participantCount(t)).toBe(0)
  })

  it('post /participants refuses a unit that does not exist with 400', async () => {
    const t = testApp()
    await setupContest(t)
    expectError(await t.agent().post('/participants', person('khong-co-don-vi')), 400, 'VALIDATION_FAILED')
    expect(await participantCount(t)).toBe(0)
  })

  it('post /participants refuses a phone that is not a Vietnamese number with 400', async () => {
    const t = testApp()
    const s = await setupContest(t)
    expectError(await t.agent().post('/participants', person(s.unit.A1, { phone: '1234 567 890' })), 400, 'VALIDATION_FAILED')
  })
})

describe('sign-in and sessions', () => {
  async function registered(over: Record<string, unknown> = {}) {
    const t = testApp()
    const s = await setupContest(t)
    const a = t.agent()
    const reg = await a.post('/participants', person(s.unit.A1, { nationalId: '001090000002', ...over }))
    expect(reg.status, reg.text).toBe(201)
    return { t, s, id: reg.body.participant.id as string, regCookie: sessionCookie(reg) }
  }

  it.each(['0900 003 001', '+84 900 003 001', '84900003001', '0900003001'])('post /sessions signs a participant in with the phone written %s', async (identifier) => {
    const { t, id } = await registered()
    const a = t.agent()
    const res = await a.post('/sessions', { identifier, password: PASSWORD })
    expect(res.status, res.text).toBe(200)
    expect(res.body.user).toEqual({ id, role: 'participant', name: 'Nguyễn Văn Thử' })
    expect((await a.get('/me')).body.user.id).toBe(id)
  })

  it('post /sessions signs a participant in with the national ID', async () => {
    const { t, id } = await registered()
    const res = await t.agent().post('/sessions', { identifier: '001090000002', password: PASSWORD })
    expect(res.status, res.text).toBe(200)
    expect(res.body.user.id).toBe(id)
  })

  it('post /sessions refuses a wrong password or an unknown identifier with 401 and sets no cookie', async () => {
    const { t } = await registered()
    for (const body of [{ identifier: '0900 003 001', password: 'sai-mat-khau' }, { identifier: '0900 009 999', password: PASSWORD }, { identifier: 'khong-ai', password: PASSWORD }]) {
      const res = await t.agent().post('/sessions', body)
      expectError(res, 401, 'UNAUTHENTICATED')
      expect(res.headers.get('set-cookie')).toBeNull()
    }
  })

  it('post /sessions signs staff in with their username', async () => {
    const t = testApp()
    await staffAgent(t, 'judge', 'giamkhao1')
    const a = t.agent()
    const res = await a.post('/sessions', { identifier: 'giamkhao1', password: 'mat-khau-thu-nghiem' })
    expect(res.status, res.text).toBe(200)
    expect(res.body.user).toMatchObject({ id: expect.any(String), role: 'judge', name: expect.any(String) })
    const me = await a.get('/me')
    expect(me.body.user).toMatchObject({ role: 'judge' })
    expect(me.body.user).not.toHaveProperty('unitId')
  })

  it('every sign-in issues a new session id (the cookie value differs each time)', async () => {
    const { t, regCookie } = await registered()
    const a = withCookie(t, regCookie)
    const first = sessionCookie(await a.post('/sessions', { identifier: '0900 003 001', password: PASSWORD }))
    const second = sessionCookie(await a.post('/sessions', { identifier: '0900 003 001', password: PASSWORD }))
    expect(new Set([regCookie, first, second]).size).toBe(3)
    expect((await withCookie(t, second).get('/me')).status).toBe(200)
  })

  it('get /me for a participant carries the unitId chosen at registration', async () => {
    const { t, s, regCookie, id } = await registered()
    const me = await withCookie(t, regCookie).get('/me')
    expect(me.status).toBe(200)
    expect(me.body.user).toEqual({ id, role: 'participant', name: 'Nguyễn Văn Thử', unitId: s.unit.A1 })
  })

  it('get /me without a session, or with an unknown cookie, is 401', async () => {
    const t = testApp()
    expectError(await t.agent().get('/me'), 401, 'UNAUTHENTICATED')
    expectError(await withCookie(t, 'hoithi_sid=khong-phai-phien').get('/me'), 401, 'UNAUTHENTICATED')
  })

  it('delete /sessions/current answers 204 and the old session cookie no longer works', async () => {
    const { t, regCookie } = await registered()
    const a = withCookie(t, regCookie)
    const out = await a.delete('/sessions/current')
    expect(out.status).toBe(204)
    expectError(await a.get('/me'), 401, 'UNAUTHENTICATED')
    expectError(await withCookie(t, regCookie).get('/me'), 401, 'UNAUTHENTICATED')
  })

  it('put /me/password refuses a wrong current password (400), then changes it (204): the old one stops working, the new one works', async () => {
    const { t, regCookie } = await registered()
    const a = withCookie(t, regCookie)
    expectError(await a.put('/me/password', { currentPassword: 'khong-dung', newPassword: 'matkhaumoi1' }), 400, 'VALIDATION_FAILED')
    expect((await t.agent().post('/sessions', { identifier: '0900 003 001', password: PASSWORD })).status).toBe(200)
    const changed = await a.put('/me/password', { currentPassword: PASSWORD, newPassword: 'matkhaumoi1' })
    expect(changed.status, changed.text).toBe(204)
    expectError(await t.agent().post('/sessions', { identifier: '0900 003 001', password: PASSWORD }), 401, 'UNAUTHENTICATED')
    expect((await t.agent().post('/sessions', { identifier: '0900 003 001', password: 'matkhaumoi1' })).status).toBe(200)
  })

  it('put /me/password refuses a new password that is too short with 400', async () => {
    const { t, regCookie } = await registered()
    expectError(await withCookie(t, regCookie).put('/me/password', { currentPassword: PASSWORD, newPassword: '123' }), 400, 'VALIDATION_FAILED')
    expect((await t.agent().post('/sessions', { identifier: '0900 003 001', password: PASSWORD })).status).toBe(200)
  })
})

describe('staff-made passwords and accounts', () => {
  it('post /admin/participants/:id/password by an organizer returns a new password that works, and the old one stops working', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const p = await registerPerson(t, s.unit.A1)
    const res = await s.org.post(`/admin/participants/${p.id}/password`)
    expect(res.status, res.text).toBe(200)
    expect(res.body.password).toEqual(expect.any(String))
    expect(res.body.password.length).toBeGreaterThanOrEqual(8)
    const signIn = await t.agent().post('/sessions', { identifier: p.phone, password: res.body.password })
    expect(signIn.status, signIn.text).toBe(200)
    expect(signIn.body.user.id).toBe(p.id)
    expectError(await t.agent().post('/sessions', { identifier: p.phone, password: PASSWORD }), 401, 'UNAUTHENTICATED')
  })

  it('post /admin/users by an admin creates a staff user who can sign in with that role', async () => {
    const t = testApp()
    const admin = await staffAgent(t, 'admin')
    const res = await admin.post('/admin/users', { username: 'bantochuc2', password: 'mat-khau-du-dai', role: 'organizer', name: 'Ban Tổ Chức Hai' })
    expect(res.status, res.text).toBe(201)
    expect(res.body.user).toMatchObject({ id: expect.any(String), username: 'bantochuc2', role: 'organizer' })
    expect(res.body.user).not.toHaveProperty('passwordHash')
    const a = t.agent()
    const signIn = await a.post('/sessions', { identifier: 'bantochuc2', password: 'mat-khau-du-dai' })
    expect(signIn.status, signIn.text).toBe(200)
    expect(signIn.body.user).toMatchObject({ id: res.body.user.id, role: 'organizer' })
    expect((await a.post('/admin/contests', { title: 'Cuộc thi do BTC Hai lập' })).status).toBe(201)
  })

  it('post /admin/users refuses a username that is taken with 409 and a short password with 400', async () => {
    const t = testApp()
    const admin = await staffAgent(t, 'admin')
    expect((await admin.post('/admin/users', { username: 'giamkhao', password: 'mat-khau-du-dai', role: 'judge', name: 'Giám Khảo' })).status).toBe(201)
    const dup = await admin.post('/admin/users', { username: 'giamkhao', password: 'mat-khau-khac-1', role: 'organizer', name: 'Người Khác' })
    expectError(dup, 409, 'CONFLICT')
    expectError(await admin.post('/admin/users', { username: 'GiamKhao', password: 'mat-khau-khac-1', role: 'organizer', name: 'Người Khác' }), 409, 'CONFLICT')
    expectError(await admin.post('/admin/users', { username: 'ngan', password: 'ngan', role: 'judge', name: 'Mật Khẩu Ngắn' }), 400, 'VALIDATION_FAILED')
    expectError(await t.agent().post('/sessions', { identifier: 'ngan', password: 'ngan' }), 401, 'UNAUTHENTICATED')
  })
})

describe('units per contest', () => {
  it('a participant picks a unit in a second contest with put /me/contests/:id/unit; starting there without one is 409 UNIT_REQUIRED', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const p = await registerPerson(t, s.unit.A1)
    const second = await secondContest(t, s)
    const before = await p.agent.get(`/me/contests/${second.contestId}/unit`)
    expect(before.status).toBe(200)
    expect(before.body.unitId).toBeNull()
    expectError(await p.agent.post(`/rounds/${second.roundId}/attempts`, {}), 409, 'UNIT_REQUIRED')
    const put = await p.agent.put(`/me/contests/${second.contestId}/unit`, { unitId: second.unitId })
    expect(put.status, put.text).toBe(200)
    expect(put.body).toMatchObject({ contestId: second.contestId, unitId: second.unitId })
    const start = await p.agent.post(`/rounds/${second.roundId}/attempts`, {})
    expect(start.status, start.text).toBe(201)
    expect((await p.agent.get(`/me/contests/${s.contestId}/unit`)).body.unitId).toBe(s.unit.A1)
  })

  it('get /me keeps reporting the unit chosen at registration after the participant picks a unit in another contest', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const p = await registerPerson(t, s.unit.A1)
    // Ids are random: prefer a second contest whose id sorts before the first (the order a naive query would get
    // wrong). When the first id is itself near the bottom of the alphabet none may exist, and the check still holds.
    let second = await secondContest(t, s)
    for (let i = 0; i < 30 && second.contestId > s.contestId; i++) second = await secondContest(t, s)
    expect((await p.agent.put(`/me/contests/${second.contestId}/unit`, { unitId: second.unitId })).status).toBe(200)
    expect((await p.agent.get('/me')).body.user.unitId).toBe(s.unit.A1)
  })

  it("put /me/contests/:id/unit refuses a unit of another contest with 400", async () => {
    const t = testApp()
    const s = await setupContest(t)
    const p = await registerPerson(t, s.unit.A1)
    const second = await secondContest(t, s)
    expectError(await p.agent.put(`/me/contests/${second.contestId}/unit`, { unitId: s.unit.B }), 400, 'VALIDATION_FAILED')
    expect((await p.agent.get(`/me/contests/${second.contestId}/unit`)).body.unitId).toBeNull()
  })
})

describe('personal data on the wire', () => {
  it('no participant-facing response ever carries the national ID in full', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const nid = '001090000003'
    const a = t.agent()
    const responses: TestResponse[] = []
    const keep = async (res: Promise<TestResponse>) => { const r = await res; responses.push(r); return r }
    await keep(a.post('/participants', person(s.unit.A1, { nationalId: nid })))
    await keep(a.post('/sessions', { identifier: nid, password: PASSWORD }))
    await keep(a.get('/me'))
    const start = await keep(a.post(`/rounds/${s.roundId}/attempts`, {}))
    await keep(a.get(`/attempts/${start.body.attempt.id}`))
    await keep(a.put(`/attempts/${start.body.attempt.id}/items/1`, { choice: ['A'] }))
    await keep(a.post(`/attempts/${start.body.attempt.id}/submit`, { prediction: 3 }))
    await keep(a.get('/me/attempts'))
    await keep(a.get(`/me/contests/${s.contestId}/unit`))
    await keep(a.get(`/rounds/${s.roundId}/leaderboard`))
    await keep(a.get(`/rounds/${s.roundId}/leaderboard?q=${encodeURIComponent('Nguyễn')}`))
    await keep(a.get(`/rounds/${s.roundId}/leaderboard/me`))
    await keep(a.get(`/rounds/${s.roundId}/units-leaderboard`))
    await keep(a.get(`/contests/${s.contestId}/leaderboard`))
    await keep(a.get('/contests'))
    await keep(a.get(`/contests/${s.contestId}`))
    await keep(a.post('/participants', person(s.unit.A1, { phone: '0900 003 009', nationalId: nid })))
    for (const res of responses) {
      expect(res.status, res.text).toBeLessThan(500)
      expect(res.text).not.toContain(nid)
      expect(res.text).not.toContain('1090000003')
    }
  })

  it('public leaderboard entries carry only rank, participantId, fullName, unitId, unitName, score, maxScore, durationMs and predictionError', async () => {
    const t = testApp()
    const s = await setupContest(t, { round: { prediction: { enabled: true, target: 'participants' } } })
    const people = [
      await registerPerson(t, s.unit.A1, { nationalId: '001090000004', position: 'Đảng viên' }),
      await registerPerson(t, s.unit.B, { nationalId: '001090000005' }),
    ]
    for (const [i, p] of people.entries()) {
      const attempt = await takeAttempt(t, p.agent, s.roundId, 3 - i)
      expect((await p.agent.post(`/attempts/${attempt.id}/submit`, { prediction: 2 })).status).toBe(200)
    }
    const allowed = ['rank', 'participantId', 'fullName', 'unitId', 'unitName', 'score', 'maxScore', 'durationMs', 'predictionError']
    const boards = [
      await t.agent().get(`/rounds/${s.roundId}/leaderboard`),
      await t.agent().get(`/contests/${s.contestId}/leaderboard`),
    ]
    t.clock.advance(25 * 3600_000)
    expect((await s.judge.post(`/admin/rounds/${s.roundId}/finalize`)).status).toBe(200)
    boards.push(await t.agent().get(`/rounds/${s.roundId}/leaderboard`))
    for (const board of boards) {
      expect(board.status, board.text).toBe(200)
      expect(board.body.entries).toHaveLength(2)
      for (const entry of board.body.entries) {
        for (const k of Object.keys(entry)) expect(allowed, `unexpected field ${k}`).toContain(k)
        for (const k of ['rank', 'participantId', 'fullName', 'unitId', 'unitName', 'score', 'maxScore', 'durationMs']) expect(entry).toHaveProperty(k)
      }
      for (const p of people) expect(board.text).not.toContain(p.phone)
      expect(board.text).not.toMatch(/1990-05-01|00109000000[45]|Đảng viên/)
    }
    // One's own entry adds whether it is the official result and the prize won (nothing personal).
    const me = await people[0].agent.get(`/rounds/${s.roundId}/leaderboard/me`)
    for (const k of Object.keys(me.body.entry)) expect([...allowed, 'final', 'prize'], `unexpected field ${k}`).toContain(k)
  })
})

describe('rate limits', () => {
  it('the 4th wrong password for one identifier within a minute is 429 RATE_LIMITED with Retry-After; other identifiers still sign in; after 61 s it works again', async () => {
    const t = testApp({ RATE_SIGNIN_FAILS_PER_ID_PER_MIN: '3' })
    const s = await setupContest(t)
    const a = await registerPerson(t, s.unit.A1)
    const b = await registerPerson(t, s.unit.B)
    for (let i = 0; i < 3; i++) expectError(await t.agent().post('/sessions', { identifier: a.phone, password: `sai-${i}` }), 401, 'UNAUTHENTICATED')
    const limited = await t.agent().post('/sessions', { identifier: a.phone, password: 'sai-3' })
    expectError(limited, 429, 'RATE_LIMITED')
    const retry = Number(limited.headers.get('retry-after'))
    expect(Number.isInteger(retry)).toBe(true)
    expect(retry).toBeGreaterThan(0)
    expect(retry).toBeLessThanOrEqual(60)
    expectError(await t.agent().post('/sessions', { identifier: a.phone, password: PASSWORD }), 429, 'RATE_LIMITED')
    expect((await t.agent().post('/sessions', { identifier: b.phone, password: PASSWORD })).status).toBe(200)
    t.clock.advance(61_000)
    const again = await t.agent().post('/sessions', { identifier: a.phone, password: PASSWORD })
    expect(again.status, again.text).toBe(200)
  })

  // SPEC §2: the written forms of one phone are one number, so they must share one failure count.
  it('failed sign-ins count against the person however the phone is written', async () => {
    const t = testApp({ RATE_SIGNIN_FAILS_PER_ID_PER_MIN: '3' })
    const s = await setupContest(t)
    const a = await registerPerson(t, s.unit.A1)
    const national = a.phone.slice(1)
    const forms = [a.phone, `+84${national}`, `84${national}`, `${a.phone.slice(0, 4)}.${a.phone.slice(4, 7)}.${a.phone.slice(7)}`]
    for (let i = 0; i < 3; i++) expectError(await t.agent().post('/sessions', { identifier: forms[i], password: `sai-${i}` }), 401, 'UNAUTHENTICATED')
    expectError(await t.agent().post('/sessions', { identifier: forms[3], password: 'sai-3' }), 429, 'RATE_LIMITED')
  })

  it('registrations from one address are limited by RATE_REGISTER_PER_MIN', async () => {
    const t = testApp({ RATE_REGISTER_PER_MIN: '2' })
    const s = await setupContest(t)
    for (let i = 0; i < 2; i++) expect((await t.agent().post('/participants', person(s.unit.A1, { phone: `0900 004 00${i}` }))).status).toBe(201)
    const third = await t.agent().post('/participants', person(s.unit.A1, { phone: '0900 004 009' }))
    expectError(third, 429, 'RATE_LIMITED')
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0)
    t.clock.advance(61_000)
    expect((await t.agent().post('/participants', person(s.unit.A1, { phone: '0900 004 009' }))).status).toBe(201)
  })

  // 300 scrypt hashes run on libuv's thread pool; sent 25 at a time this takes a few seconds.
  it('the default limits let one address register 300 people within a minute', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const started = Date.now()
    const statuses: number[] = []
    for (let batch = 0; batch < 12; batch++) {
      const results = await Promise.all(Array.from({ length: 25 }, (_, i) => {
        const n = batch * 25 + i
        return t.agent().post('/participants', person(s.unit.A1, { phone: `09002${String(n).padStart(5, '0')}`, fullName: `Người Thử Số ${n}` }))
      }))
      statuses.push(...results.map((r) => r.status))
    }
    expect(statuses.filter((x) => x === 201)).toHaveLength(300)
    expect(await participantCount(t)).toBe(300)
    expect(Date.now() - started).toBeLessThan(40_000)
  }, 60_000)
})

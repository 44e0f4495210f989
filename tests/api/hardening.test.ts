import { connect } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RateLimiter } from '../../api/lib/rate-limit'
import { staffAgent, testApp, type Agent, type TestApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt } from '../helpers/contest'
import { xlsxBomb } from '../helpers/zip-bomb'
import { listen } from '../helpers/listen'

const upload = (agent: Agent, path: string, body: Uint8Array) => agent.request('POST', path, body, { 'content-type': 'application/octet-stream' })
const count = async (t: TestApp, table: string) => (await t.one<{ n: number }>(`SELECT count(*) AS "n" FROM ${table}`))!.n
const PASSWORD = 'matkhau123'

describe('bounded imports', () => {
  it('refuses an xlsx whose shared strings inflate past the limit with 413 naming it, for questions and units, and stays up', async () => {
    const t = testApp()
    const org = await staffAgent(t, 'organizer')
    const contest = (await org.post('/admin/contests', { title: 'Cuộc thi thử nghiệm' })).body.contest.id
    const bomb = xlsxBomb(300)
    expect(bomb.byteLength).toBeLessThan(1024 * 1024) // 300 MB inflated from a file under 1 MB
    const rssBefore = process.memoryUsage().rss
    for (const path of ['/admin/questions/import?format=xlsx', `/admin/contests/${contest}/units/import?format=xlsx`]) {
      const res = await upload(org, path, bomb)
      expect(res.status, res.text).toBe(413)
      expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE')
      expect(res.body.error.message).toContain('MB')
    }
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024)
    expect([await count(t, 'questions'), await count(t, 'units')]).toEqual([0, 0])
    expect((await t.agent().get('/health')).status).toBe(200)
  })

  it('refuses an xlsx that lies about an entry’s size (the real bytes are counted while inflating)', async () => {
    const t = testApp()
    const org = await staffAgent(t, 'organizer')
    const res = await upload(org, '/admin/questions/import?format=xlsx', xlsxBomb(300, { lie: true }))
    expect([400, 413]).toContain(res.status)
    expect(await count(t, 'questions')).toBe(0)
  })

  it('refuses too many shared strings with 413', async () => {
    const t = testApp()
    const org = await staffAgent(t, 'organizer')
    const res = await upload(org, '/admin/questions/import?format=xlsx', xlsxBomb(0, { strings: 1_000_001 }))
    expect(res.status).toBe(413)
    expect(res.body.error.message).toContain('1.000.000')
  })

  it('caps the questions of one GIFT file at 50,000 with 413, storing none', async () => {
    const t = testApp()
    const org = await staffAgent(t, 'organizer')
    const gift = Array.from({ length: 50_001 }, (_, i) => `::g${i}:: Câu hỏi thử nghiệm số ${i}? {=Đúng ~Sai}\n`).join('\n')
    const res = await upload(org, '/admin/questions/import?format=gift', new TextEncoder().encode(gift))
    expect(res.status).toBe(413)
    expect(res.body.error.message).toContain('50.000')
    expect(await count(t, 'questions')).toBe(0)
  }, 60_000)
})

describe('sign-in limits that hold', () => {
  it('60 parallel wrong passwords for one phone: at most 10 get 401, the rest 429 with Retry-After', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 5 } })
    const p = await registerPerson(t, s.unit.A1)
    const results = await Promise.all(Array.from({ length: 60 }, () => t.agent().post('/sessions', { identifier: p.phone, password: 'sai-mat-khau' })))
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((x) => x === 401).length).toBe(10)
    expect(statuses.filter((x) => x === 429).length).toBe(50)
    expect(results.find((r) => r.status === 429)!.headers.get('retry-after')).toMatch(/^\d+$/)
  })

  it('phone and national ID share one bucket, and the owner is slowed, never locked out', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 5 } })
    const p = await registerPerson(t, s.unit.A1, { nationalId: '001090000123' })
    const phoneWritten = `+84 ${p.phone.slice(1)}`
    for (let i = 0; i < 10; i++) {
      const identifier = i % 2 ? '001090000123' : phoneWritten
      expect((await t.agent().post('/sessions', { identifier, password: 'sai-mat-khau' })).status).toBe(401)
    }
    const blocked = await t.agent().post('/sessions', { identifier: '001090000123', password: PASSWORD })
    expect(blocked.status).toBe(429)
    // The delay grows with each failure but stays at most a minute: the owner gets in after waiting it.
    t.clock.advance(Number(blocked.headers.get('retry-after')) * 1000)
    expect((await t.agent().post('/sessions', { identifier: p.phone, password: PASSWORD })).status).toBe(200)
    for (let i = 0; i < 8; i++) {
      t.clock.advance(61_000)
      await t.agent().post('/sessions', { identifier: p.phone, password: 'sai-mat-khau' })
    }
    t.clock.advance(60_000)
    expect((await t.agent().post('/sessions', { identifier: p.phone, password: PASSWORD })).status).toBe(200)
  })

  it('counts a sliding minute: a burst straddling a minute boundary is limited', () => {
    let now = 59_900
    const limiter = new RateLimiter(() => now)
    for (let i = 0; i < 300; i++) limiter.hit('signin:10.0.0.1', 300)
    now = 60_100
    expect(() => limiter.hit('signin:10.0.0.1', 300)).toThrow(/thử lại sau/)
    now = 120_000 // a whole minute after the burst
    expect(() => limiter.hit('signin:10.0.0.1', 300)).not.toThrow()
  })
})

describe('sessions end with the password', () => {
  it('a participant’s change ends their other sessions, keeps this one; an organizer’s reset ends all', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 5 } })
    const p = await registerPerson(t, s.unit.A1)
    const phone = t.agent()
    expect((await phone.post('/sessions', { identifier: p.phone, password: PASSWORD })).status).toBe(200)
    expect((await p.agent.put('/me/password', { currentPassword: PASSWORD, newPassword: 'matkhaumoi1' })).status).toBe(204)
    expect((await phone.get('/me')).status).toBe(401)
    expect((await p.agent.get('/me')).status).toBe(200)

    const reset = await s.org.post(`/admin/participants/${p.id}/password`, {})
    expect(reset.status).toBe(200)
    expect((await p.agent.post(`/rounds/${s.roundId}/attempts`, {})).status).toBe(401)
    expect((await t.agent().post('/sessions', { identifier: p.phone, password: reset.body.password })).status).toBe(200)
  })

  it('staff change their own password (other sessions end) and an admin can reset a staff password (all end)', async () => {
    const t = testApp()
    const admin = await staffAgent(t, 'admin')
    const judge = await staffAgent(t, 'judge', 'giam-khao-mot')
    const second = t.agent()
    expect((await second.post('/sessions', { identifier: 'giam-khao-mot', password: 'mat-khau-thu-nghiem' })).status).toBe(200)
    expect((await judge.put('/me/password', { currentPassword: 'mat-khau-thu-nghiem', newPassword: 'ngan' })).status).toBe(400)
    expect((await judge.put('/me/password', { currentPassword: 'mat-khau-thu-nghiem', newPassword: 'mat-khau-moi-dai' })).status).toBe(204)
    expect((await second.get('/me')).status).toBe(401)
    expect((await judge.get('/me')).status).toBe(200)

    const judgeId = (await judge.get('/me')).body.user.id
    const reset = await admin.post(`/admin/users/${judgeId}/password`, {})
    expect(reset.status).toBe(200)
    expect(reset.body.password.length).toBeGreaterThanOrEqual(10)
    expect((await judge.get('/me')).status).toBe(401)
    expect((await t.agent().post('/sessions', { identifier: 'giam-khao-mot', password: reset.body.password })).status).toBe(200)
    expect((await judge.post(`/admin/users/${judgeId}/password`, {})).status).toBe(401)
    const audit = await t.sql<{ action: string }>('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY seq', judgeId)
    expect(audit.map((a) => a.action)).toEqual(['user.create', 'user.password_change', 'user.password_reset'])
  })
})

describe('names that show what they say', () => {
  it.each([
    ['a zero-width space', 'Nguyễn\u200bVăn An'],
    ['a right-to-left override', 'Nguyễn Văn \u202eAn'],
    ['a control character', 'Nguyễn Văn\u0007 An'],
    ['a zero-width joiner', 'Nguyễn\u200dVăn An'],
  ])('registration refuses a full name with %s (400), storing nothing', async (_what, fullName) => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 5 } })
    const before = await count(t, 'participants')
    const res = await t.agent().post('/participants', { fullName, dateOfBirth: '1990-01-01', phone: '0912000111', unitId: s.unit.A1, password: PASSWORD, consent: true })
    expect(res.status).toBe(400)
    expect(await count(t, 'participants')).toBe(before)
  })

  it('stores a name in NFC with single spaces', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 5 } })
    const decomposed = 'Nguye\u0302\u0303n   Văn An'.normalize('NFD')
    const res = await t.agent().post('/participants', { fullName: decomposed, dateOfBirth: '1990-01-01', phone: '0912000112', unitId: s.unit.A1, password: PASSWORD, consent: true })
    expect(res.status).toBe(201)
    expect(res.body.participant.fullName).toBe('Nguyễn Văn An')
  })

  it('refuses a staff name or a unit name with hidden characters', async () => {
    const t = testApp()
    const admin = await staffAgent(t, 'admin')
    expect((await admin.post('/admin/users', { username: 'can-bo-moi', password: 'mat-khau-du-dai', role: 'judge', name: 'Trần\u202e Bình' })).status).toBe(400)
    const org = await staffAgent(t, 'organizer')
    const contest = (await org.post('/admin/contests', { title: 'Cuộc thi' })).body.contest.id
    expect((await org.post(`/admin/contests/${contest}/units`, { units: [{ code: 'A', name: 'Chi bộ\u200b A' }] })).status).toBe(400)
    const csv = '\ufeffMã,Tên đơn vị\r\nA,Chi bộ\u202e A\r\n'
    const res = await upload(org, `/admin/contests/${contest}/units/import?format=csv`, new TextEncoder().encode(csv))
    expect(res.status).toBe(400)
    expect(await count(t, 'units')).toBe(0)
  })
})

describe('keys stay secret while another round can draw the question', () => {
  it('a closed round’s review withholds keys an open round can draw, unless its organizer chose to show them', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 5 }, round: { questionCount: 3, closesAt: new Date(t.clock.now() + 3600_000).toISOString() } })
    const open = await s.org.post(`/admin/contests/${s.contestId}/rounds`, {
      title: 'Tuần 2', opensAt: new Date(t.clock.now()).toISOString(), closesAt: new Date(t.clock.now() + 7 * 24 * 3600_000).toISOString(), questionCount: 3,
    })
    expect(open.status).toBe(201)
    const p = await registerPerson(t, s.unit.A1)
    const a = await takeAttempt(t, p.agent, s.roundId, 3)
    await p.agent.post(`/attempts/${a.id}/submit`, {})
    t.clock.advance(2 * 3600_000) // round 1 closed and past its grace; round 2 still open on the same bank
    const review = (await p.agent.get(`/attempts/${a.id}`)).body.attempt
    for (const item of review.items) {
      expect(item.correct).toBeUndefined()
      expect(item.explanation).toBeUndefined()
      expect(item.keyWithheld).toContain('đợt thi khác')
    }
    expect((await s.org.patch(`/admin/rounds/${s.roundId}`, { reviewKeys: 'show' })).status).toBe(200)
    const shown = (await p.agent.get(`/attempts/${a.id}`)).body.attempt
    expect(shown.items.every((i: { correct?: string[] }) => i.correct?.length === 1)).toBe(true)
    const audit = await t.sql<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'round.update' AND entity_id = ?", s.roundId)
    expect(audit.some((r) => JSON.parse(r.detail).after.reviewKeys === 'show')).toBe(true)
  })

  it('refuses moving closesAt later once the review has opened, so nobody who saw the keys answers again', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 5 }, round: { closesAt: new Date(t.clock.now() + 3600_000).toISOString() } })
    t.clock.advance(3600_000 + 10_000)
    const later = await s.org.patch(`/admin/rounds/${s.roundId}`, { closesAt: new Date(t.clock.now() + 24 * 3600_000).toISOString() })
    expect(later.status).toBe(409)
    expect((await s.org.patch(`/admin/rounds/${s.roundId}`, { graceSec: 120 })).status).toBe(409)
    expect((await s.org.patch(`/admin/rounds/${s.roundId}`, { title: 'Tuần 1 (đã đóng)' })).status).toBe(200)
  })
})

describe('exports and aborted uploads', () => {
  afterEach(() => vi.restoreAllMocks())

  it('the bank CSV neutralizes formula-like text unless asked for an exact round-trip file', async () => {
    const t = testApp()
    const org = await staffAgent(t, 'organizer')
    const q = { id: 'cong-thuc', topic: 't1', difficulty: 1, type: 'single', stem: '=1+1 bằng bao nhiêu?', options: [{ key: 'A', text: '2' }, { key: 'B', text: '@3' }], correct: ['A'], explanation: 'Phép cộng.', source: { document: 'Tài liệu thử nghiệm' } }
    expect((await upload(org, '/admin/questions/import?format=json', new TextEncoder().encode(JSON.stringify([q])))).status).toBe(200)
    const safe = await org.request('GET', '/admin/questions/export?format=csv')
    expect(safe.text).toContain(",'=1+1 bằng bao nhiêu?,")
    expect(safe.text).toContain(",'@3,")
    const exact = await org.request('GET', '/admin/questions/export?format=csv&exact=true')
    expect(exact.text).toContain(',=1+1 bằng bao nhiêu?,')
  })

  it('a client that disconnects mid-upload is logged as an abort, not as a 500 with a stack', async () => {
    const t = testApp()
    const org = await staffAgent(t, 'organizer')
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const logs = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    const server = await listen(t)
    const { hostname, port } = new URL(server.url)
    const socket = connect(Number(port), hostname)
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    socket.write(`POST /api/admin/questions/import?format=json HTTP/1.1\r\nHost: ${hostname}\r\nCookie: ${org.cookie}\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n`)
    socket.write('['.padEnd(100_000, ' '))
    await new Promise((r) => setTimeout(r, 100))
    socket.destroy()
    await vi.waitFor(() => expect(logs.mock.calls.some(([line]) => String(line).includes('client_abort'))).toBe(true), { timeout: 3000 })
    await server.close()
    expect(errors.mock.calls.filter(([line]) => /stack|error/i.test(String(line)))).toEqual([])
    expect(await count(t, 'questions')).toBe(0)
  })
})

describe('who is signed in, without a 401', () => {
  it('get /sessions/current answers 200 with { user: null } when signed out, and the user when signed in', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 5 } })
    const anonymous = await t.agent().get('/sessions/current')
    expect([anonymous.status, anonymous.body.user]).toEqual([200, null])
    const p = await registerPerson(t, s.unit.A1)
    const me = await p.agent.get('/sessions/current')
    expect(me.status).toBe(200)
    expect(me.body.user).toEqual((await p.agent.get('/me')).body.user)
    expect(me.body.user).toMatchObject({ id: p.id, role: 'participant', unitId: s.unit.A1 })
  })
})

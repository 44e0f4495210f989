import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { membersCsv } from '../../api/services/members-export'
import { staffAgent, testApp, type Agent, type TestApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt, type Setup } from '../helpers/contest'

const PASSWORD = 'dieu-phoi-123'
let seq = 0

async function appoint(t: TestApp, s: Setup, unitCode: string, over: Record<string, unknown> = {}) {
  const username = `dp-${unitCode.toLowerCase()}-${++seq}`
  const res = await s.org.post(`/admin/contests/${s.contestId}/coordinators`, { unitId: s.unit[unitCode], username, password: PASSWORD, name: `Điều phối ${unitCode}`, ...over })
  return { res, username }
}

async function signIn(t: TestApp, username: string): Promise<Agent> {
  const a = t.agent()
  const res = await a.post('/sessions', { identifier: username, password: PASSWORD })
  expect(res.status, res.text).toBe(200)
  return a
}

async function coordinatorOf(t: TestApp, s: Setup, unitCode: string) {
  const { res, username } = await appoint(t, s, unitCode)
  expect(res.status, res.text).toBe(201)
  return { agent: await signIn(t, username), id: res.body.user.id as string }
}

const list0 = (res: { body: { coordinators: { username: string }[] } }) => res.body.coordinators[0]

async function download(t: TestApp, agent: Agent, path: string) {
  const res = await t.app.request(path, { headers: { cookie: agent.cookie } })
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) }
}

// Under A (A1, A2): An finishes twice (2 then 4 of 5), Bình has an attempt in progress, Chi has none;
// Dũng is in B, outside A's subtree.
async function unitA() {
  const t = testApp()
  const s = await setupContest(t)
  const an = await registerPerson(t, s.unit.A1, { fullName: 'Nguyễn Văn An' })
  const binh = await registerPerson(t, s.unit.A2, { fullName: 'Trần Thị Bình' })
  const chi = await registerPerson(t, s.unit.A, { fullName: 'Lê Minh Chi' })
  const dung = await registerPerson(t, s.unit.B, { fullName: 'Phạm Dũng' })
  for (const right of [2, 4]) {
    const attempt = await takeAttempt(t, an.agent, s.roundId, right)
    expect((await an.agent.post(`/attempts/${attempt.id}/submit`, {})).body.result.score).toBe(right)
  }
  await takeAttempt(t, binh.agent, s.roundId, 5)
  const d = await takeAttempt(t, dung.agent, s.roundId, 3)
  await dung.agent.post(`/attempts/${d.id}/submit`, {})
  const coord = await coordinatorOf(t, s, 'A')
  return { t, s, coord: coord.agent, coordId: coord.id, people: { an, binh, chi, dung } }
}

describe('appointing coordinators', () => {
  it('post /admin/contests/:id/coordinators answers 201 with the user, lists them and writes the audit log', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const { res, username } = await appoint(t, s, 'A')
    expect(res.status, res.text).toBe(201)
    expect(res.body.user).toEqual({ id: expect.any(String), username, name: 'Điều phối A', role: 'coordinator', unitId: s.unit.A })
    const list = await s.org.get(`/admin/contests/${s.contestId}/coordinators`)
    expect(list.body.coordinators).toEqual([expect.objectContaining({ id: res.body.user.id, username, unitId: s.unit.A, unitName: 'Đảng bộ Cơ sở An', disabled: false })])
    const audit = await t.one<{ actor_id: string }>(`SELECT actor_id FROM audit_log WHERE action = 'coordinator.appoint' AND entity_id = ?`, res.body.user.id)
    expect(audit).toBeDefined()
  })

  it('refuses a unit of another contest (400), a taken username (409), a short password (400), and changes nothing', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const other = await s.org.post('/admin/contests', { title: 'Cuộc thi khác' })
    const otherUnits = await s.org.post(`/admin/contests/${other.body.contest.id}/units`, { units: [{ code: 'X', name: 'Đơn vị X' }] })
    const foreign = await appoint(t, s, 'A', { unitId: otherUnits.body.units[0].id })
    expect(foreign.res.status).toBe(400)
    expect(foreign.res.body.error.message).toContain('Đơn vị không thuộc cuộc thi này')
    const first = await appoint(t, s, 'A', { username: 'trung-lap' })
    expect(first.res.status).toBe(201)
    const again = await appoint(t, s, 'B', { username: 'trung-lap' })
    expect(again.res.status).toBe(409)
    expect((await appoint(t, s, 'A', { password: 'ngan' })).res.status).toBe(400)
    // A username that reads as a phone or a national ID would be found before the participant at sign-in.
    const person = await registerPerson(t, s.unit.A)
    for (const username of [person.phone, '001090012345']) expect((await appoint(t, s, 'A', { username })).res.status, username).toBe(400)
    expect((await t.agent().post('/sessions', { identifier: person.phone, password: 'matkhau123' })).status).toBe(200)
    const admin = await staffAgent(t, 'admin')
    expect((await admin.post('/admin/users', { username: person.phone, password: PASSWORD, role: 'judge', name: 'Giám khảo' })).status).toBe(400)
    expect((await t.sql(`SELECT id FROM staff_users WHERE role = 'coordinator'`)).length).toBe(1)
    expect((await s.org.post(`/admin/contests/khong-co/coordinators`, { unitId: s.unit.A, username: 'ai-do', password: PASSWORD, name: 'Ai Đó' })).status).toBe(404)
  })

  it('only organizers (and admins) appoint: a judge gets 403', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const res = await s.judge.post(`/admin/contests/${s.contestId}/coordinators`, { unitId: s.unit.A, username: 'tham-phan', password: PASSWORD, name: 'Giám khảo' })
    expect(res.status).toBe(403)
    const admin = await staffAgent(t, 'admin')
    expect((await admin.post(`/admin/contests/${s.contestId}/coordinators`, { unitId: s.unit.A, username: 'boi-admin', password: PASSWORD, name: 'Quản trị' })).status).toBe(201)
  })

  it('delete /admin/contests/:id/coordinators/:userId disables the account, ends its sessions and is audited', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const { agent, id } = await coordinatorOf(t, s, 'A')
    expect((await agent.get('/me')).status).toBe(200)
    expect((await s.org.delete(`/admin/contests/${s.contestId}/coordinators/${id}`)).status).toBe(204)
    expect((await agent.get('/me')).status).toBe(401)
    expect((await agent.get(`/coordinator/units/${s.unit.A}/members`)).status).toBe(401)
    expect((await t.agent().post('/sessions', { identifier: list0(await s.org.get(`/admin/contests/${s.contestId}/coordinators`)).username, password: PASSWORD })).status).not.toBe(200)
    const list = await s.org.get(`/admin/contests/${s.contestId}/coordinators`)
    expect(list.body.coordinators[0]).toMatchObject({ id, disabled: true })
    expect(await t.one(`SELECT seq FROM audit_log WHERE action = 'coordinator.remove' AND entity_id = ?`, id)).toBeDefined()
    expect((await s.org.delete(`/admin/contests/${s.contestId}/coordinators/khong-co`)).status).toBe(404)
  })
})

describe('a coordinator signed in', () => {
  it('signs in like staff; /me tells role coordinator and the unit', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const { agent, id } = await coordinatorOf(t, s, 'A')
    const me = await agent.get('/me')
    expect(me.body.user).toEqual({ id, role: 'coordinator', name: 'Điều phối A', unitId: s.unit.A })
  })

  it('sees every member of the subtree with took and bestScore from their real attempts', async () => {
    const { s, coord, people } = await unitA()
    const res = await coord.get(`/coordinator/units/${s.unit.A}/members?roundId=${s.roundId}`)
    expect(res.status, res.text).toBe(200)
    // Sorted by given name: An, Bình, Chi.
    expect(res.body.members.map((m: { fullName: string }) => m.fullName)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Minh Chi'])
    expect(res.body.members).toEqual([
      expect.objectContaining({ participantId: people.an.id, unitId: s.unit.A1, unitName: 'Chi bộ An Một', took: true, bestScore: 4 }),
      expect.objectContaining({ participantId: people.binh.id, unitId: s.unit.A2, unitName: 'Chi bộ An Hai', took: false, bestScore: null }),
      expect.objectContaining({ participantId: people.chi.id, unitId: s.unit.A, unitName: 'Đảng bộ Cơ sở An', took: false, bestScore: null }),
    ])
    expect(res.body.counts).toEqual({ total: 3, took: 1, headcount: 15 })
  })

  it('a descendant unit shows its own subtree only', async () => {
    const { s, coord, people } = await unitA()
    const res = await coord.get(`/coordinator/units/${s.unit.A1}/members`)
    expect(res.body.members.map((m: { participantId: string }) => m.participantId)).toEqual([people.an.id])
    expect(res.body.counts).toEqual({ total: 1, took: 1, headcount: 10 })
  })

  it('without roundId the contest\'s current round is used; took=false and a name search filter the list', async () => {
    const { s, coord, people } = await unitA()
    const res = await coord.get(`/coordinator/units/${s.unit.A}/members?took=false`)
    expect(res.body.round.id).toBe(s.roundId)
    expect(res.body.members.map((m: { participantId: string }) => m.participantId)).toEqual([people.binh.id, people.chi.id])
    expect(res.body.counts.total).toBe(3)
    const found = await coord.get(`/coordinator/units/${s.unit.A}/members?q=${encodeURIComponent('tran thi')}`)
    expect(found.body.members.map((m: { participantId: string }) => m.participantId)).toEqual([people.binh.id])
    expect((await coord.get(`/coordinator/units/${s.unit.A}/members?took=chua`)).status).toBe(400)
  })

  it('the overview lists the subtree with rolled-up counts and the rounds', async () => {
    const { s, coord } = await unitA()
    const res = await coord.get('/coordinator/overview')
    expect(res.status, res.text).toBe(200)
    expect(res.body.rootUnitId).toBe(s.unit.A)
    expect(res.body.currentRoundId).toBe(s.roundId)
    expect(res.body.units).toEqual([
      expect.objectContaining({ id: s.unit.A, parentId: null, total: 3, took: 1, headcount: 15 }),
      expect.objectContaining({ id: s.unit.A1, parentId: s.unit.A, total: 1, took: 1, headcount: 10 }),
      expect.objectContaining({ id: s.unit.A2, parentId: s.unit.A, total: 1, took: 0, headcount: 5 }),
    ])
  })

  it('is refused another unit\'s data with 403: a sibling, an ancestor, an unknown unit; a round of another contest is 404', async () => {
    const { t, s, coord } = await unitA()
    for (const unitId of [s.unit.B, s.unit.K, 'khong-co-don-vi']) {
      for (const path of ['members', 'members.csv', 'members.xlsx']) {
        const res = await coord.get(`/coordinator/units/${unitId}/${path}`)
        expect(res.status, `${unitId} ${path}`).toBe(403)
        expect(res.body.error.code).toBe('FORBIDDEN')
      }
    }
    const other = await setupContest(t)
    expect((await coord.get(`/coordinator/units/${s.unit.A}/members?roundId=${other.roundId}`)).status).toBe(404)
  })
})

describe('roles', () => {
  it('a coordinator is refused every admin route the app registers with 403', async () => {
    const { t, coord } = await unitA()
    const routes = [...new Map(t.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/admin')).map((r) => [`${r.method} ${r.path}`, r])).values()]
    expect(routes.length).toBeGreaterThan(40)
    for (const r of routes) {
      const url = r.path.replace(/:(\w+)/g, (_m, name: string) => `no-such-${name.toLowerCase()}`)
      const res = await coord.request(r.method, url, r.method === 'GET' || r.method === 'DELETE' ? undefined : {})
      expect(res.status, `${r.method} ${r.path}`).toBe(403)
      expect(res.body.error.code).toBe('FORBIDDEN')
    }
  })

  it('organizers, judges, admins and participants are refused the coordinator routes with 403, anonymous callers with 401', async () => {
    const { t, s, people } = await unitA()
    const admin = await staffAgent(t, 'admin')
    // Refused by the role check itself (its message), not only later for want of a unit.
    for (const agent of [s.org, s.judge, admin, people.an.agent]) {
      for (const path of ['/coordinator/overview', `/coordinator/units/${s.unit.A}/members`, `/coordinator/units/${s.unit.A}/members.csv`]) {
        const res = await agent.get(path)
        expect(res.status, path).toBe(403)
        expect(res.body.error.message).toBe('Bạn không có quyền thực hiện thao tác này.')
      }
    }
    expect((await t.agent().get('/coordinator/overview')).status).toBe(401)
  })
})

describe('exports', () => {
  it('members.csv has the Vietnamese headers, a decimal comma and dd/mm/yyyy dates', async () => {
    const { t, s, coord } = await unitA()
    const res = await download(t, coord, `/coordinator/units/${s.unit.A}/members.csv`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    const lines = new TextDecoder().decode(res.bytes).replace(/^\uFEFF/, '').trim().split(/\r\n/)
    expect(lines[0]).toBe('Họ và tên,Đơn vị,Đã thi,Điểm cao nhất,Điểm tối đa,Ngày thi gần nhất')
    expect(lines[1]).toMatch(/^Nguyễn Văn An,Chi bộ An Một,Có,4,5,\d{2}\/\d{2}\/\d{4}$/)
    expect(lines[1]).toContain('02/03/2026')
    expect(lines.slice(2)).toEqual(['Trần Thị Bình,Chi bộ An Hai,Chưa,,,', 'Lê Minh Chi,Đảng bộ Cơ sở An,Chưa,,,'])
  })

  it('the CSV writes a fractional score with a decimal comma', () => {
    const member = { participantId: 'p', fullName: 'Đỗ Thị Mai', unitId: 'u', unitName: 'Chi bộ Một', took: true, bestScore: 7.5, maxScore: 10, lastFinishedAt: '2026-03-01T18:30:00Z' }
    const csv = membersCsv({ round: null, unit: { id: 'u', code: 'U', name: 'Chi bộ Một', headcount: null }, counts: { total: 1, took: 1, headcount: null }, members: [member] })
    // 18:30 UTC is already the next day in Hà Nội.
    expect(csv.split('\r\n')[1]).toBe('Đỗ Thị Mai,Chi bộ Một,Có,"7,5",10,02/03/2026')
  })

  it('members.xlsx has the same rows with numbers, and the unit and round on a second sheet', async () => {
    const { t, s, coord } = await unitA()
    const res = await download(t, coord, `/coordinator/units/${s.unit.A}/members.xlsx?took=true`)
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(res.bytes) as unknown as ArrayBuffer)
    const rows = wb.getWorksheet('Thành viên')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1))
    expect(rows[0]).toEqual(['Họ và tên', 'Đơn vị', 'Đã thi', 'Điểm cao nhất', 'Điểm tối đa', 'Ngày thi gần nhất'])
    expect(rows.slice(1)).toEqual([['Nguyễn Văn An', 'Chi bộ An Một', 'Có', 4, 5, '02/03/2026']])
    const info = wb.getWorksheet('Thông tin')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1))
    expect(info[0]).toEqual(['Đơn vị', 'Đảng bộ Cơ sở An'])
    expect(String(info[1][1])).toMatch(/^Tuần 1 \(02\/03\/2026 – 03\/03\/2026\)$/)
  })
})

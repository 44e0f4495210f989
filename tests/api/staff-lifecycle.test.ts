import { describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../api/services/audit'
import { setStaffDisabled } from '../../api/services/staff-lifecycle'
import { staffAgent, testApp, type Agent, type TestApp } from '../helpers/app'

const PASSWORD = 'mat-khau-can-bo-1'

// A staff account made by the admin through the API, signed in on its own agent.
async function newStaff(t: TestApp, admin: Agent, username: string, name: string, role: 'organizer' | 'judge' | 'admin') {
  const res = await admin.post('/admin/users', { username, password: PASSWORD, role, name })
  expect(res.status, res.text).toBe(201)
  const agent = t.agent()
  expect((await agent.post('/sessions', { identifier: username, password: PASSWORD })).status).toBe(200)
  return { id: res.body.user.id as string, agent }
}

const signIn = (t: TestApp, username: string, password = PASSWORD) => t.agent().post('/sessions', { identifier: username, password })
const lastAudit = (t: TestApp) => t.one<{ action: string; actor_id: string; entity_id: string; detail: string }>('SELECT action, actor_id, entity_id, detail FROM audit_log ORDER BY seq DESC LIMIT 1')

describe('the staff list', () => {
  it('lists every staff account with role and state, coordinators with their unit; admins only', async () => {
    const t = testApp()
    const admin = await staffAgent(t, 'admin', 'quantri')
    const judge = await newStaff(t, admin, 'giamkhao.lan', 'Trần Thị Lan', 'judge')
    const contest = await admin.post('/admin/contests', { title: 'Cuộc thi của tỉnh' })
    const units = await admin.post(`/admin/contests/${contest.body.contest.id}/units`, { units: [{ code: 'X', name: 'Xã Yên Hòa' }] })
    const unitId = units.body.units[0].id as string
    await t.exec("INSERT INTO staff_users (id, username, password_hash, role, name, created_at, disabled, unit_id) VALUES ('coord-1', 'dieuphoi', 'x', 'coordinator', 'Lê Văn Phối', 0, 0, ?)", unitId)
    const res = await admin.get('/admin/users')
    expect(res.status, res.text).toBe(200)
    const byName = Object.fromEntries((res.body.users as { username: string }[]).map((u) => [u.username, u]))
    expect(byName['giamkhao.lan']).toMatchObject({ id: judge.id, name: 'Trần Thị Lan', role: 'judge', disabled: false })
    expect(byName.dieuphoi).toMatchObject({ role: 'coordinator', disabled: false, unitId, unitName: 'Xã Yên Hòa' })
    expect(byName.quantri).toMatchObject({ role: 'admin', disabled: false })
    expect(res.body.users[0]).not.toHaveProperty('passwordHash')
    expect((await judge.agent.get('/admin/users')).status).toBe(403)
  })
})

describe('disabling and enabling a staff account', () => {
  it('a session left behind for a disabled account reads as none', async () => {
    const t = testApp()
    const admin = await staffAgent(t, 'admin')
    const judge = await newStaff(t, admin, 'giamkhao.con', 'Lý Thị Còn', 'judge')
    expect((await judge.agent.get('/me')).status).toBe(200)
    await t.exec('UPDATE staff_users SET disabled = 1 WHERE id = ?', judge.id) // no route leaves a session behind; this one does
    expect((await judge.agent.get('/me')).status).toBe(401)
    expect((await judge.agent.get('/admin/rounds/khong-co/standings')).status).toBe(401)
  })

  it('a disabled member\'s sessions end at once, sign-in is refused after the right password, and enabling lets them back', async () => {
    const t = testApp()
    const admin = await staffAgent(t, 'admin')
    const judge = await newStaff(t, admin, 'giamkhao.binh', 'Phạm Văn Bình', 'judge')
    const second = t.agent()
    expect((await second.post('/sessions', { identifier: 'giamkhao.binh', password: PASSWORD })).status).toBe(200)
    const off = await admin.post(`/admin/users/${judge.id}/disable`, {})
    expect(off.status, off.text).toBe(200)
    expect(off.body.user).toMatchObject({ id: judge.id, disabled: true })
    expect((await judge.agent.get('/me')).status).toBe(401)
    expect((await second.get('/me')).status).toBe(401)
    expect((await t.one<{ n: number }>("SELECT count(*) AS n FROM sessions WHERE user_id = ?", judge.id))!.n).toEqual(0)
    const refused = await signIn(t, 'giamkhao.binh')
    expect(refused.status).toBe(403)
    expect(refused.body.error.message).toContain('Tài khoản đã bị khóa')
    const wrong = await signIn(t, 'giamkhao.binh', 'sai-mat-khau-roi')
    expect(wrong.status).toBe(401)
    expect(wrong.body.error.message).not.toContain('khóa')
    expect(await lastAudit(t)).toMatchObject({ action: 'user.disable', entity_id: judge.id })
    expect(JSON.parse((await lastAudit(t))!.detail)).toMatchObject({ sessionsEnded: 2, name: 'Phạm Văn Bình' })
    expect((await admin.get('/admin/users')).body.users.find((u: { id: string }) => u.id === judge.id).disabled).toBe(true)

    const on = await admin.post(`/admin/users/${judge.id}/enable`, {})
    expect(on.status, on.text).toBe(200)
    expect(on.body.user.disabled).toBe(false)
    expect(await lastAudit(t)).toMatchObject({ action: 'user.enable', entity_id: judge.id })
    expect((await signIn(t, 'giamkhao.binh')).status).toBe(200)
  })

  it('disabling twice changes nothing the second time and appends no second row', async () => {
    const t = testApp()
    const admin = await staffAgent(t, 'admin')
    const judge = await newStaff(t, admin, 'giamkhao.cuc', 'Vũ Thị Cúc', 'judge')
    expect((await admin.post(`/admin/users/${judge.id}/disable`, {})).status).toBe(200)
    const count = (await t.sql('SELECT seq FROM audit_log')).length
    expect((await admin.post(`/admin/users/${judge.id}/disable`, {})).body.user.disabled).toBe(true)
    expect((await t.sql('SELECT seq FROM audit_log')).length).toBe(count)
  })

  it('an admin cannot disable themself, nor the last enabled admin; an unknown account is 404', async () => {
    const t = testApp()
    const admin = await staffAgent(t, 'admin')
    const me = (await admin.get('/me')).body.user.id as string
    const self = await admin.post(`/admin/users/${me}/disable`, {})
    expect(self.status).toBe(409)
    expect(self.body.error.message).toContain('chính mình')
    await expect(t.store.write(() => setStaffDisabled(SYSTEM_ACTOR, me, true, t.clock.now()))).rejects.toThrow('quản trị viên cuối cùng')
    expect((await admin.get('/me')).status).toBe(200)
    expect((await admin.post('/admin/users/khong-co/disable', {})).status).toBe(404)
    expect((await admin.post('/admin/users/khong-co/sessions/end', {})).status).toBe(404)
  })

  it('two admins disabling each other at the same moment: one wins, the other is refused, one admin stays enabled', async () => {
    const t = testApp()
    const root = await staffAgent(t, 'admin')
    const a = await newStaff(t, root, 'quantri.an', 'Đỗ Văn An', 'admin')
    const b = await newStaff(t, root, 'quantri.ba', 'Hồ Thị Ba', 'admin')
    const rootId = (await root.get('/me')).body.user.id as string
    expect((await a.agent.post(`/admin/users/${rootId}/disable`, {})).status).toBe(200)
    const [ab, ba] = await Promise.all([a.agent.post(`/admin/users/${b.id}/disable`, {}), b.agent.post(`/admin/users/${a.id}/disable`, {})])
    expect([ab.status, ba.status].sort()).toEqual([200, 409])
    const enabled = await t.sql("SELECT id FROM staff_users WHERE role = 'admin' AND disabled = 0")
    expect(enabled).toHaveLength(1)
  })
})

describe('ending a staff member\'s sessions', () => {
  it('signs them out everywhere, leaves the account usable, and is audited with the admin as actor', async () => {
    const t = testApp()
    const admin = await staffAgent(t, 'admin')
    const adminId = (await admin.get('/me')).body.user.id as string
    const org = await newStaff(t, admin, 'btc.dung', 'Ngô Văn Dũng', 'organizer')
    const res = await admin.post(`/admin/users/${org.id}/sessions/end`, {})
    expect(res.status, res.text).toBe(200)
    expect(res.body.ended).toBe(1)
    expect((await org.agent.get('/me')).status).toBe(401)
    expect(await lastAudit(t)).toMatchObject({ action: 'user.sessions_end', actor_id: adminId, entity_id: org.id })
    expect((await signIn(t, 'btc.dung')).status).toBe(200)
    expect((await admin.get('/me')).status).toBe(200)
  })

  it('the audit screen shows who did it and to whom by name', async () => {
    const t = testApp()
    const admin = await staffAgent(t, 'admin', 'quantri.em')
    const judge = await newStaff(t, admin, 'giamkhao.giang', 'Đinh Thị Giang', 'judge')
    expect((await admin.post(`/admin/users/${judge.id}/disable`, {})).status).toBe(200)
    const page = await admin.get('/admin/audit?action=user.disable')
    expect(page.status, page.text).toBe(200)
    expect(page.body.total).toBe(1)
    expect(page.body.entries[0]).toMatchObject({ action: 'user.disable', actorName: 'Cán bộ admin', actorRole: 'admin', entity: 'staff_user', entityId: judge.id, entityName: 'Đinh Thị Giang' })
  })
})

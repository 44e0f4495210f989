import { describe, expect, it } from 'vitest'
import { staffAgent, testApp, type Agent } from '../helpers/app'
import { registerPerson, setupContest } from '../helpers/contest'

const utf8 = (text: string) => new TextEncoder().encode(text)
const upload = (agent: Agent, path: string, text: string) => agent.request('POST', path, utf8(text), { 'content-type': 'application/octet-stream' })

describe('delete /admin/contests/:contestId/units/:unitId', () => {
  it('deletes an unused leaf, audited; refuses a unit with children, people or a coordinator with a Vietnamese reason', async () => {
    const t = testApp()
    const { org, contestId, unit } = await setupContest(t)
    const path = (code: string) => `/admin/contests/${contestId}/units/${unit[code]}`

    const parent = await org.delete(path('A'))
    expect(parent.status).toBe(409)
    expect(parent.body.error.message).toBe('Không thể xóa đơn vị "Đảng bộ Cơ sở An": còn 2 đơn vị trực thuộc; hãy xóa hoặc chuyển các đơn vị đó trước.')

    await registerPerson(t, unit.A1)
    const withPeople = await org.delete(path('A1'))
    expect(withPeople.status).toBe(409)
    expect(withPeople.body.error.message).toContain('còn 1 người dự thi thuộc đơn vị này')

    await t.exec(`INSERT INTO staff_users (id, username, password_hash, role, name, created_at, disabled, unit_id)
      VALUES ('coord-b', 'dieu-phoi-b', 'x', 'coordinator', 'Điều phối viên B', 0, 0, ?)`, unit.B)
    const withCoordinator = await org.delete(path('B'))
    expect(withCoordinator.status).toBe(409)
    expect(withCoordinator.body.error.message).toContain('còn 1 điều phối viên phụ trách đơn vị này')

    const leaf = await org.delete(path('A2'))
    expect(leaf.status, leaf.text).toBe(204)
    const left = await org.get(`/admin/contests/${contestId}/units`)
    expect(left.body.units.map((u: { code: string }) => u.code).sort()).toEqual(['A', 'A1', 'B', 'K'])
    const audit = await t.sql<{ action: string; detail: string }>(`SELECT action, detail FROM audit_log WHERE action = 'units.delete'`)
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0].detail).unit).toMatchObject({ code: 'A2', name: 'Chi bộ An Hai' })

    expect((await org.delete(path('A2'))).status).toBe(404)
    expect((await org.delete(`/admin/contests/khong-co/units/${unit.A1}`)).status).toBe(404)
  })

  it('lets a removed coordinator go with the unit: the account stays, without a unit, and the delete is audited', async () => {
    const t = testApp()
    const { org, contestId, unit } = await setupContest(t)
    const appointed = await org.post(`/admin/contests/${contestId}/coordinators`, { unitId: unit.B, username: 'dieuphoi-b', password: 'mat-khau-du-dai', name: 'Điều phối viên B' })
    expect(appointed.status, appointed.text).toBe(201)
    const path = `/admin/contests/${contestId}/units/${unit.B}`
    expect((await org.delete(path)).status).toBe(409)
    expect((await org.delete(`/admin/contests/${contestId}/coordinators/${appointed.body.user.id}`)).status).toBe(204)
    const gone = await org.delete(path)
    expect(gone.status, gone.text).toBe(204)
    expect(await t.one('SELECT unit_id AS "unitId", disabled FROM staff_users WHERE id = ?', appointed.body.user.id)).toEqual({ unitId: null, disabled: 1 })
    const audit = await t.one<{ detail: string }>(`SELECT detail FROM audit_log WHERE action = 'units.delete'`)
    expect(JSON.parse(audit!.detail)).toMatchObject({ unit: { code: 'B' }, detachedCoordinators: 1 })
  })

  it('is for organizers only', async () => {
    const t = testApp()
    const { contestId, unit } = await setupContest(t)
    const judge = await staffAgent(t, 'judge')
    expect((await judge.delete(`/admin/contests/${contestId}/units/${unit.A2}`)).status).toBe(403)
    expect((await t.agent().delete(`/admin/contests/${contestId}/units/${unit.A2}`)).status).toBe(401)
  })
})

describe('units import messages', () => {
  it('names every bad cell of a row once, with its place written once, and a bad headcount in each way it can be bad', async () => {
    const t = testApp()
    const org = await staffAgent(t, 'organizer')
    const contestId = (await org.post('/admin/contests', { title: 'Cuộc thi nhập đơn vị' })).body.contest.id
    const csv = [
      'Mã đơn vị,Tên đơn vị,Mã đơn vị cha,Số đảng viên',
      'K,Đảng bộ Khối,,',
      'A,,KHONG-CO,-3', // row 3: three bad cells
      'B,Chi bộ B,K,12.5', // row 4: not a whole number
      'C,Chi bộ C,K,mười hai', // row 5: text
      'D,Chi bộ D,A,4', // row 6: its parent is a bad row, not a missing one: fine on its own
    ].join('\n')
    const res = await upload(org, `/admin/contests/${contestId}/units/import?format=csv`, csv)
    expect(res.status).toBe(400)
    const messages: string[] = res.body.error.details.errors.map((e: { message: string }) => e.message)
    expect(messages).toEqual([
      'Hàng 3: thiếu tên đơn vị; số đảng viên "-3" không được là số âm; mã đơn vị cha "KHONG-CO" không có trong tệp và chưa có trong cuộc thi.',
      'Hàng 4: số đảng viên "12.5" phải là số nguyên (không có phần thập phân).',
      'Hàng 5: số đảng viên "mười hai" không phải là số.',
    ])
    expect(messages.every((m) => m.match(/Hàng \d+/g)!.length === 1)).toBe(true)
    expect((await t.one<{ n: number }>('SELECT count(*) AS "n" FROM units'))!.n).toBe(0)
  })
})

import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../api/formats/csv-parse'
import { GENESIS, hashEntry } from '../../api/services/audit'
import { staffAgent, testApp, type TestApp } from '../helpers/app'

// Three dated actions by two named people: the admin makes a judge on day one, the judge's organizer
// colleague makes a contest on day two, the admin disables the judge on day three.
async function history() {
  const t = testApp()
  t.clock.set('2026-03-01T16:30:00Z') // 23:30 on 01/03 in Hà Nội
  const admin = await staffAgent(t, 'admin', 'quantri.hoa')
  const adminId = (await admin.get('/me')).body.user.id as string
  await t.exec("UPDATE staff_users SET name = 'Lý Thị Hoa' WHERE id = ?", adminId)
  const judge = await admin.post('/admin/users', { username: 'giamkhao.khanh', password: 'mat-khau-du-dai', role: 'judge', name: 'Mai Văn Khánh' })
  const org = await admin.post('/admin/users', { username: 'btc.linh', password: 'mat-khau-du-dai', role: 'organizer', name: 'Tạ Thị Linh' })
  const orgAgent = t.agent()
  await orgAgent.post('/sessions', { identifier: 'btc.linh', password: 'mat-khau-du-dai' })
  t.clock.set('2026-03-02T03:00:00Z')
  const contest = await orgAgent.post('/admin/contests', { title: 'Tìm hiểu lịch sử Đảng bộ tỉnh' })
  t.clock.set('2026-03-03T01:15:07Z')
  expect((await admin.post(`/admin/users/${judge.body.user.id}/disable`, {})).status).toBe(200)
  return { t, admin, adminId, judgeId: judge.body.user.id as string, orgId: org.body.user.id as string, contestId: contest.body.contest.id as string }
}

const csvRows = (text: string) => parseCsv(text, ',').records.map((r) => r.cells)
const rows = (t: TestApp) => t.sql<{ seq: number }>('SELECT seq FROM audit_log ORDER BY seq')

describe('GET /admin/audit for the audit screen', () => {
  it('names who acted and what they acted on, newest first', async () => {
    const { admin, adminId, judgeId, orgId, contestId } = await history()
    const res = await admin.get('/admin/audit')
    expect(res.status, res.text).toBe(200)
    expect(res.body.entries.map((e: { action: string }) => e.action)).toEqual(['user.disable', 'contest.create', 'user.create', 'user.create', 'user.create'])
    expect(res.body.entries[0]).toMatchObject({ actorId: adminId, actorName: 'Lý Thị Hoa', actorRole: 'admin', entityId: judgeId, entityName: 'Mai Văn Khánh', at: '2026-03-03T01:15:07.000Z' })
    expect(res.body.entries[1]).toMatchObject({ actorId: orgId, actorName: 'Tạ Thị Linh', actorRole: 'organizer', entity: 'contest', entityId: contestId, entityName: 'Tìm hiểu lịch sử Đảng bộ tỉnh' })
    expect(res.body.entries.at(-1)).toMatchObject({ actorId: 'system', actorName: null })
  })

  it('filters by action, by person and by a time range, with the total for paging', async () => {
    const { t, admin, adminId, orgId } = await history()
    const byAction = await admin.get('/admin/audit?action=user.create&limit=2')
    expect(byAction.body.total).toBe(3)
    expect(byAction.body.entries).toHaveLength(2)
    const next = await admin.get('/admin/audit?action=user.create&limit=2&offset=2')
    expect(next.body.entries).toHaveLength(1)
    expect((await admin.get(`/admin/audit?actorId=${orgId}`)).body.entries.map((e: { action: string }) => e.action)).toEqual(['contest.create'])
    expect((await admin.get(`/admin/audit?actorId=${adminId}`)).body.total).toBe(3)
    // 02/03 in Hà Nội: from its midnight (inclusive) to the next midnight (exclusive).
    const day = await admin.get(`/admin/audit?from=${encodeURIComponent('2026-03-02T00:00:00+07:00')}&to=${encodeURIComponent('2026-03-03T00:00:00+07:00')}`)
    expect(day.status, day.text).toBe(200)
    expect(day.body.entries.map((e: { action: string }) => e.action)).toEqual(['contest.create'])
    const bare = await admin.get('/admin/audit?from=2026-03-02T00:00:00')
    expect(bare.status).toBe(400)
    expect(bare.body.error.message).toMatch(/^Từ ngày/)
    expect((await rows(t)).length).toBe(5)
  })
})

describe('GET /admin/audit.csv', () => {
  it('has Vietnamese headers, names beside ids, Vietnamese words and Hà Nội times', async () => {
    const { t, admin, judgeId } = await history()
    const res = await t.app.request('/admin/audit.csv', { headers: { cookie: admin.cookie } })
    const text = (await res.text()).replace(/^\uFEFF/, '')
    const [header, ...lines] = csvRows(text)
    expect(header.slice(0, 10)).toEqual(['STT', 'Thời gian (giờ Hà Nội)', 'Người thực hiện', 'Mã người thực hiện', 'Vai trò', 'Hành động', 'Đối tượng', 'Tên đối tượng', 'Mã đối tượng', 'Chi tiết'])
    expect(lines).toHaveLength(5)
    const col = (name: string) => header.indexOf(name)
    expect(lines[0][col('Thời gian (giờ Hà Nội)')]).toBe('01/03/2026 23:30:00')
    expect(lines[0][col('Người thực hiện')]).toBe('Hệ thống')
    const disable = lines[4]
    expect(disable[col('Thời gian (giờ Hà Nội)')]).toBe('03/03/2026 08:15:07')
    expect(disable.slice(col('Người thực hiện'), col('Mã đối tượng') + 1)).toEqual(['Lý Thị Hoa', expect.any(String), 'Quản trị viên', 'Khóa tài khoản', 'Tài khoản cán bộ', 'Mai Văn Khánh', judgeId])
    expect(lines[3][col('Hành động')]).toBe('Tạo cuộc thi')
    expect(lines[3][col('Vai trò')]).toBe('Ban Tổ chức')
  })

  it('keeps what the chain hashed, so the file alone re-verifies it', async () => {
    const { t, admin } = await history()
    const text = (await (await t.app.request('/admin/audit.csv', { headers: { cookie: admin.cookie } })).text()).replace(/^\uFEFF/, '')
    const [header, ...lines] = csvRows(text)
    const col = (name: string) => header.indexOf(name)
    let prev = GENESIS
    for (const l of lines) {
      expect(l[col('Mã băm trước')]).toBe(prev)
      const hash = hashEntry(prev, { at: Number(l[col('Thời điểm (mili giây UTC)')]), actorId: l[col('Mã người thực hiện')], actorRole: l[col('Mã vai trò')],
        action: l[col('Mã hành động')], entity: l[col('Mã loại đối tượng')], entityId: l[col('Mã đối tượng')], detail: l[col('Chi tiết')] })
      expect(l[col('Mã băm')]).toBe(hash)
      prev = hash
    }
    expect((await admin.get('/admin/audit/verify')).body.verification).toMatchObject({ ok: true, head: prev })
  })
})

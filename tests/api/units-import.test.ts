import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Unit } from '../../api/schemas/wire'
import { staffAgent, testApp, type Agent, type TestApp } from '../helpers/app'

const utf8 = (text: string) => new TextEncoder().encode(text)
const upload = (agent: Agent, path: string, body: Uint8Array) => agent.request('POST', path, body, { 'content-type': 'application/octet-stream' })
const unitCount = async (t: TestApp) => (await t.one<{ n: number }>('SELECT count(*) AS "n" FROM units'))!.n

async function contest() {
  const t = testApp()
  const org = await staffAgent(t, 'organizer')
  const res = await org.post('/admin/contests', { title: 'Cuộc thi thử nghiệm đơn vị' })
  const contestId: string = res.body.contest.id
  return { t, org, contestId, path: (format: string) => `/admin/contests/${contestId}/units/import?format=${format}` }
}

// Code → [name, parent code, headcount], to compare trees without generated ids.
function tree(units: Unit[]) {
  const codeOf = new Map(units.map((u) => [u.id, u.code]))
  return Object.fromEntries(units.map((u) => [u.code, [u.name, u.parentId ? codeOf.get(u.parentId) : null, u.headcount]]))
}

// Invented units; the children come before their parent, and headcounts use a thousands mark.
const CSV = '\ufeffMã,Tên đơn vị,Mã cấp trên,Số đảng viên\r\nCB1,"Chi bộ Một, Phòng Tổng hợp",CS1,25\r\nCS1,Đảng bộ cơ sở Thử nghiệm,DBK,1.250\r\nDBK,Đảng bộ Khối Thử nghiệm,,\r\n'

describe('post /admin/contests/:id/units/import', () => {
  it('format=csv with Vietnamese headers upserts the tree and returns { units }', async () => {
    const { t, org, path } = await contest()
    const res = await upload(org, path('csv'), utf8(CSV))
    expect(res.status, res.text).toBe(200)
    expect(tree(res.body.units)).toEqual({
      DBK: ['Đảng bộ Khối Thử nghiệm', null, null],
      CS1: ['Đảng bộ cơ sở Thử nghiệm', 'DBK', 1250],
      CB1: ['Chi bộ Một, Phòng Tổng hợp', 'CS1', 25],
    })
    expect(await unitCount(t)).toBe(3)
  })

  it('format=xlsx with English headers and a title row above them imports, and a second import updates by code', async () => {
    const { t, org, path } = await contest()
    const sheet = async (rows: (string | number)[][]) => {
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet('Đơn vị')
      ws.addRow(['DANH SÁCH ĐƠN VỊ'])
      ws.addRow(['code', 'name', 'parent code', 'headcount'])
      for (const r of rows) ws.addRow(r)
      return new Uint8Array(await wb.xlsx.writeBuffer())
    }
    const first = await upload(org, path('xlsx'), await sheet([['K', 'Đảng bộ Khối', '', ''], ['A', 'Chi bộ Ánh Dương', 'K', 12]]))
    expect(first.status, first.text).toBe(200)
    expect(first.body.warnings.map((w: { row: number }) => w.row)).toEqual([1])
    const second = await upload(org, path('xlsx'), await sheet([['A', 'Chi bộ Ánh Dương (đổi tên)', 'K', 14]]))
    expect(second.status, second.text).toBe(200)
    expect(tree(second.body.units)).toEqual({ K: ['Đảng bộ Khối', null, null], A: ['Chi bộ Ánh Dương (đổi tên)', 'K', 14] })
    expect(await unitCount(t)).toBe(2)
  })

  it('every bad row is reported with its row number and nothing is stored', async () => {
    const { t, org, path } = await contest()
    const bad = [
      'mã đơn vị,tên,mã đơn vị cha,số lượng',
      'K,Đảng bộ Khối,,',
      'A,,K,10', // row 3: no name
      'B,Chi bộ B,K,mười', // row 4: headcount not a number
      'K,Đảng bộ Khối lặp,,', // row 5: code repeated
      'C,Chi bộ C,KHONG-CO,3', // row 6: parent neither in the file nor in the contest
      'D,Chi bộ D,D,', // row 7: its own parent
    ].join('\n')
    const res = await upload(org, path('csv'), utf8(bad))
    expect(res.status, res.text).toBe(400)
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
    const errors: { row: number; message: string }[] = res.body.error.details.errors
    expect(errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7])
    expect(errors[0].message).toBe('Hàng 3: thiếu tên đơn vị.')
    expect(errors[2].message).toContain('đã có ở hàng 2')
    expect(errors[3].message).toContain('KHONG-CO')
    expect(await unitCount(t)).toBe(0)
  })

  it('a parent code already in the contest is accepted', async () => {
    const { org, path } = await contest()
    await upload(org, path('csv'), utf8('Mã,Tên\nK,Đảng bộ Khối\n'))
    const res = await upload(org, path('csv'), utf8('Mã,Tên,Mã cấp trên\nA,Chi bộ A,K\n'))
    expect(res.status, res.text).toBe(200)
    expect(tree(res.body.units).A).toEqual(['Chi bộ A', 'K', null])
  })

  it('refuses an empty body, a file that is not UTF-8, a missing name column, a bad format and an unknown contest', async () => {
    const { org, path } = await contest()
    expect((await upload(org, path('csv'), new Uint8Array())).status).toBe(400)
    const latin1 = await upload(org, path('csv'), new Uint8Array([0x4d, 0xe3, 0x0a, 0x4b]))
    expect(latin1.status).toBe(400)
    expect(latin1.body.error.details.errors[0].message).toContain('UTF-8')
    const noName = await upload(org, path('csv'), utf8('Mã,Số đảng viên\nK,3\n'))
    expect(noName.body.error.details.errors[0].message).toContain('thiếu cột bắt buộc: Tên đơn vị')
    expect((await upload(org, path('pdf'), utf8(CSV))).status).toBe(400)
    expect((await upload(org, path('xlsx'), utf8(CSV))).status).toBe(400)
    expect((await upload(org, '/admin/contests/khong-co/units/import?format=csv', utf8(CSV))).status).toBe(404)
  })
})

describe('get /admin/units/template.csv and .xlsx', () => {
  it.each(['csv', 'xlsx'])('the %s template downloads and imports as it is', async (format) => {
    const { t, org, path } = await contest()
    const res = await t.app.request(`/admin/units/template.${format}`, { headers: { cookie: org.cookie } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain(`mau-nhap-don-vi.${format}`)
    const imported = await upload(org, path(format), new Uint8Array(await res.arrayBuffer()))
    expect(imported.status, imported.text).toBe(200)
    expect(tree(imported.body.units)).toMatchObject({ DBK: ['Đảng bộ Khối Mẫu', null, null], CS01: ['Đảng bộ cơ sở Mẫu Một', 'DBK', 120] })
  })
})

import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIELD_LABELS } from '../../api/lib/field-labels'
import { staffAgent, testApp } from '../helpers/app'
import { setupContest } from '../helpers/contest'

// A refusal names the field as a person would: no "body.password", no camelCase key, no zod English.
const LEAKS = /\b(body|query|params)\b|\w\.\w|[a-z][A-Z]|Invalid|expected/

describe('validation messages name fields as people do', () => {
  it('a short staff password is refused with a Vietnamese sentence about the password, its path only in details', async () => {
    const t = testApp()
    const admin = await staffAgent(t, 'admin')
    const res = await admin.post('/admin/users', { username: 'nguoimoi', password: 'ngan', role: 'judge', name: 'Người Mới' })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
    expect(res.body.error.message).toBe('Mật khẩu nhân viên tối thiểu 10 ký tự.')
    expect(res.body.error.details.issues).toEqual([{ path: 'password', message: 'Mật khẩu nhân viên tối thiểu 10 ký tự.' }])
  })

  it('a missing field, a wrong type, a bad item of a list and a bad query each get a sentence with the field\'s name', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const anon = t.agent()
    const reg = await anon.post('/participants', { dateOfBirth: '1990-01-01', phone: '0900111222', unitId: s.unit.B, password: 'matkhau123', consent: true })
    expect(reg.body.error.message).toBe('Họ và tên còn thiếu.')
    const round = await s.org.patch(`/admin/rounds/${s.roundId}`, { questionCount: 'nhiều' })
    expect(round.body.error.message).toBe('Số câu hỏi phải là số.')
    const units = await s.org.post(`/admin/contests/${s.contestId}/units`, { units: [{ code: 'C', name: 'Đơn vị C' }, { code: 'D', name: 'Đơn vị D', headcount: -1 }] })
    expect(units.body.error.message).toBe('Số thành viên của danh sách đơn vị thứ 2 phải từ 0 trở lên.')
    const admin = await staffAgent(t, 'admin')
    const page = await admin.get('/admin/audit?limit=nhieu')
    expect(page.status).toBe(400)
    expect(page.body.error.message).toBe('Số dòng mỗi trang phải là số.')
    const notObject = await admin.post('/admin/users', [1])
    expect(notObject.body.error.message).toBe('Nội dung gửi lên phải là một nhóm thông tin.')
    for (const res of [reg, round, units, page, notObject]) expect(res.body.error.message).not.toMatch(LEAKS)
  })

  it('every field of every request schema has a Vietnamese label', async () => {
    const dir = join(__dirname, '../../api/schemas')
    const keys = new Set<string>()
    // wire.ts holds what the server answers, never what a person fills in.
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'wire.ts')) {
      const mod = (await import(join(dir, file))) as Record<string, unknown>
      for (const value of Object.values(mod)) collectKeys(value, keys, new Set())
    }
    expect(keys.size).toBeGreaterThan(30)
    expect([...keys].filter((k) => !FIELD_LABELS[k]).sort()).toEqual([])
  })
})

type Def = { type?: string; shape?: Record<string, unknown>; innerType?: unknown; element?: unknown; in?: unknown; out?: unknown; options?: unknown[]; schema?: unknown }

// Walks a zod schema's definition for the keys of every object inside it.
function collectKeys(schema: unknown, keys: Set<string>, seen: Set<unknown>) {
  const def = (schema as { _zod?: { def?: Def } } | null)?._zod?.def
  if (!def || seen.has(schema)) return
  seen.add(schema)
  if (def.type === 'object' && def.shape) {
    for (const [k, v] of Object.entries(def.shape)) {
      keys.add(k)
      collectKeys(v, keys, seen)
    }
  }
  for (const inner of [def.innerType, def.element, def.in, def.out, def.schema, ...(def.options ?? [])]) collectKeys(inner, keys, seen)
}

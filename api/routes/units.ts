import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { AppError } from '../errors'
import { parseUnitsOffThread } from '../formats/off-thread'
import { FILE_TYPES, readBodyBytes, send, sendFile } from '../lib/http'
import { describe } from '../lib/openapi'
import { body, params, query } from '../lib/validate'
import { currentUser, organizer, staff } from '../middleware/session'
import { UnitsInput } from '../schemas/admin'
import { Unit, UnitsImportReport } from '../schemas/wire'
import { readUnits, saveUnits } from '../services/contests'
import { deleteUnit } from '../services/unit-delete'
import { importUnitRows } from '../services/units-import'
import { ContestParam, UnitParam } from '../schemas/params'

// The format code (exceljs) loads on first use, keeping it off the start-up path.
const unitFormats = async () => ({ ...(await import('../formats/units-import')), ...(await import('../formats/units-template')) })

const ContestUnitParam = ContestParam.extend(UnitParam.shape)
const Format = z.object({ format: z.enum(['csv', 'xlsx']) })
const Units = z.object({ units: z.array(Unit) })

async function template(c: Context<AppEnv>, format: 'csv' | 'xlsx') {
  return sendFile(c, await (await unitFormats()).unitsTemplate(format), FILE_TYPES[format], `mau-nhap-don-vi.${format}`)
}

// A contest's units (the tree participants choose from), as the console edits them.
export const unitsRoutes = new Hono<AppEnv>()
  .get('/admin/contests/:contestId/units',
    describe({ summary: 'Danh sách đơn vị của cuộc thi', tag: 'units', answer: { json: Units } }, staff),
    params(ContestParam),
    async (c) => send(c, { units: await c.get('store').read(readUnits(c.req.valid('param').contestId)) }))
  .post('/admin/contests/:contestId/units',
    describe({ summary: 'Thêm hoặc cập nhật đơn vị theo mã', tag: 'units', answer: { json: Units } }, organizer),
    params(ContestParam), body(UnitsInput),
    async (c) => {
      const { contestId } = c.req.valid('param')
      const input = c.req.valid('json')
      const at = c.get('clock').now()
      const me = currentUser(c)
      return send(c, { units: await c.get('store').write(() => saveUnits(me, contestId, input, at)) })
    })
  // The body is the file; every bad row is reported and nothing is stored unless all rows are good.
  .post('/admin/contests/:contestId/units/import',
    describe({
      summary: 'Nhập danh sách đơn vị từ tệp CSV hoặc Excel',
      tag: 'units',
      description: 'Nội dung gửi lên là chính tệp (CSV UTF-8 hoặc .xlsx, theo tham số format), không bọc JSON; tệp mẫu ở /admin/units/template.csv và .xlsx. Có dòng lỗi thì không lưu dòng nào.',
      answer: { json: UnitsImportReport },
    }, organizer),
    params(ContestParam), query(Format),
    async (c) => {
      const { contestId } = c.req.valid('param')
      const { format } = c.req.valid('query')
      const bytes = await readBodyBytes(c, c.get('env').IMPORT_LIMIT_BYTES)
      if (bytes.byteLength === 0) throw new AppError('VALIDATION_FAILED', 'Tệp nhập rỗng.')
      const parsed = await parseUnitsOffThread(format, bytes)
      const now = c.get('clock').now()
      const me = currentUser(c)
      return send(c, await c.get('store').write(() => importUnitRows(me, contestId, parsed, now)))
    })
  // Only an unused unit: 409 with the reason otherwise (services/unit-delete.ts).
  .delete('/admin/contests/:contestId/units/:unitId',
    describe({ summary: 'Xoá đơn vị chưa được dùng', tag: 'units', answer: { empty: true } }, organizer),
    params(ContestUnitParam),
    async (c) => {
      const { contestId, unitId } = c.req.valid('param')
      const now = c.get('clock').now()
      const me = currentUser(c)
      await c.get('store').write(() => deleteUnit(me, contestId, unitId, now))
      return c.body(null, 204)
    })
  .get('/admin/units/template.csv',
    describe({ summary: 'Tệp mẫu nhập đơn vị (CSV)', tag: 'units', answer: { file: 'csv' } }, organizer),
    (c) => template(c, 'csv'))
  .get('/admin/units/template.xlsx',
    describe({ summary: 'Tệp mẫu nhập đơn vị (Excel)', tag: 'units', answer: { file: 'xlsx' } }, organizer),
    (c) => template(c, 'xlsx'))

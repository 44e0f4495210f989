import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { AppError } from '../errors'
import { FILE_TYPES, readBodyBytes, readParams, readQuery, send, sendFile } from '../lib/http'
import { currentUser, requireRole } from '../middleware/session'
import { importUnitRows } from '../services/units-import'
import { deleteUnit } from '../services/unit-delete'
import { parseUnitsOffThread } from '../formats/off-thread'

// The format code (exceljs) loads on first use, keeping it off the start-up path.
const unitFormats = async () => ({ ...(await import('../formats/units-import')), ...(await import('../formats/units-template')) })

const ContestParam = z.object({ contestId: z.string().min(1).max(100) })
const UnitParam = ContestParam.extend({ unitId: z.string().min(1).max(100) })
const Format = z.object({ format: z.enum(['csv', 'xlsx']) })
async function template(c: Context<AppEnv>, format: 'csv' | 'xlsx') {
  return sendFile(c, await (await unitFormats()).unitsTemplate(format), FILE_TYPES[format], `mau-nhap-don-vi.${format}`)
}

export const adminUnitRoutes = new Hono<AppEnv>()
  // The body is the file; every bad row is reported and nothing is stored unless all rows are good.
  .post('/contests/:contestId/units/import', requireRole('organizer'), async (c) => {
    const { contestId } = readParams(c, ContestParam)
    const { format } = readQuery(c, Format)
    const body = await readBodyBytes(c, c.get('env').IMPORT_LIMIT_BYTES)
    if (body.byteLength === 0) throw new AppError('VALIDATION_FAILED', 'Tệp nhập rỗng.')
    const parsed = await parseUnitsOffThread(format, body)
    const now = c.get('clock').now()
    const me = currentUser(c)
    return send(c, await c.get('store').write(() => importUnitRows(me, contestId, parsed, now)))
  })
  // Only an unused unit: 409 with the reason otherwise (services/unit-delete.ts).
  .delete('/contests/:contestId/units/:unitId', requireRole('organizer'), async (c) => {
    const { contestId, unitId } = readParams(c, UnitParam)
    const now = c.get('clock').now()
    const me = currentUser(c)
    await c.get('store').write(() => deleteUnit(me, contestId, unitId, now))
    return c.body(null, 204)
  })
  .get('/units/template.csv', requireRole('organizer'), (c) => template(c, 'csv'))
  .get('/units/template.xlsx', requireRole('organizer'), (c) => template(c, 'xlsx'))

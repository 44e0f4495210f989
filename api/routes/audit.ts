import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { FILE_TYPES, send, sendFile } from '../lib/http'
import { describe } from '../lib/openapi'
import { query } from '../lib/validate'
import { admin } from '../middleware/session'
import { IsoTime } from '../schemas/common'
import { AuditPage, AuditVerification } from '../schemas/wire'
import { verifyChain } from '../services/audit'
import { auditCsvStream } from '../services/audit-csv'
import { readAuditPage } from '../services/audit-view'

const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  action: z.string().trim().max(100).optional().transform((s) => s || undefined),
  actorId: z.string().trim().max(100).optional().transform((s) => s || undefined),
  from: IsoTime.optional(),
  to: IsoTime.optional(),
})

export const auditRoutes = new Hono<AppEnv>()
  .get('/admin/audit',
    describe({ summary: 'Nhật ký kiểm toán, lọc và phân trang', tag: 'audit', answer: { json: AuditPage } }, admin),
    query(AuditQuery),
    async (c) => {
      const { limit, offset, ...filter } = c.req.valid('query')
      return send(c, await c.get('store').read(readAuditPage(limit, offset, filter)))
    })
  .get('/admin/audit/verify',
    describe({ summary: 'Kiểm tra chuỗi băm của nhật ký kiểm toán', tag: 'audit', answer: { json: z.object({ verification: AuditVerification }) } }, admin),
    async (c) => send(c, { verification: await c.get('store').read(verifyChain()) }))
  .get('/admin/audit.csv',
    describe({ summary: 'Tải toàn bộ nhật ký kiểm toán (CSV)', tag: 'audit', answer: { file: 'csv' } }, admin),
    (c) => sendFile(c, auditCsvStream(c.get('store')), FILE_TYPES.csv, 'nhat-ky-kiem-toan.csv'))

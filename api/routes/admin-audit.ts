import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { FILE_TYPES, readQuery, send, sendFile } from '../lib/http'
import { requireRole } from '../middleware/session'
import { IsoTime } from '../schemas/common'
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

export const adminAuditRoutes = new Hono<AppEnv>()
  .get('/audit', requireRole('admin'), async (c) => {
    const { limit, offset, ...filter } = readQuery(c, AuditQuery)
    return send(c, await c.get('store').read(readAuditPage(limit, offset, filter)))
  })
  .get('/audit/verify', requireRole('admin'), async (c) => send(c, { verification: await c.get('store').read(verifyChain()) }))
  .get('/audit.csv', requireRole('admin'), (c) => {
    return sendFile(c, auditCsvStream(c.get('store')), FILE_TYPES.csv, 'nhat-ky-kiem-toan.csv')
  })

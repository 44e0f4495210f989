import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { FILE_TYPES, readQuery, send, sendFile } from '../lib/http'
import { requireRole } from '../middleware/session'
import { auditCsvStream, readAuditPage, verifyChain } from '../services/audit'

const Page = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100), offset: z.coerce.number().int().min(0).default(0) })

export const adminAuditRoutes = new Hono<AppEnv>()
  .get('/audit', requireRole('admin'), async (c) => {
    const { limit, offset } = readQuery(c, Page)
    return send(c, await c.get('store').read(readAuditPage(limit, offset)))
  })
  .get('/audit/verify', requireRole('admin'), async (c) => send(c, { verification: await c.get('store').read(verifyChain()) }))
  .get('/audit.csv', requireRole('admin'), (c) => {
    return sendFile(c, auditCsvStream(c.get('store')), FILE_TYPES.csv, 'nhat-ky-kiem-toan.csv')
  })

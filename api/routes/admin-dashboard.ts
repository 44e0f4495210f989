import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { readParams, send } from '../lib/http'
import { requireRole } from '../middleware/session'
import { contestDashboard } from '../services/dashboard'

const ContestParam = z.object({ contestId: z.string().min(1).max(100) })

export const adminDashboardRoutes = new Hono<AppEnv>()
  .get('/contests/:contestId/dashboard', requireRole('organizer', 'judge'), async (c) => {
    const { contestId } = readParams(c, ContestParam)
    return send(c, await c.get('store').read(contestDashboard(contestId, c.get('clock').now())))
  })

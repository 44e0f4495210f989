import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { readJson, readParams, send } from '../lib/http'
import { currentUser, requireRole } from '../middleware/session'
import { AppointCoordinatorInput } from '../schemas/coordinators'
import { appointCoordinator, listCoordinators, removeCoordinator } from '../services/coordinators'

const ContestParam = z.object({ contestId: z.string().min(1).max(100) })
const CoordinatorParam = ContestParam.extend({ userId: z.string().min(1).max(100) })

// Organizers appoint a contest's unit coordinators, list them, and remove them (the account is disabled).
export const adminCoordinatorRoutes = new Hono<AppEnv>()
  .get('/contests/:contestId/coordinators', requireRole('organizer'), async (c) => {
    const { contestId } = readParams(c, ContestParam)
    return send(c, { coordinators: await c.get('store').read(listCoordinators(contestId)) })
  })
  .post('/contests/:contestId/coordinators', requireRole('organizer'), async (c) => {
    const { contestId } = readParams(c, ContestParam)
    const input = await readJson(c, AppointCoordinatorInput)
    const user = await appointCoordinator(c.get('store'), currentUser(c), contestId, input, c.get('clock').now())
    return send(c, { user }, 201)
  })
  .delete('/contests/:contestId/coordinators/:userId', requireRole('organizer'), async (c) => {
    const { contestId, userId } = readParams(c, CoordinatorParam)
    const me = currentUser(c)
    const now = c.get('clock').now()
    await c.get('store').write(() => removeCoordinator(me, contestId, userId, now))
    return c.body(null, 204)
  })

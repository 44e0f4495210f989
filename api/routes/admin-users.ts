import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { readJson, readParams, send } from '../lib/http'
import { currentUser, requireRole } from '../middleware/session'
import { CreateUserInput } from '../schemas/admin'
import { resetParticipantPassword } from '../services/participants'
import { createStaffAccount, resetStaffPassword } from '../services/staff'

export const adminUserRoutes = new Hono<AppEnv>()
  .post('/users', requireRole('admin'), async (c) => {
    const input = await readJson(c, CreateUserInput)
    const user = await createStaffAccount(c.get('store'), currentUser(c), input, c.get('clock').now())
    return send(c, { user }, 201)
  })
  // Not in API.md: a staff member's new password, shown once; their sessions end.
  .post('/users/:userId/password', requireRole('admin'), async (c) => {
    const { userId } = readParams(c, z.object({ userId: z.string().min(1).max(100) }))
    await readJson(c, z.object({}))
    return send(c, { password: await resetStaffPassword(c.get('store'), currentUser(c), userId, c.get('clock').now()) })
  })
  .post('/participants/:participantId/password', requireRole('organizer'), async (c) => {
    const { participantId } = readParams(c, z.object({ participantId: z.string().min(1).max(100) }))
    await readJson(c, z.object({}))
    return send(c, { password: await resetParticipantPassword(c.get('store'), currentUser(c), participantId, c.get('clock').now()) })
  })

import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { readJson, readParams, send } from '../lib/http'
import { currentUser, requireRole } from '../middleware/session'
import { CreateUserInput } from '../schemas/admin'
import { resetParticipantPassword } from '../services/participants'
import { createStaffAccount, resetStaffPassword } from '../services/staff'
import { endStaffSessions, listStaff, setStaffDisabled } from '../services/staff-lifecycle'

const UserParam = z.object({ userId: z.string().min(1).max(100) })

export const adminUserRoutes = new Hono<AppEnv>()
  // Not in API.md (issue 15): the staff list, disabling and enabling, ending someone's sessions.
  .get('/users', requireRole('admin'), async (c) => send(c, { users: await c.get('store').read(listStaff()) }))
  .post('/users/:userId/disable', requireRole('admin'), async (c) => {
    const { userId } = readParams(c, UserParam)
    await readJson(c, z.object({}))
    return send(c, { user: await c.get('store').write(() => setStaffDisabled(currentUser(c), userId, true, c.get('clock').now())) })
  })
  .post('/users/:userId/enable', requireRole('admin'), async (c) => {
    const { userId } = readParams(c, UserParam)
    await readJson(c, z.object({}))
    return send(c, { user: await c.get('store').write(() => setStaffDisabled(currentUser(c), userId, false, c.get('clock').now())) })
  })
  .post('/users/:userId/sessions/end', requireRole('admin'), async (c) => {
    const { userId } = readParams(c, UserParam)
    await readJson(c, z.object({}))
    return send(c, { ended: await c.get('store').write(() => endStaffSessions(currentUser(c), userId, c.get('clock').now())) })
  })
  .post('/users', requireRole('admin'), async (c) => {
    const input = await readJson(c, CreateUserInput)
    const user = await createStaffAccount(c.get('store'), currentUser(c), input, c.get('clock').now())
    return send(c, { user }, 201)
  })
  // Not in API.md: a staff member's new password, shown once; their sessions end.
  .post('/users/:userId/password', requireRole('admin'), async (c) => {
    const { userId } = readParams(c, UserParam)
    await readJson(c, z.object({}))
    return send(c, { password: await resetStaffPassword(c.get('store'), currentUser(c), userId, c.get('clock').now()) })
  })
  .post('/participants/:participantId/password', requireRole('organizer'), async (c) => {
    const { participantId } = readParams(c, z.object({ participantId: z.string().min(1).max(100) }))
    await readJson(c, z.object({}))
    return send(c, { password: await resetParticipantPassword(c.get('store'), currentUser(c), participantId, c.get('clock').now()) })
  })

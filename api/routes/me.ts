import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { AppError } from '../errors'
import { readJson, readParams, readQuery, send } from '../lib/http'
import { currentUser, requireParticipant } from '../middleware/session'
import { ChangePasswordInput, SetUnitInput } from '../schemas/participants'
import { listMyAttempts } from '../services/attempts'
import { getContestRow } from '../services/contests'
import { changePassword, defaultUnitId, participantUnitId, setContestUnit } from '../services/participants'
import { changeStaffPassword } from '../services/staff'

const MyAttemptsQuery = z.object({ roundId: z.string().min(1).max(100).optional() })

export const meRoutes = new Hono<AppEnv>()
  .get('/me', (c) => {
    const user = c.get('user')
    if (!user) throw new AppError('UNAUTHENTICATED', 'Bạn chưa đăng nhập.')
    const unitId = user.kind === 'participant' ? defaultUnitId(c.get('db'), user.id) : null
    return send(c, { user: { id: user.id, role: user.role, name: user.name, ...(unitId ? { unitId } : {}) } })
  })
  // Participants and staff alike; every other session of the person ends.
  .put('/me/password', async (c) => {
    const user = currentUser(c)
    const input = await readJson(c, ChangePasswordInput)
    if (user.kind === 'staff') await changeStaffPassword(c.get('db'), user.id, input.currentPassword, input.newPassword, c.get('sessionId'), c.get('clock').now())
    else await changePassword(c.get('db'), user.id, input.currentPassword, input.newPassword, c.get('sessionId'))
    return c.body(null, 204)
  })
  .get('/me/attempts', requireParticipant, (c) => {
    const { roundId } = readQuery(c, MyAttemptsQuery)
    return send(c, { attempts: listMyAttempts(c.get('db'), currentUser(c).id, roundId) })
  })
  .get('/me/contests/:contestId/unit', requireParticipant, (c) => {
    const { contestId } = readParams(c, z.object({ contestId: z.string().min(1).max(100) }))
    getContestRow(c.get('db'), contestId)
    return send(c, { contestId, unitId: participantUnitId(c.get('db'), currentUser(c).id, contestId) })
  })
  .put('/me/contests/:contestId/unit', requireParticipant, async (c) => {
    const { contestId } = readParams(c, z.object({ contestId: z.string().min(1).max(100) }))
    const { unitId } = await readJson(c, SetUnitInput)
    getContestRow(c.get('db'), contestId)
    return send(c, setContestUnit(c.get('db'), currentUser(c).id, contestId, unitId, c.get('clock').now()))
  })

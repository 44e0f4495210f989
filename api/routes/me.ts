import { Hono } from 'hono'
import { z } from 'zod'
import type { Db } from '../../db/client'
import type { AppEnv } from '../app-env'
import type { SessionUser } from '../services/auth'
import { AppError } from '../errors'
import { readJson, readParams, readQuery, send } from '../lib/http'
import { currentUser, requireParticipant } from '../middleware/session'
import { ChangePasswordInput, SetUnitInput } from '../schemas/participants'
import { listMyAttempts } from '../services/attempts'
import { getContestRow } from '../services/contests'
import { changePassword, defaultUnitId, participantUnitId, setContestUnit } from '../services/participants'
import { changeStaffPassword } from '../services/staff'

function whoAmI(db: Db, user: SessionUser) {
  const unitId = user.kind === 'participant' ? defaultUnitId(db, user.id) : null
  return { id: user.id, role: user.role, name: user.name, ...(unitId ? { unitId } : {}) }
}

const MyAttemptsQuery = z.object({ roundId: z.string().min(1).max(100).optional() })

export const meRoutes = new Hono<AppEnv>()
  .get('/me', (c) => {
    const user = c.get('user')
    if (!user) throw new AppError('UNAUTHENTICATED', 'Bạn chưa đăng nhập.')
    return send(c, { user: whoAmI(c.get('db'), user) })
  })
  // Not in API.md: the same answered 200 to everyone ({ user: null } when signed out), so a page that
  // only wants to know logs no 401 in the browser's console.
  .get('/sessions/current', (c) => {
    const user = c.get('user')
    return send(c, { user: user ? whoAmI(c.get('db'), user) : null })
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

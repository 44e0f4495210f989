import { Hono } from 'hono'
import { z } from 'zod'
import type { Store } from '../../db/store'
import type { AppEnv } from '../app-env'
import type { SessionUser } from '../services/auth'
import { AppError } from '../errors'
import { readJson, readParams, readQuery, send } from '../lib/http'
import { currentUser, requireParticipant } from '../middleware/session'
import { ChangePasswordInput, SetUnitInput } from '../schemas/participants'
import { myAttempts } from '../services/attempts'
import { contestRow } from '../services/contests'
import { changePassword, chooseContestUnit, findContestUnit, firstUnit } from '../services/participants'
import { changeStaffPassword } from '../services/staff'

async function whoAmI(store: Store, user: SessionUser) {
  // A participant's first contest's unit; a coordinator's own unit (the root of what they see).
  const unitId = user.kind === 'participant' ? await store.read(firstUnit(user.id)) : (user.unitId ?? null)
  return { id: user.id, role: user.role, name: user.name, ...(unitId ? { unitId } : {}) }
}

const MyAttemptsQuery = z.object({ roundId: z.string().min(1).max(100).optional() })

export const meRoutes = new Hono<AppEnv>()
  .get('/me', async (c) => {
    const user = c.get('user')
    if (!user) throw new AppError('UNAUTHENTICATED', 'Bạn chưa đăng nhập.')
    return send(c, { user: await whoAmI(c.get('store'), user) })
  })
  // Not in API.md: the same answered 200 to everyone ({ user: null } when signed out), so a page that
  // only wants to know logs no 401 in the browser's console.
  .get('/sessions/current', async (c) => {
    const user = c.get('user')
    return send(c, { user: user ? await whoAmI(c.get('store'), user) : null })
  })
  // Participants and staff alike; every other session of the person ends.
  .put('/me/password', async (c) => {
    const user = currentUser(c)
    const input = await readJson(c, ChangePasswordInput)
    if (user.kind === 'staff') await changeStaffPassword(c.get('store'), user.id, input.currentPassword, input.newPassword, c.get('sessionId'), c.get('clock').now())
    else await changePassword(c.get('store'), user.id, input.currentPassword, input.newPassword, c.get('sessionId'))
    return c.body(null, 204)
  })
  .get('/me/attempts', requireParticipant, async (c) => {
    const { roundId } = readQuery(c, MyAttemptsQuery)
    return send(c, { attempts: await c.get('store').read(myAttempts(currentUser(c).id, roundId)) })
  })
  .get('/me/contests/:contestId/unit', requireParticipant, async (c) => {
    const { contestId } = readParams(c, z.object({ contestId: z.string().min(1).max(100) }))
    await c.get('store').read(contestRow(contestId))
    return send(c, { contestId, unitId: await c.get('store').read(findContestUnit(currentUser(c).id, contestId)) })
  })
  .put('/me/contests/:contestId/unit', requireParticipant, async (c) => {
    const { contestId } = readParams(c, z.object({ contestId: z.string().min(1).max(100) }))
    const { unitId } = await readJson(c, SetUnitInput)
    const me = currentUser(c)
    const now = c.get('clock').now()
    await c.get('store').read(contestRow(contestId))
    return send(c, await c.get('store').write(() => chooseContestUnit(me.id, contestId, unitId, now)))
  })

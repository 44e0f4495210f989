import { Hono } from 'hono'
import { z } from 'zod'
import type { Store } from '../../db/store'
import type { AppEnv } from '../app-env'
import { AppError } from '../errors'
import { send } from '../lib/http'
import { describe } from '../lib/openapi'
import { body, params, query } from '../lib/validate'
import { currentUser, requireParticipant, signedIn } from '../middleware/session'
import { ChangePasswordInput, SetUnitInput } from '../schemas/participants'
import { AttemptSummary, Me, MyCertificate, MyContestUnit } from '../schemas/wire'
import type { SessionUser } from '../services/auth'
import { myAttempts } from '../services/attempts'
import { certificatesPending, listMyCertificates } from '../services/certificates'
import { contestRow } from '../services/contests'
import { changePassword, chooseContestUnit, findContestUnit, firstUnit } from '../services/participants'
import { changeStaffPassword } from '../services/staff'
import { ContestParam, Id } from '../schemas/params'

// Also GET /sessions/current's answer (sessions.ts).
export async function whoAmI(store: Store, user: SessionUser): Promise<Me> {
  // A participant's first contest's unit; a coordinator's own unit (the root of what they see).
  const unitId = user.kind === 'participant' ? await store.read(firstUnit(user.id)) : (user.unitId ?? null)
  return { id: user.id, role: user.role, name: user.name, ...(unitId ? { unitId } : {}) }
}

const MyAttemptsQuery = z.object({ roundId: Id.optional() })

export const meRoutes = new Hono<AppEnv>()
  // Open: signed out, it answers 401 with its own message (GET /sessions/current answers null instead).
  .get('/me',
    describe({ summary: 'Người đang đăng nhập', tag: 'me', open: true, answer: { json: z.object({ user: Me }) }, description: 'Chưa đăng nhập: 401 UNAUTHENTICATED.' }),
    async (c) => {
      const user = c.get('user')
      if (!user) throw new AppError('UNAUTHENTICATED', 'Bạn chưa đăng nhập.')
      return send(c, { user: await whoAmI(c.get('store'), user) })
    })
  // Participants and staff alike; every other session of the person ends.
  .put('/me/password',
    describe({ summary: 'Đổi mật khẩu của chính mình', tag: 'me', answer: { empty: true } }, signedIn),
    body(ChangePasswordInput),
    async (c) => {
      const user = currentUser(c)
      const input = c.req.valid('json')
      if (user.kind === 'staff') await changeStaffPassword(c.get('store'), user.id, input.currentPassword, input.newPassword, c.get('sessionId'), c.get('clock').now())
      else await changePassword(c.get('store'), user.id, input.currentPassword, input.newPassword, c.get('sessionId'))
      return c.body(null, 204)
    })
  .get('/me/attempts',
    describe({ summary: 'Các lượt làm bài của thí sinh', tag: 'me', answer: { json: z.object({ attempts: z.array(AttemptSummary) }) } }, requireParticipant),
    query(MyAttemptsQuery),
    async (c) => {
      const { roundId } = c.req.valid('query')
      return send(c, { attempts: await c.get('store').read(myAttempts(currentUser(c).id, roundId)) })
    })
  .get('/me/contests/:contestId/unit',
    describe({ summary: 'Đơn vị của thí sinh trong một cuộc thi', tag: 'me', answer: { json: MyContestUnit } }, requireParticipant),
    params(ContestParam),
    async (c) => {
      const { contestId } = c.req.valid('param')
      await c.get('store').read(contestRow(contestId))
      return send(c, { contestId, unitId: await c.get('store').read(findContestUnit(currentUser(c).id, contestId)) } satisfies MyContestUnit)
    })
  .put('/me/contests/:contestId/unit',
    describe({ summary: 'Chọn đơn vị của thí sinh trong một cuộc thi', tag: 'me', answer: { json: MyContestUnit } }, requireParticipant),
    params(ContestParam), body(SetUnitInput),
    async (c) => {
      const { contestId } = c.req.valid('param')
      const { unitId } = c.req.valid('json')
      const me = currentUser(c)
      const now = c.get('clock').now()
      await c.get('store').read(contestRow(contestId))
      return send(c, (await c.get('store').write(() => chooseContestUnit(me.id, contestId, unitId, now))) satisfies MyContestUnit)
    })
  // Certificates (issue 15): a participant lists theirs once a round is finalized.
  .get('/me/certificates',
    describe({ summary: 'Giấy chứng nhận của thí sinh', tag: 'me', answer: { json: z.object({ certificates: z.array(MyCertificate) }) } }, requireParticipant),
    async (c) => {
      const me = currentUser(c)
      const now = c.get('clock').now()
      const store = c.get('store')
      const certificates = (await store.read(certificatesPending(me.id)))
        ? await store.write(() => listMyCertificates(me.id, now))
        : await store.read(listMyCertificates(me.id, now))
      return send(c, { certificates })
    })

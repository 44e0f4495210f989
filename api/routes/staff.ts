import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { send } from '../lib/http'
import { describe } from '../lib/openapi'
import { body, params } from '../lib/validate'
import { admin, currentUser, organizer } from '../middleware/session'
import { CreateUserInput } from '../schemas/admin'
import { AppointCoordinatorInput } from '../schemas/coordinators'
import { AppointedCoordinator, CoordinatorAccount, CreatedStaff, StaffMember } from '../schemas/wire'
import { appointCoordinator, listCoordinators, removeCoordinator } from '../services/coordinators'
import { createStaffAccount, resetStaffPassword } from '../services/staff'
import { endStaffSessions, listStaff, setStaffDisabled } from '../services/staff-lifecycle'
import { ContestParam, UserParam } from '../schemas/params'

const CoordinatorParam = ContestParam.extend(UserParam.shape)

// Staff accounts, kept by admins; and a contest's unit coordinators, appointed by organizers.
export const staffRoutes = new Hono<AppEnv>()
  // Not in API.md (issue 15): the staff list, disabling and enabling, ending someone's sessions.
  .get('/admin/users',
    describe({ summary: 'Danh sách tài khoản cán bộ', tag: 'staff', answer: { json: z.object({ users: z.array(StaffMember) }) } }, admin),
    async (c) => send(c, { users: await c.get('store').read(listStaff()) }))
  .post('/admin/users/:userId/disable',
    describe({ summary: 'Khoá tài khoản cán bộ', tag: 'staff', answer: { json: z.object({ user: StaffMember }) } }, admin),
    params(UserParam), body(z.object({})),
    async (c) => {
      const { userId } = c.req.valid('param')
      return send(c, { user: await c.get('store').write(() => setStaffDisabled(currentUser(c), userId, true, c.get('clock').now())) })
    })
  .post('/admin/users/:userId/enable',
    describe({ summary: 'Mở khoá tài khoản cán bộ', tag: 'staff', answer: { json: z.object({ user: StaffMember }) } }, admin),
    params(UserParam), body(z.object({})),
    async (c) => {
      const { userId } = c.req.valid('param')
      return send(c, { user: await c.get('store').write(() => setStaffDisabled(currentUser(c), userId, false, c.get('clock').now())) })
    })
  .post('/admin/users/:userId/sessions/end',
    describe({ summary: 'Kết thúc mọi phiên đăng nhập của một cán bộ', tag: 'staff', answer: { json: z.object({ ended: z.number() }) } }, admin),
    params(UserParam), body(z.object({})),
    async (c) => {
      const { userId } = c.req.valid('param')
      return send(c, { ended: await c.get('store').write(() => endStaffSessions(currentUser(c), userId, c.get('clock').now())) })
    })
  .post('/admin/users',
    describe({ summary: 'Tạo tài khoản cán bộ', tag: 'staff', answer: { json: z.object({ user: CreatedStaff }), status: 201 } }, admin),
    body(CreateUserInput),
    async (c) => {
      const input = c.req.valid('json')
      const user = await createStaffAccount(c.get('store'), currentUser(c), input, c.get('clock').now())
      return send(c, { user }, 201)
    })
  // Not in API.md: a staff member's new password, shown once; their sessions end.
  .post('/admin/users/:userId/password',
    describe({ summary: 'Cấp mật khẩu mới cho cán bộ', tag: 'staff', answer: { json: z.object({ password: z.string() }) } }, admin),
    params(UserParam), body(z.object({})),
    async (c) => {
      const { userId } = c.req.valid('param')
      return send(c, { password: await resetStaffPassword(c.get('store'), currentUser(c), userId, c.get('clock').now()) })
    })
  // Organizers appoint a contest's unit coordinators, list them, and remove them (the account is disabled).
  .get('/admin/contests/:contestId/coordinators',
    describe({ summary: 'Danh sách điều phối viên của cuộc thi', tag: 'coordinators', answer: { json: z.object({ coordinators: z.array(CoordinatorAccount) }) } }, organizer),
    params(ContestParam),
    async (c) => {
      const { contestId } = c.req.valid('param')
      return send(c, { coordinators: await c.get('store').read(listCoordinators(contestId)) })
    })
  .post('/admin/contests/:contestId/coordinators',
    describe({ summary: 'Bổ nhiệm điều phối viên cho một đơn vị', tag: 'coordinators', answer: { json: z.object({ user: AppointedCoordinator }), status: 201 } }, organizer),
    params(ContestParam), body(AppointCoordinatorInput),
    async (c) => {
      const { contestId } = c.req.valid('param')
      const input = c.req.valid('json')
      const user = await appointCoordinator(c.get('store'), currentUser(c), contestId, input, c.get('clock').now())
      return send(c, { user }, 201)
    })
  .delete('/admin/contests/:contestId/coordinators/:userId',
    describe({ summary: 'Gỡ điều phối viên (khoá tài khoản)', tag: 'coordinators', answer: { empty: true } }, organizer),
    params(CoordinatorParam),
    async (c) => {
      const { contestId, userId } = c.req.valid('param')
      const me = currentUser(c)
      const now = c.get('clock').now()
      await c.get('store').write(() => removeCoordinator(me, contestId, userId, now))
      return c.body(null, 204)
    })

import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { send } from '../lib/http'
import { describe } from '../lib/openapi'
import { body, params } from '../lib/validate'
import { currentUser, organizer, staff } from '../middleware/session'
import { CreateContestInput, UpdateContestInput } from '../schemas/admin'
import { ContestDashboard, ContestDetail, ContestSummary, CreatedContest, Unit } from '../schemas/wire'
import { addContest, changeContestStatus, editContest, readContest, readContests, readUnits } from '../services/contests'
import { contestDashboard } from '../services/dashboard'
import { ContestParam } from '../schemas/params'

const ContestList = z.object({ contests: z.array(ContestSummary) })
const OneContest = z.object({ contest: ContestDetail })
const now = (c: Context<AppEnv>) => c.get('clock').now()

// Contests: the published ones anyone reads, and every one (drafts included) for organizers and judges.
export const contestsRoutes = new Hono<AppEnv>()
  .get('/contests',
    describe({ summary: 'Danh sách cuộc thi đã công bố', tag: 'contests', open: true, answer: { json: ContestList } }),
    async (c) => send(c, { contests: await c.get('store').read(readContests(c.get('clock').now())) }))
  .get('/contests/:contestId',
    describe({ summary: 'Thông tin cuộc thi đã công bố (theo mã hoặc đường dẫn ngắn)', tag: 'contests', open: true, answer: { json: OneContest } }),
    params(ContestParam),
    async (c) => {
      const { contestId } = c.req.valid('param')
      return send(c, { contest: await c.get('store').read(readContest(contestId, c.get('clock').now())) })
    })
  .get('/contests/:contestId/units',
    describe({ summary: 'Danh sách đơn vị dự thi của cuộc thi đã công bố', tag: 'contests', open: true, answer: { json: z.object({ units: z.array(Unit) }) } }),
    params(ContestParam),
    async (c) => {
      const { contestId } = c.req.valid('param')
      await c.get('store').read(readContest(contestId, c.get('clock').now()))
      return send(c, { units: await c.get('store').read(readUnits(contestId)) })
    })
  .get('/admin/contests',
    describe({ summary: 'Danh sách mọi cuộc thi, kể cả bản nháp', tag: 'contests', answer: { json: ContestList } }, staff),
    async (c) => send(c, { contests: await c.get('store').read(readContests(now(c), true)) }))
  .post('/admin/contests',
    describe({ summary: 'Tạo cuộc thi (bản nháp)', tag: 'contests', answer: { json: z.object({ contest: CreatedContest }), status: 201 } }, organizer),
    body(CreateContestInput),
    async (c) => {
      const input = c.req.valid('json')
      const at = now(c)
      const me = currentUser(c)
      const contest = await c.get('store').write(() => addContest(me, input, at))
      return send(c, { contest: contest satisfies CreatedContest }, 201)
    })
  .get('/admin/contests/:contestId',
    describe({ summary: 'Thông tin cuộc thi, kể cả bản nháp', tag: 'contests', answer: { json: OneContest } }, staff),
    params(ContestParam),
    async (c) => send(c, { contest: await c.get('store').read(readContest(c.req.valid('param').contestId, now(c), true)) }))
  .patch('/admin/contests/:contestId',
    describe({ summary: 'Sửa cuộc thi', tag: 'contests', answer: { json: OneContest } }, organizer),
    params(ContestParam), body(UpdateContestInput),
    async (c) => {
      const { contestId } = c.req.valid('param')
      const input = c.req.valid('json')
      const at = now(c)
      const me = currentUser(c)
      return send(c, { contest: await c.get('store').write(() => editContest(me, contestId, input, at)) })
    })
  .post('/admin/contests/:contestId/publish',
    describe({ summary: 'Công bố cuộc thi', tag: 'contests', answer: { json: OneContest } }, organizer),
    params(ContestParam), body(z.object({})),
    async (c) => {
      const { contestId } = c.req.valid('param')
      const at = now(c)
      const me = currentUser(c)
      await c.get('store').write(() => changeContestStatus(me, contestId, 'published', at))
      return send(c, { contest: await c.get('store').read(readContest(contestId, at, true)) })
    })
  .get('/admin/contests/:contestId/dashboard',
    describe({ summary: 'Bảng theo dõi cuộc thi: đăng ký và lượt thi theo ngày, tham gia theo đơn vị, tình hình từng đợt', tag: 'contests', answer: { json: ContestDashboard } }, staff),
    params(ContestParam),
    async (c) => {
      const { contestId } = c.req.valid('param')
      return send(c, await c.get('store').read(contestDashboard(contestId, c.get('clock').now())))
    })

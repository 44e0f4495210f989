import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { send } from '../lib/http'
import { describe } from '../lib/openapi'
import { body, params, query } from '../lib/validate'
import { currentUser, organizer, staff } from '../middleware/session'
import { CreateRoundInput, PatchRoundInput } from '../schemas/admin'
import { ActivityBucket, RoundPrizes, RoundSummary } from '../schemas/wire'
import { countRoundActivity, readRoundPrizes } from '../services/round-extras'
import { roundRow, roundView } from '../services/round-view'
import { addRound, editRound } from '../services/rounds'
import { ContestParam, RoundParam } from '../schemas/params'

const ActivityQuery = z.object({ bucketMinutes: z.coerce.number().int().min(1).max(7 * 24 * 60).default(60) })
const OneRound = z.object({ round: RoundSummary })
const now = (c: Context<AppEnv>) => c.get('clock').now()

// A contest's rounds: what anyone reads of a published one, and what organizers and judges set and watch.
export const roundsRoutes = new Hono<AppEnv>()
  .get('/rounds/:roundId',
    describe({ summary: 'Thông tin đợt thi', tag: 'rounds', open: true, answer: { json: OneRound } }),
    params(RoundParam),
    async (c) => {
      const round = await c.get('standings').publicRound(c.req.valid('param').roundId)
      return send(c, { round: roundView(round, c.get('clock').now()) })
    })
  .get('/rounds/:roundId/prizes',
    describe({ summary: 'Danh sách giải đã chốt của đợt thi', tag: 'rounds', open: true, answer: { json: RoundPrizes } }),
    params(RoundParam),
    async (c) => {
      const { roundId } = c.req.valid('param')
      await c.get('standings').publicRound(roundId)
      return send(c, await c.get('store').read(readRoundPrizes(roundId)))
    })
  .post('/admin/contests/:contestId/rounds',
    describe({ summary: 'Thêm đợt thi vào cuộc thi', tag: 'rounds', answer: { json: OneRound, status: 201 } }, organizer),
    params(ContestParam), body(CreateRoundInput),
    async (c) => {
      const { contestId } = c.req.valid('param')
      const input = c.req.valid('json')
      const at = now(c)
      const me = currentUser(c)
      const graceSec = c.get('env').GRACE_SEC
      const round = await c.get('store').write(() => addRound(me, contestId, input, at, graceSec))
      return send(c, { round: roundView(round, at) }, 201)
    })
  .get('/admin/rounds/:roundId',
    describe({ summary: 'Thông tin đợt thi, kể cả của cuộc thi nháp', tag: 'rounds', answer: { json: OneRound } }, staff),
    params(RoundParam),
    async (c) => {
      const { roundId } = c.req.valid('param')
      const at = now(c)
      return send(c, { round: roundView(await c.get('store').read(roundRow(roundId)), at) })
    })
  .patch('/admin/rounds/:roundId',
    describe({ summary: 'Sửa đợt thi', tag: 'rounds', answer: { json: OneRound } }, organizer),
    params(RoundParam), body(PatchRoundInput),
    async (c) => {
      const { roundId } = c.req.valid('param')
      const input = c.req.valid('json')
      const at = now(c)
      const me = currentUser(c)
      const round = await c.get('store').write(() => editRound(me, roundId, input, at))
      return send(c, { round: roundView(round, at) })
    })
  .get('/admin/rounds/:roundId/activity',
    describe({ summary: 'Số lượt bắt đầu và nộp bài theo từng khoảng thời gian', tag: 'rounds', answer: { json: z.object({ buckets: z.array(ActivityBucket) }) } }, staff),
    params(RoundParam), query(ActivityQuery),
    async (c) => {
      const { roundId } = c.req.valid('param')
      const { bucketMinutes } = c.req.valid('query')
      return send(c, { buckets: await c.get('store').read(countRoundActivity(roundId, bucketMinutes)) })
    })

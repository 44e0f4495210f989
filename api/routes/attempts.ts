import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { send } from '../lib/http'
import { describe } from '../lib/openapi'
import { body, params, paramsAndBody } from '../lib/validate'
import { currentUser, requireParticipant } from '../middleware/session'
import { AnswerInput, ReportInput, SubmitInput } from '../schemas/participants'
import { Attempt, FiledReport, SavedAnswer, SubmitResult } from '../schemas/wire'
import { beginAttempt, finishByParticipant, readAttempt, storeAnswer, type AttemptContext } from '../services/attempts'
import { fileReport } from '../services/reports'
import { AttemptParam, RoundParam } from '../schemas/params'

const ItemParam = AttemptParam.extend({ position: z.coerce.number().int().min(1).max(1000) })
const OneAttempt = z.object({ attempt: Attempt })

// Read when the request arrives: a write is judged against its deadline by that time, not by when the
// group commit or a busy moment lets it run.
const arrival = (c: { get(key: 'clock'): { now(): number } }): AttemptContext => ({ now: c.get('clock').now() })
// For the writes judged by their deadline, the same time taken before the body is read (paramsAndBody's
// first step), so reading a slow body does not make the write later than it arrived.
const arrive = (c: Context<AppEnv & { Variables: { arrived: AttemptContext } }>) => c.set('arrived', arrival(c))

// A participant's attempts: start one, read it, answer, submit, and report a question they think is wrong.
export const attemptsRoutes = new Hono<AppEnv>()
  .post('/rounds/:roundId/attempts',
    describe({
      summary: 'Bắt đầu lượt làm bài, hoặc lấy lượt đang làm', tag: 'attempts',
      answer: { json: OneAttempt, status: [201, 200], description: 'Lượt mới (201), hoặc lượt đang làm dở (200)' },
    }, requireParticipant),
    params(RoundParam), body(z.object({})),
    async (c) => {
      const { roundId } = c.req.valid('param')
      const me = currentUser(c)
      await c.get('limiter').hit(`start:${c.get('clientAddress')}`, c.get('env').RATE_START_PER_MIN)
      await c.get('limiter').hit(`start-p:${me.id}`, c.get('env').RATE_START_PER_PARTICIPANT_PER_MIN)
      const ctx = arrival(c)
      const { attempt, created } = await c.get('store').write(() => beginAttempt(ctx, me.id, roundId, c.get('clientAddress')))
      return send(c, { attempt }, created ? 201 : 200)
    })
  .get('/attempts/:attemptId',
    describe({ summary: 'Lượt làm bài của thí sinh đang đăng nhập', tag: 'attempts', answer: { json: OneAttempt } }, requireParticipant),
    params(AttemptParam),
    async (c) => {
      const { attemptId } = c.req.valid('param')
      return send(c, { attempt: await c.get('store').read(readAttempt(arrival(c), currentUser(c).id, attemptId)) })
    })
  .put('/attempts/:attemptId/items/:position',
    describe({ summary: 'Lưu câu trả lời cho một câu hỏi', tag: 'attempts', body: AnswerInput, answer: { json: SavedAnswer } }, requireParticipant),
    paramsAndBody(ItemParam, AnswerInput, arrive),
    async (c) => {
      const arrived = c.get('arrived')
      const { attemptId, position } = c.req.valid('param')
      const { choice } = c.req.valid('json')
      const me = currentUser(c)
      return send(c, (await c.get('store').write(() => storeAnswer(arrived, me.id, attemptId, position, choice))) satisfies SavedAnswer)
    })
  .post('/attempts/:attemptId/submit',
    describe({ summary: 'Nộp bài (kèm dự đoán nếu đợt thi có)', tag: 'attempts', body: SubmitInput, answer: { json: z.object({ result: SubmitResult }) } }, requireParticipant),
    paramsAndBody(AttemptParam, SubmitInput, arrive),
    async (c) => {
      const arrived = c.get('arrived')
      const { attemptId } = c.req.valid('param')
      const { prediction } = c.req.valid('json')
      const me = currentUser(c)
      return send(c, { result: await c.get('store').write(() => finishByParticipant(arrived, me.id, attemptId, prediction ?? null)) })
    })
  .post('/attempts/:attemptId/items/:position/report',
    describe({ summary: 'Phản ánh một câu hỏi có thể sai (sau khi đợt thi đóng)', tag: 'attempts', answer: { json: z.object({ report: FiledReport }), status: 201 } }, requireParticipant),
    params(ItemParam), body(ReportInput),
    async (c) => {
      const { attemptId, position } = c.req.valid('param')
      const { message } = c.req.valid('json')
      const me = currentUser(c)
      const now = c.get('clock').now()
      const report = await c.get('store').write(() => fileReport(me.id, attemptId, position, message, now))
      return send(c, { report: report satisfies FiledReport }, 201)
    })

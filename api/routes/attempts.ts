import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import type { Context } from 'hono'
import { readJson, readParams, send } from '../lib/http'
import { currentUser, requireParticipant } from '../middleware/session'
import { AnswerInput, ReportInput, SubmitInput } from '../schemas/participants'
import { beginAttempt, finishByParticipant, readAttempt, storeAnswer, type AttemptContext } from '../services/attempts'
import { fileReport } from '../services/reports'

const RoundParam = z.object({ roundId: z.string().min(1).max(100) })
const AttemptParam = z.object({ attemptId: z.string().min(1).max(100) })
const ItemParam = AttemptParam.extend({ position: z.coerce.number().int().min(1).max(1000) })

// Read when the request arrives: a write is judged against its deadline by that time, not by when the
// group commit or a busy moment lets it run.
const arrival = (c: Context<AppEnv>): AttemptContext => ({ now: c.get('clock').now() })

export const attemptRoutes = new Hono<AppEnv>()
  .post('/rounds/:roundId/attempts', requireParticipant, async (c) => {
    const { roundId } = readParams(c, RoundParam)
    await readJson(c, z.object({}))
    const me = currentUser(c)
    await c.get('limiter').hit(`start:${c.get('clientAddress')}`, c.get('env').RATE_START_PER_MIN)
    await c.get('limiter').hit(`start-p:${me.id}`, c.get('env').RATE_START_PER_PARTICIPANT_PER_MIN)
    const ctx = arrival(c)
    const { attempt, created } = await c.get('store').write(() => beginAttempt(ctx, me.id, roundId, c.get('clientAddress')))
    return send(c, { attempt }, created ? 201 : 200)
  })
  .get('/attempts/:attemptId', requireParticipant, async (c) => {
    const { attemptId } = readParams(c, AttemptParam)
    return send(c, { attempt: await c.get('store').read(readAttempt(arrival(c), currentUser(c).id, attemptId)) })
  })
  .put('/attempts/:attemptId/items/:position', requireParticipant, async (c) => {
    const arrived = arrival(c)
    const { attemptId, position } = readParams(c, ItemParam)
    const { choice } = await readJson(c, AnswerInput)
    const me = currentUser(c)
    return send(c, await c.get('store').write(() => storeAnswer(arrived, me.id, attemptId, position, choice)))
  })
  .post('/attempts/:attemptId/submit', requireParticipant, async (c) => {
    const arrived = arrival(c)
    const { attemptId } = readParams(c, AttemptParam)
    const { prediction } = await readJson(c, SubmitInput)
    const me = currentUser(c)
    return send(c, { result: await c.get('store').write(() => finishByParticipant(arrived, me.id, attemptId, prediction ?? null)) })
  })
  .post('/attempts/:attemptId/items/:position/report', requireParticipant, async (c) => {
    const { attemptId, position } = readParams(c, ItemParam)
    const { message } = await readJson(c, ReportInput)
    const me = currentUser(c)
    const now = c.get('clock').now()
    return send(c, { report: await c.get('store').write(() => fileReport(me.id, attemptId, position, message, now)) }, 201)
  })

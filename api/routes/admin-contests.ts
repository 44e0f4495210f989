import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { readJson, readParams, readQuery, send } from '../lib/http'
import { currentUser, requireRole } from '../middleware/session'
import { CreateContestInput, CreateRoundInput, PatchRoundInput, UnitsInput, UpdateContestInput } from '../schemas/admin'
import { createContest, getContest, listContests, listUnits, setContestStatus, updateContest, upsertUnits } from '../services/contests'
import { roundActivity, searchParticipants } from '../services/round-extras'
import { createRound, updateRound } from '../services/rounds'
import { getRoundRow, roundView } from '../services/round-view'

const ContestParam = z.object({ contestId: z.string().min(1).max(100) })
const RoundParam = z.object({ roundId: z.string().min(1).max(100) })
const now = (c: Context<AppEnv>) => c.get('clock').now()

export const adminContestRoutes = new Hono<AppEnv>()
  .get('/contests', requireRole('organizer', 'judge'), (c) => send(c, { contests: listContests(c.get('db'), now(c), true) }))
  .get('/contests/:contestId', requireRole('organizer', 'judge'), (c) => send(c, { contest: getContest(c.get('db'), readParams(c, ContestParam).contestId, now(c), true) }))
  .post('/contests', requireRole('organizer'), async (c) => {
    const input = await readJson(c, CreateContestInput)
    return send(c, { contest: createContest(c.get('db'), currentUser(c), input, now(c)) }, 201)
  })
  .patch('/contests/:contestId', requireRole('organizer'), async (c) => {
    const { contestId } = readParams(c, ContestParam)
    const input = await readJson(c, UpdateContestInput)
    return send(c, { contest: updateContest(c.get('db'), currentUser(c), contestId, input, now(c)) })
  })
  .get('/contests/:contestId/units', requireRole('organizer', 'judge'), (c) => send(c, { units: listUnits(c.get('db'), readParams(c, ContestParam).contestId) }))
  .get('/rounds/:roundId', requireRole('organizer', 'judge'), (c) => send(c, { round: roundView(getRoundRow(c.get('db'), readParams(c, RoundParam).roundId), now(c)) }))
  .get('/rounds/:roundId/activity', requireRole('organizer', 'judge'), (c) => {
    const { roundId } = readParams(c, RoundParam)
    const { bucketMinutes } = readQuery(c, z.object({ bucketMinutes: z.coerce.number().int().min(1).max(7 * 24 * 60).default(60) }))
    return send(c, { buckets: roundActivity(c.get('db'), roundId, bucketMinutes) })
  })
  .get('/participants', requireRole('organizer', 'judge'), (c) => {
    const { q, limit } = readQuery(c, z.object({ q: z.string().trim().min(1).max(100), limit: z.coerce.number().int().min(1).max(200).default(50) }))
    return send(c, { participants: searchParticipants(c.get('db'), q, limit) })
  })
  .post('/contests/:contestId/publish', requireRole('organizer'), async (c) => {
    const { contestId } = readParams(c, ContestParam)
    await readJson(c, z.object({}))
    setContestStatus(c.get('db'), currentUser(c), contestId, 'published', now(c))
    return send(c, { contest: getContest(c.get('db'), contestId, now(c), true) })
  })
  .post('/contests/:contestId/units', requireRole('organizer'), async (c) => {
    const { contestId } = readParams(c, ContestParam)
    const input = await readJson(c, UnitsInput)
    return send(c, { units: upsertUnits(c.get('db'), currentUser(c), contestId, input, now(c)) })
  })
  .post('/contests/:contestId/rounds', requireRole('organizer'), async (c) => {
    const { contestId } = readParams(c, ContestParam)
    const input = await readJson(c, CreateRoundInput)
    const round = createRound(c.get('db'), currentUser(c), contestId, input, now(c), c.get('env').GRACE_SEC)
    return send(c, { round: roundView(round, now(c)) }, 201)
  })
  .patch('/rounds/:roundId', requireRole('organizer'), async (c) => {
    const { roundId } = readParams(c, RoundParam)
    const input = await readJson(c, PatchRoundInput)
    const round = updateRound(c.get('db'), currentUser(c), roundId, input, now(c))
    return send(c, { round: roundView(round, now(c)) })
  })

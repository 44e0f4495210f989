import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { readJson, readParams, readQuery, send } from '../lib/http'
import { currentUser, requireRole } from '../middleware/session'
import { CreateContestInput, CreateRoundInput, PatchRoundInput, UnitsInput, UpdateContestInput } from '../schemas/admin'
import { addContest, changeContestStatus, editContest, readContest, readContests, readUnits, saveUnits } from '../services/contests'
import { countRoundActivity, findParticipants } from '../services/round-extras'
import { addRound, editRound } from '../services/rounds'
import { roundRow, roundView } from '../services/round-view'

const ContestParam = z.object({ contestId: z.string().min(1).max(100) })
const RoundParam = z.object({ roundId: z.string().min(1).max(100) })
const now = (c: Context<AppEnv>) => c.get('clock').now()

export const adminContestRoutes = new Hono<AppEnv>()
  .get('/contests', requireRole('organizer', 'judge'), async (c) => send(c, { contests: await c.get('store').read(readContests(now(c), true)) }))
  .get('/contests/:contestId', requireRole('organizer', 'judge'), async (c) =>
    send(c, { contest: await c.get('store').read(readContest(readParams(c, ContestParam).contestId, now(c), true)) }))
  .post('/contests', requireRole('organizer'), async (c) => {
    const input = await readJson(c, CreateContestInput)
    const at = now(c)
    const me = currentUser(c)
    return send(c, { contest: await c.get('store').write(() => addContest(me, input, at)) }, 201)
  })
  .patch('/contests/:contestId', requireRole('organizer'), async (c) => {
    const { contestId } = readParams(c, ContestParam)
    const input = await readJson(c, UpdateContestInput)
    const at = now(c)
    const me = currentUser(c)
    return send(c, { contest: await c.get('store').write(() => editContest(me, contestId, input, at)) })
  })
  .get('/contests/:contestId/units', requireRole('organizer', 'judge'), async (c) =>
    send(c, { units: await c.get('store').read(readUnits(readParams(c, ContestParam).contestId)) }))
  .get('/rounds/:roundId', requireRole('organizer', 'judge'), async (c) => {
    const { roundId } = readParams(c, RoundParam)
    const at = now(c)
    return send(c, { round: roundView(await c.get('store').read(roundRow(roundId)), at) })
  })
  .get('/rounds/:roundId/activity', requireRole('organizer', 'judge'), async (c) => {
    const { roundId } = readParams(c, RoundParam)
    const { bucketMinutes } = readQuery(c, z.object({ bucketMinutes: z.coerce.number().int().min(1).max(7 * 24 * 60).default(60) }))
    return send(c, { buckets: await c.get('store').read(countRoundActivity(roundId, bucketMinutes)) })
  })
  .get('/participants', requireRole('organizer', 'judge'), async (c) => {
    const { q, limit } = readQuery(c, z.object({ q: z.string().trim().min(1).max(100), limit: z.coerce.number().int().min(1).max(200).default(50) }))
    return send(c, { participants: await c.get('store').read(findParticipants(q, limit)) })
  })
  .post('/contests/:contestId/publish', requireRole('organizer'), async (c) => {
    const { contestId } = readParams(c, ContestParam)
    await readJson(c, z.object({}))
    const at = now(c)
    const me = currentUser(c)
    await c.get('store').write(() => changeContestStatus(me, contestId, 'published', at))
    return send(c, { contest: await c.get('store').read(readContest(contestId, at, true)) })
  })
  .post('/contests/:contestId/units', requireRole('organizer'), async (c) => {
    const { contestId } = readParams(c, ContestParam)
    const input = await readJson(c, UnitsInput)
    const at = now(c)
    const me = currentUser(c)
    return send(c, { units: await c.get('store').write(() => saveUnits(me, contestId, input, at)) })
  })
  .post('/contests/:contestId/rounds', requireRole('organizer'), async (c) => {
    const { contestId } = readParams(c, ContestParam)
    const input = await readJson(c, CreateRoundInput)
    const at = now(c)
    const me = currentUser(c)
    const graceSec = c.get('env').GRACE_SEC
    const round = await c.get('store').write(() => addRound(me, contestId, input, at, graceSec))
    return send(c, { round: roundView(round, at) }, 201)
  })
  .patch('/rounds/:roundId', requireRole('organizer'), async (c) => {
    const { roundId } = readParams(c, RoundParam)
    const input = await readJson(c, PatchRoundInput)
    const at = now(c)
    const me = currentUser(c)
    const round = await c.get('store').write(() => editRound(me, roundId, input, at))
    return send(c, { round: roundView(round, at) })
  })

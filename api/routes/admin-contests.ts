import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { readJson, readParams, send } from '../lib/http'
import { currentUser, requireRole } from '../middleware/session'
import { CreateContestInput, CreateRoundInput, PatchRoundInput, UnitsInput } from '../schemas/admin'
import { createContest, getContest, listContests, setContestStatus, upsertUnits } from '../services/contests'
import { createRound, roundView, updateRound } from '../services/rounds'

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
    c.get('hub').bump(roundId)
    return send(c, { round: roundView(round, now(c)) })
  })

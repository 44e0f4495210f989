import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { readParams, readQuery, send, sendOpenJson } from '../lib/http'
import { PageQuery } from '../schemas/common'
import { currentUser, requireParticipant } from '../middleware/session'
import { readContest, readContests, readUnits } from '../services/contests'
import { roundRow, roundView } from '../services/round-view'
import { readRoundPrizes } from '../services/round-extras'

const ContestParam = z.object({ contestId: z.string().min(1).max(100) })
const RoundParam = z.object({ roundId: z.string().min(1).max(100) })
// Every unit by default; one level of the tree, ranked among itself, with parentId (its children) or top=true (the roots).
const UnitsQuery = z.object({ parentId: z.string().min(1).max(100).optional(), top: z.enum(['true', 'false']).optional() })
const unitLevel = (q: z.infer<typeof UnitsQuery>) => ({ parentId: q.parentId, top: q.top === 'true' })

export const publicRoutes = new Hono<AppEnv>()
  .get('/contests', async (c) => send(c, { contests: await c.get('store').read(readContests(c.get('clock').now())) }))
  .get('/contests/:contestId', async (c) => {
    const { contestId } = readParams(c, ContestParam)
    return send(c, { contest: await c.get('store').read(readContest(contestId, c.get('clock').now())) })
  })
  .get('/contests/:contestId/units', async (c) => {
    const { contestId } = readParams(c, ContestParam)
    await c.get('store').read(readContest(contestId, c.get('clock').now()))
    return send(c, { units: await c.get('store').read(readUnits(contestId)) })
  })
  .get('/contests/:contestId/leaderboard', async (c) => {
    const { contestId } = readParams(c, ContestParam)
    const page = readQuery(c, PageQuery)
    return send(c, await c.get('standings').contestPage(contestId, c.get('clock').now(), page))
  })
  .get('/contests/:contestId/units-leaderboard', async (c) => {
    const { contestId } = readParams(c, ContestParam)
    const level = unitLevel(readQuery(c, UnitsQuery))
    return send(c, { entries: await c.get('standings').contestUnits(contestId, c.get('clock').now(), level) })
  })
  .get('/contests/:contestId/leaderboard/me', requireParticipant, async (c) => {
    const { contestId } = readParams(c, ContestParam)
    return send(c, await c.get('standings').contestPlace(contestId, c.get('clock').now(), currentUser(c).id))
  })
  .get('/rounds/:roundId', async (c) => {
    const round = await c.get('standings').publicRound(readParams(c, RoundParam).roundId)
    return send(c, { round: roundView(round, c.get('clock').now()) })
  })
  .get('/rounds/:roundId/prizes', async (c) => {
    const { roundId } = readParams(c, RoundParam)
    await c.get('standings').publicRound(roundId)
    return send(c, await c.get('store').read(readRoundPrizes(roundId)))
  })
  .get('/rounds/:roundId/leaderboard', async (c) => {
    const { roundId } = readParams(c, RoundParam)
    const page = readQuery(c, PageQuery)
    return sendOpenJson(c, await c.get('standings').roundPage(roundId, c.get('clock').now(), page))
  })
  .get('/rounds/:roundId/leaderboard/me', requireParticipant, async (c) => {
    const { roundId } = readParams(c, RoundParam)
    return send(c, await c.get('standings').myPlace(roundId, c.get('clock').now(), currentUser(c).id))
  })
  .get('/rounds/:roundId/units-leaderboard', async (c) => {
    const { roundId } = readParams(c, RoundParam)
    const level = unitLevel(readQuery(c, UnitsQuery))
    return send(c, { entries: await c.get('standings').roundUnits(roundId, c.get('clock').now(), level) })
  })
  // After freezeAt the public stream stays quiet; finalizing lifts the freeze (SPEC §5).
  .get('/rounds/:roundId/leaderboard/stream', async (c) => {
    const { roundId } = readParams(c, RoundParam)
    const standings = c.get('standings')
    const clock = c.get('clock')
    const store = c.get('store')
    await standings.publicRound(roundId)
    return streamSSE(c, async (stream) => {
      const quiet = async () => {
        const r = await store.read(roundRow(roundId))
        return r.finalizedAt == null && r.freezeAt != null && clock.now() >= r.freezeAt
      }
      let wake: (() => void) | null = null
      // Versions go out in the order they came, one round read after another; a round that cannot be
      // read any more sends nothing (the listener runs in a timer: nobody would catch the error).
      let sending = Promise.resolve()
      const unsubscribe = standings.subscribe(roundId, (version) => {
        sending = sending.then(async () => {
          if (await quiet()) return
          void stream.writeSSE({ event: 'standings', data: JSON.stringify({ version, serverTime: new Date().toISOString() }) })
        }).catch(() => undefined)
      })
      stream.onAbort(() => { unsubscribe(); wake?.() })
      await stream.writeSSE({ event: 'standings', data: JSON.stringify({ version: standings.version(roundId), serverTime: new Date().toISOString() }) })
      while (!stream.aborted && !stream.closed) {
        await new Promise<void>((resolve) => {
          wake = resolve
          setTimeout(resolve, 25_000).unref?.()
        })
        if (!stream.aborted) await stream.write(': keep-alive\n\n')
      }
      unsubscribe()
    })
  })

import { Hono, type Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { readParams, readQuery, send } from '../lib/http'
import { PageQuery } from '../schemas/common'
import { currentUser, requireParticipant } from '../middleware/session'
import { getContest, listContests, listUnits } from '../services/contests'
import { contestLeaderboard, contestReady, contestUnitsLeaderboard, leaderboardState, myEntry, publicBoardReady, publicRound, publicView, roundLeaderboard, roundUnitsLeaderboard } from '../services/leaderboards'
import { JsonPageCache } from '../lib/json-cache'
import { getRoundRow, roundView } from '../services/rounds'
import { roundPrizes } from '../services/round-extras'

const ContestParam = z.object({ contestId: z.string().min(1).max(100) })
const RoundParam = z.object({ roundId: z.string().min(1).max(100) })
const pages = new JsonPageCache()
const UnitsQuery = z.object({ parentId: z.string().min(1).max(100).optional() })

// Answers once the in-memory structures a read needs are ready: at once (synchronously) nearly always;
// after they have been built a step at a time on a first read, without holding up other requests meanwhile.
// A board can be dropped again while a request waits for it (a disqualification in that round): look
// again, a few times, rather than rebuild a big board at once inside the answer.
// `look` reads what both need (the round row), once per look.
function whenReady<T>(c: Context<AppEnv>, look: () => T, ready: (it: T, now: number) => Promise<void> | undefined, answer: (it: T, now: number) => Response, looks = 3): Response | Promise<Response> {
  const now = c.get('clock').now()
  const it = look()
  const waiting = looks > 0 ? ready(it, now) : undefined
  return waiting ? waiting.then(() => whenReady(c, look, ready, answer, looks - 1)) : answer(it, now)
}

export const publicRoutes = new Hono<AppEnv>()
  .get('/contests', (c) => send(c, { contests: listContests(c.get('db'), c.get('clock').now()) }))
  .get('/contests/:contestId', (c) => {
    const { contestId } = readParams(c, ContestParam)
    return send(c, { contest: getContest(c.get('db'), contestId, c.get('clock').now()) })
  })
  .get('/contests/:contestId/units', (c) => {
    const { contestId } = readParams(c, ContestParam)
    getContest(c.get('db'), contestId, c.get('clock').now())
    return send(c, { units: listUnits(c.get('db'), contestId) })
  })
  .get('/contests/:contestId/leaderboard', (c) => {
    const { contestId } = readParams(c, ContestParam)
    const page = readQuery(c, PageQuery)
    return whenReady(c, () => contestId, (id, now) => contestReady(c.get('db'), id, now), (id, now) => send(c, contestLeaderboard(c.get('db'), id, now, page)))
  })
  .get('/contests/:contestId/units-leaderboard', (c) => {
    const { contestId } = readParams(c, ContestParam)
    const { parentId } = readQuery(c, UnitsQuery)
    return whenReady(c, () => contestId, (id, now) => contestReady(c.get('db'), id, now), (id, now) => send(c, { entries: contestUnitsLeaderboard(c.get('db'), id, now, parentId) }))
  })
  .get('/rounds/:roundId', (c) => {
    const round = publicRound(c.get('db'), readParams(c, RoundParam).roundId)
    return send(c, { round: roundView(round, c.get('clock').now()) })
  })
  .get('/rounds/:roundId/prizes', (c) => {
    const { roundId } = readParams(c, RoundParam)
    publicRound(c.get('db'), roundId)
    return send(c, roundPrizes(c.get('db'), roundId))
  })
  .get('/rounds/:roundId/leaderboard', (c) => {
    const { roundId } = readParams(c, RoundParam)
    const page = readQuery(c, PageQuery)
    const db = c.get('db')
    return whenReady(c, () => publicRound(db, roundId), (round, now) => publicBoardReady(db, round, now), (round, now) => {
      const view = publicView(db, round, now)
      if (page.q?.trim()) return send(c, roundLeaderboard(db, view, now, page))
      const key = `${roundId}:${leaderboardState(db, c.get('hub').version(roundId), view, now)}:${page.offset}:${page.limit}`
      return pages.send(c, key, () => roundLeaderboard(db, view, now, page))
    })
  })
  .get('/rounds/:roundId/leaderboard/me', requireParticipant, (c) => {
    const { roundId } = readParams(c, RoundParam)
    const db = c.get('db')
    return whenReady(c, () => publicRound(db, roundId), (round, now) => publicBoardReady(db, round, now), (round, now) => send(c, { entry: myEntry(db, publicView(db, round, now), currentUser(c).id) }))
  })
  .get('/rounds/:roundId/units-leaderboard', (c) => {
    const { roundId } = readParams(c, RoundParam)
    const { parentId } = readQuery(c, UnitsQuery)
    const db = c.get('db')
    return whenReady(c, () => publicRound(db, roundId), (round, now) => publicBoardReady(db, round, now, true), (round, now) => send(c, { entries: roundUnitsLeaderboard(db, round, now, parentId) }))
  })
  // After freezeAt the public stream stays quiet; finalizing lifts the freeze (SPEC §5).
  .get('/rounds/:roundId/leaderboard/stream', (c) => {
    const { roundId } = readParams(c, RoundParam)
    const db = c.get('db')
    const hub = c.get('hub')
    const clock = c.get('clock')
    publicRound(db, roundId)
    return streamSSE(c, async (stream) => {
      const quiet = () => {
        const r = getRoundRow(db, roundId)
        return r.finalizedAt == null && r.freezeAt != null && clock.now() >= r.freezeAt
      }
      let wake: (() => void) | null = null
      const unsubscribe = hub.subscribe(roundId, (version) => {
        if (quiet()) return
        void stream.writeSSE({ event: 'standings', data: JSON.stringify({ version, serverTime: new Date().toISOString() }) })
      })
      stream.onAbort(() => { unsubscribe(); wake?.() })
      await stream.writeSSE({ event: 'standings', data: JSON.stringify({ version: hub.version(roundId), serverTime: new Date().toISOString() }) })
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

import { Hono, type Context } from 'hono'
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
  .get('/contests/:contestId/leaderboard', (c) => {
    const { contestId } = readParams(c, ContestParam)
    const page = readQuery(c, PageQuery)
    const standings = c.get('standings')
    return whenReady(c, () => contestId, (id, now) => standings.contestReady(id, now), (id, now) => send(c, standings.contestPage(id, now, page)))
  })
  .get('/contests/:contestId/units-leaderboard', (c) => {
    const { contestId } = readParams(c, ContestParam)
    const level = unitLevel(readQuery(c, UnitsQuery))
    const standings = c.get('standings')
    return whenReady(c, () => contestId, (id, now) => standings.contestReady(id, now), (id, now) => send(c, { entries: standings.contestUnits(id, now, level) }))
  })
  .get('/contests/:contestId/leaderboard/me', requireParticipant, (c) => {
    const { contestId } = readParams(c, ContestParam)
    const standings = c.get('standings')
    return whenReady(c, () => contestId, (id, now) => standings.contestReady(id, now), (id, now) => send(c, standings.contestPlace(id, now, currentUser(c).id)))
  })
  .get('/rounds/:roundId', (c) => {
    const round = c.get('standings').publicRound(readParams(c, RoundParam).roundId)
    return send(c, { round: roundView(round, c.get('clock').now()) })
  })
  .get('/rounds/:roundId/prizes', async (c) => {
    const { roundId } = readParams(c, RoundParam)
    c.get('standings').publicRound(roundId)
    return send(c, await c.get('store').read(readRoundPrizes(roundId)))
  })
  .get('/rounds/:roundId/leaderboard', (c) => {
    const { roundId } = readParams(c, RoundParam)
    const page = readQuery(c, PageQuery)
    const standings = c.get('standings')
    return whenReady(c, () => standings.publicRound(roundId), (round, now) => standings.roundReady(round, now), (round, now) => sendOpenJson(c, standings.roundPage(round, now, page)))
  })
  .get('/rounds/:roundId/leaderboard/me', requireParticipant, (c) => {
    const { roundId } = readParams(c, RoundParam)
    const standings = c.get('standings')
    return whenReady(c, () => standings.publicRound(roundId), (round, now) => standings.roundReady(round, now), (round, now) => send(c, standings.myPlace(round, now, currentUser(c).id)))
  })
  .get('/rounds/:roundId/units-leaderboard', (c) => {
    const { roundId } = readParams(c, RoundParam)
    const level = unitLevel(readQuery(c, UnitsQuery))
    const standings = c.get('standings')
    return whenReady(c, () => standings.publicRound(roundId), (round, now) => standings.roundReady(round, now, true), (round, now) => send(c, { entries: standings.roundUnits(round, now, level) }))
  })
  // After freezeAt the public stream stays quiet; finalizing lifts the freeze (SPEC §5).
  .get('/rounds/:roundId/leaderboard/stream', (c) => {
    const { roundId } = readParams(c, RoundParam)
    const standings = c.get('standings')
    const clock = c.get('clock')
    const store = c.get('store')
    standings.publicRound(roundId)
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

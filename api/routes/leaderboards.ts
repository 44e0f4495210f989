import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { send, sendOpenJson } from '../lib/http'
import { describe } from '../lib/openapi'
import { params, query } from '../lib/validate'
import { currentUser, requireParticipant } from '../middleware/session'
import { PageQuery } from '../schemas/common'
import { ContestPlace, Leaderboard, RoundPlace, UnitsLeaderboardEntry } from '../schemas/wire'
import { roundRow } from '../services/round-view'
import { ContestParam, Id, RoundParam } from '../schemas/params'

// Every unit by default; one level of the tree, ranked among itself, with parentId (its children) or top=true (the roots).
const UnitsQuery = z.object({ parentId: Id.optional(), top: z.enum(['true', 'false']).optional() })
const unitLevel = (q: z.infer<typeof UnitsQuery>) => ({ parentId: q.parentId, top: q.top === 'true' })
const UnitsBoard = z.object({ entries: z.array(UnitsLeaderboardEntry) })

// The public boards of a contest and of its rounds, and a participant's own place on them. The board reads
// are hot (the benchmark measures them): validate, ask the standings' read model, answer; nothing more.
export const leaderboardsRoutes = new Hono<AppEnv>()
  .get('/contests/:contestId/leaderboard',
    describe({ summary: 'Bảng xếp hạng cá nhân của cả cuộc thi (tổng điểm cao nhất mỗi đợt)', tag: 'leaderboards', open: true, answer: { json: Leaderboard } }),
    params(ContestParam), query(PageQuery),
    async (c) => {
      const { contestId } = c.req.valid('param')
      const page = c.req.valid('query')
      return send(c, await c.get('standings').contestPage(contestId, c.get('clock').now(), page))
    })
  .get('/contests/:contestId/units-leaderboard',
    describe({ summary: 'Bảng xếp hạng đơn vị của cả cuộc thi', tag: 'leaderboards', open: true, answer: { json: UnitsBoard } }),
    params(ContestParam), query(UnitsQuery),
    async (c) => {
      const { contestId } = c.req.valid('param')
      const level = unitLevel(c.req.valid('query'))
      return send(c, { entries: await c.get('standings').contestUnits(contestId, c.get('clock').now(), level) })
    })
  .get('/contests/:contestId/leaderboard/me',
    describe({ summary: 'Thứ hạng của thí sinh đang đăng nhập trong cả cuộc thi', tag: 'leaderboards', answer: { json: ContestPlace } }, requireParticipant),
    params(ContestParam),
    async (c) => {
      const { contestId } = c.req.valid('param')
      return send(c, await c.get('standings').contestPlace(contestId, c.get('clock').now(), currentUser(c).id))
    })
  .get('/rounds/:roundId/leaderboard',
    describe({ summary: 'Bảng xếp hạng cá nhân của đợt thi', tag: 'leaderboards', open: true, answer: { json: Leaderboard } }),
    params(RoundParam), query(PageQuery),
    async (c) => {
      const { roundId } = c.req.valid('param')
      const page = c.req.valid('query')
      // The standings keep this page as ready UTF-8 JSON (without its closing brace): only serverTime is added.
      return sendOpenJson<Leaderboard>(c, await c.get('standings').roundPage(roundId, c.get('clock').now(), page))
    })
  .get('/rounds/:roundId/leaderboard/me',
    describe({ summary: 'Thứ hạng của thí sinh đang đăng nhập trong đợt thi', tag: 'leaderboards', answer: { json: RoundPlace } }, requireParticipant),
    params(RoundParam),
    async (c) => {
      const { roundId } = c.req.valid('param')
      return send(c, await c.get('standings').myPlace(roundId, c.get('clock').now(), currentUser(c).id))
    })
  .get('/rounds/:roundId/units-leaderboard',
    describe({ summary: 'Bảng xếp hạng đơn vị của đợt thi', tag: 'leaderboards', open: true, answer: { json: UnitsBoard } }),
    params(RoundParam), query(UnitsQuery),
    async (c) => {
      const { roundId } = c.req.valid('param')
      const level = unitLevel(c.req.valid('query'))
      return send(c, { entries: await c.get('standings').roundUnits(roundId, c.get('clock').now(), level) })
    })
  // After freezeAt the public stream stays quiet; finalizing lifts the freeze (SPEC §5).
  .get('/rounds/:roundId/leaderboard/stream',
    describe({
      summary: 'Luồng báo bảng xếp hạng của đợt thi thay đổi', tag: 'leaderboards', open: true,
      answer: { stream: true, description: 'Sự kiện `standings` với `data: { "version": n, "serverTime": … }` mỗi khi bảng thay đổi (tối đa khoảng một lần mỗi giây); máy khách tải lại phần đang hiển thị' },
    }),
    params(RoundParam),
    async (c) => {
      const { roundId } = c.req.valid('param')
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

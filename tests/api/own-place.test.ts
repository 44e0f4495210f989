import { describe, expect, it } from 'vitest'
import { testApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt } from '../helpers/contest'

type UnitEntry = { rank: number; unitId: string; parentId: string | null }
const ranks = (entries: UnitEntry[]) => entries.map((e) => [e.unitId, e.rank])

describe('units boards by level', () => {
  it('ranks a level of the tree among itself, never against its ancestors or descendants', async () => {
    const t = testApp()
    const s = await setupContest(t)
    // A2 (headcount 5) gets the best rate, then A1 (10), then B (20); A rolls both up (15).
    for (const [unitId, n] of [[s.unit.A2, 3], [s.unit.A1, 2], [s.unit.B, 1]] as const) {
      for (let i = 0; i < n; i++) {
        const p = await registerPerson(t, unitId)
        const a = await takeAttempt(t, p.agent, s.roundId, 3)
        await p.agent.post(`/attempts/${a.id}/submit`, {})
      }
    }
    const get = async (path: string) => {
      const res = await t.agent().get(path)
      expect(res.status, res.text).toBe(200)
      return res.body.entries as UnitEntry[]
    }
    for (const base of [`/rounds/${s.roundId}`, `/contests/${s.contestId}`]) {
      // Every unit, one list (API.md's default): the root K is ranked among its own chi bộ.
      const every = await get(`${base}/units-leaderboard`)
      expect(every.map((e) => e.unitId)).toEqual([s.unit.A2, s.unit.A, s.unit.A1, s.unit.K, s.unit.B])
      expect(ranks(await get(`${base}/units-leaderboard?top=true`))).toEqual([[s.unit.K, 1]])
      expect(ranks(await get(`${base}/units-leaderboard?parentId=${s.unit.K}`))).toEqual([[s.unit.A, 1], [s.unit.B, 2]])
      expect(ranks(await get(`${base}/units-leaderboard?parentId=${s.unit.A}`))).toEqual([[s.unit.A2, 1], [s.unit.A1, 2]])
      expect(await get(`${base}/units-leaderboard?parentId=${s.unit.A1}`)).toEqual([])
    }
    expect((await t.agent().get(`/rounds/${s.roundId}/units-leaderboard?top=yes`)).status).toBe(400)
  })
})

describe('own place', () => {
  it('gives rank out of the board size, and after every round is final the contest-wide place with the prizes won', async () => {
    const t = testApp()
    const s = await setupContest(t, { round: { prizes: [{ name: 'Giải Nhất', count: 1 }] } })
    const [a, b, c] = [await registerPerson(t, s.unit.A1), await registerPerson(t, s.unit.B), await registerPerson(t, s.unit.A2)]
    for (const [p, right] of [[a, 5], [b, 3]] as const) {
      const at = await takeAttempt(t, p.agent, s.roundId, right)
      await p.agent.post(`/attempts/${at.id}/submit`, {})
    }
    const round = await b.agent.get(`/rounds/${s.roundId}/leaderboard/me`)
    expect(round.body).toMatchObject({ entry: { rank: 2, final: false, prize: null }, total: 2 })
    expect((await c.agent.get(`/rounds/${s.roundId}/leaderboard/me`)).body).toMatchObject({ entry: null, total: 2 })
    const before = await a.agent.get(`/contests/${s.contestId}/leaderboard/me`)
    expect(before.status).toBe(200)
    expect(before.body).toMatchObject({ entry: { rank: 1, participantId: a.id, score: 5, final: false, prize: null, prizes: [] }, total: 2 })

    t.clock.advance(25 * 3600_000)
    expect((await s.judge.post(`/admin/rounds/${s.roundId}/finalize`, {})).status).toBe(200)
    const after = await a.agent.get(`/contests/${s.contestId}/leaderboard/me`)
    expect(after.body).toMatchObject({ entry: { rank: 1, final: true, prizes: [{ roundId: s.roundId, roundTitle: 'Tuần 1', rank: 1, name: 'Giải Nhất' }] }, total: 2 })
    expect((await b.agent.get(`/contests/${s.contestId}/leaderboard/me`)).body).toMatchObject({ entry: { rank: 2, final: true, prizes: [] } })
    expect((await c.agent.get(`/contests/${s.contestId}/leaderboard/me`)).body).toMatchObject({ entry: null, total: 2 })
    expect((await t.agent().get(`/contests/${s.contestId}/leaderboard/me`)).status).toBe(401)
  })
})

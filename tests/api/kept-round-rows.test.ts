import { describe, expect, it } from 'vitest'
import { testApp } from '../helpers/app'
import { setupContest } from '../helpers/contest'

const iso = (ms: number) => new Date(ms).toISOString()

// Board reads keep the round's row in memory between changes (api/standings/standings.ts, keptRound): each
// change to a round or its contest is in the change log, and the next read follows it.
describe('the round rows board reads keep', () => {
  it('follow a round edit at the next read', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const board = () => t.agent().get(`/rounds/${s.roundId}/leaderboard?limit=5`)
    expect((await board()).body.round.frozen).toBe(false)
    expect((await board()).body.round.frozen).toBe(false) // kept now
    const edit = await s.org.patch(`/admin/rounds/${s.roundId}`, { freezeAt: iso(t.clock.now() - 1000) })
    expect(edit.status, edit.text).toBe(200)
    expect((await board()).body.round.frozen).toBe(true)
    for (const path of ['/leaderboard/me', '/units-leaderboard']) expect((await t.agent().get(`/rounds/${s.roundId}${path}`)).status).not.toBe(500)
  })

  it('follow a contest put back to draft: its boards are gone at the next read, and back when published', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const board = () => t.agent().get(`/rounds/${s.roundId}/leaderboard?limit=5`)
    expect((await board()).status).toBe(200)
    expect((await board()).status).toBe(200)
    const draft = await s.org.patch(`/admin/contests/${s.contestId}`, { status: 'draft' })
    expect(draft.status, draft.text).toBe(200)
    expect((await board()).status).toBe(404)
    expect((await t.agent().get(`/rounds/${s.roundId}/units-leaderboard`)).status).toBe(404)
    expect((await s.org.post(`/admin/contests/${s.contestId}/publish`)).status).toBe(200)
    expect((await board()).status).toBe(200)
  })
})

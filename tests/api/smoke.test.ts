import { describe, expect, it } from 'vitest'
import { testApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt } from '../helpers/contest'

describe('smoke', () => {
  it('a participant takes a round and sees a score', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const p = await registerPerson(t, s.unit.A1)
    const attempt = await takeAttempt(t, p.agent, s.roundId, 3)
    const res = await p.agent.post(`/attempts/${attempt.id}/submit`, {})
    expect(res.status).toBe(200)
    expect(res.body.result).toMatchObject({ score: 3, maxScore: 5, correctCount: 3 })
    const board = await t.agent().get(`/rounds/${s.roundId}/leaderboard`)
    expect(board.status).toBe(200)
    expect(board.body.entries[0]).toMatchObject({ rank: 1, participantId: p.id, score: 3 })
  })
})

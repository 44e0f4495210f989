import { describe, expect, it } from 'vitest'
import { testApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt } from '../helpers/contest'

// Prize tiers with a minScore (issue 15): an entry below a tier's threshold takes none of its places, the
// tier stays partly empty and the next tier starts from that entry.
describe('prize tiers with minScore', () => {
  it('leaves tiers partly empty after finalize and shows the thresholds in the round', async () => {
    const t = testApp()
    const prizes = [{ name: 'Giải Nhất', count: 1, minScore: 5 }, { name: 'Giải Nhì', count: 2, minScore: 4 }, { name: 'Giải Ba', count: 3, minScore: 1.5 }]
    const s = await setupContest(t, { bank: { t1: 5 }, round: { questionCount: 5, prizes } })
    const round = await t.agent().get(`/rounds/${s.roundId}`)
    expect(round.body.round.prizes).toEqual(prizes)

    // Five people, 5, 4, 3, 2 and 0 answers right (one point each).
    const people: Awaited<ReturnType<typeof registerPerson>>[] = []
    for (const [i, right] of [5, 4, 3, 2, 0].entries()) {
      const p = await registerPerson(t, s.unit.B, { fullName: `Thí Sinh ${i}` })
      const a = await takeAttempt(t, p.agent, s.roundId, right)
      t.clock.advance(10_000)
      expect((await p.agent.post(`/attempts/${a.id}/submit`, {})).status).toBe(200)
      people.push(p)
    }
    t.clock.advance(25 * 3600_000)
    expect((await s.judge.post(`/admin/rounds/${s.roundId}/finalize`, {})).status).toBe(200)

    const list = await t.agent().get(`/rounds/${s.roundId}/prizes`)
    expect(list.body.prizes.map((p: { name: string; participantId: string; rank: number }) => [p.name, p.participantId, p.rank])).toEqual([
      ['Giải Nhất', people[0].id, 1],
      ['Giải Nhì', people[1].id, 2],
      ['Giải Ba', people[2].id, 3],
      ['Giải Ba', people[3].id, 4],
    ])
    const last = await people[4].agent.get(`/rounds/${s.roundId}/leaderboard/me`)
    expect([last.body.entry.rank, last.body.entry.prize]).toEqual([5, null])
  })

  it('refuses minScore on unit prizes and a negative minScore', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 5 } })
    const unit = await s.org.patch(`/admin/rounds/${s.roundId}`, { unitPrizes: [{ name: 'Giải tập thể', count: 1, minScore: 3 }] })
    expect(unit.status).toBe(400)
    expect(unit.text).toContain('minScore')
    expect((await s.org.patch(`/admin/rounds/${s.roundId}`, { prizes: [{ name: 'Giải Nhất', count: 1, minScore: -1 }] })).status).toBe(400)
    const ok = await s.org.patch(`/admin/rounds/${s.roundId}`, { prizes: [{ name: 'Giải Nhất', count: 1, minScore: 0.5 }], unitPrizes: [{ name: 'Giải tập thể', count: 1 }] })
    expect(ok.status).toBe(200)
    expect(ok.body.round.prizes).toEqual([{ name: 'Giải Nhất', count: 1, minScore: 0.5 }])
  })
})

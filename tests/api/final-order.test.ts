import { describe, expect, it } from 'vitest'
import { testApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt } from '../helpers/contest'

// The reported scenario: nine people tied on score in a round with the prediction question. The quickest
// guessed worst, so the live order (no prediction) and the final order (prediction first) differ at the top.
describe('after finalize every view shows the locked order', () => {
  it('judge table, public board, own entries, results CSV and prize list agree on the winner', async () => {
    const t = testApp()
    const s = await setupContest(t, {
      bank: { t1: 5 },
      round: { questionCount: 5, prediction: { enabled: true, target: 'participants' }, prizes: [{ name: 'Giải Nhất', count: 1 }, { name: 'Giải Nhì', count: 1 }, { name: 'Giải Ba', count: 1 }] },
    })
    const people: Awaited<ReturnType<typeof registerPerson>>[] = []
    for (let i = 0; i < 9; i++) people.push(await registerPerson(t, i % 2 ? s.unit.A1 : s.unit.B, { fullName: `Thí Sinh ${i}` }))
    // Person i takes 10 + i seconds and predicts 9 + (8 - i) * 3 (the truth is 9 finishers): the quickest
    // is furthest off, the slowest exact.
    for (const [i, p] of people.entries()) {
      const a = await takeAttempt(t, p.agent, s.roundId, 5)
      t.clock.advance((10 + i) * 1000)
      expect((await p.agent.post(`/attempts/${a.id}/submit`, { prediction: 9 + (8 - i) * 3 })).status).toBe(200)
    }
    const liveOrder = people.map((p) => p.id)
    const provisional = (await people[0].agent.get(`/rounds/${s.roundId}/leaderboard/me`)).body.entry
    expect([provisional.rank, provisional.final, provisional.prize]).toEqual([1, false, null])
    expect((await s.judge.get(`/admin/rounds/${s.roundId}/standings`)).body.entries.map((e: { participantId: string }) => e.participantId)).toEqual(liveOrder)

    t.clock.advance(25 * 3600_000)
    const fin = await s.judge.post(`/admin/rounds/${s.roundId}/finalize`, {})
    expect(fin.status).toBe(200)
    expect(fin.body.predictionTruth).toBe(9)
    const finalOrder = [...liveOrder].reverse()

    const judge = await s.judge.get(`/admin/rounds/${s.roundId}/standings`)
    expect(judge.body.final).toBe(true)
    expect(judge.body.entries.map((e: { participantId: string }) => e.participantId)).toEqual(finalOrder)
    expect(judge.body.entries.map((e: { predictionError: number }) => e.predictionError)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24])

    const board = await t.agent().get(`/rounds/${s.roundId}/leaderboard?limit=50`)
    expect(board.body.entries.map((e: { participantId: string }) => e.participantId)).toEqual(finalOrder)
    const prizeOf = ['Giải Nhất', 'Giải Nhì', 'Giải Ba']
    for (const [rank, p] of finalOrder.entries()) {
      const me = await people.find((x) => x.id === p)!.agent.get(`/rounds/${s.roundId}/leaderboard/me`)
      expect([me.body.entry.rank, me.body.entry.final, me.body.entry.prize]).toEqual([rank + 1, true, prizeOf[rank] ?? null])
    }

    const csv = await s.judge.get(`/admin/rounds/${s.roundId}/results.csv`)
    const lines = csv.text.split('\r\n')
    const names = lines.slice(1, lines.indexOf('')).map((line) => line.split(',')[1])
    expect(names).toEqual(finalOrder.map((id) => `Thí Sinh ${people.findIndex((p) => p.id === id)}`))
    expect(lines[1].split(',')[9]).toBe('Giải Nhất')

    const prizes = await t.agent().get(`/rounds/${s.roundId}/prizes`)
    expect(prizes.body.prizes.map((p: { name: string; participantId: string }) => [p.name, p.participantId])).toEqual([
      ['Giải Nhất', finalOrder[0]], ['Giải Nhì', finalOrder[1]], ['Giải Ba', finalOrder[2]],
    ])
    expect(fin.body.prizes.map((p: { participantId: string }) => p.participantId)).toEqual(finalOrder.slice(0, 3))
  })
})

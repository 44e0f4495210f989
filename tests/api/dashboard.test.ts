import { describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt, type Setup } from '../helpers/contest'

// The contest dashboard (issue 15): per Hà Nội day, per unit over headcount, per round.
async function finish(t: TestApp, s: Setup, unitId: string, right: number, name: string) {
  const p = await registerPerson(t, unitId, { fullName: name })
  const a = await takeAttempt(t, p.agent, s.roundId, right)
  t.clock.advance(60_000)
  expect((await p.agent.post(`/attempts/${a.id}/submit`, {})).status).toBe(200)
  return p
}

describe('GET /admin/contests/:contestId/dashboard', () => {
  it('counts registrations and attempts per Hà Nội day across midnight UTC+7', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 10 }, round: { questionCount: 5 } })
    // 23:30 on 02/03 in Hà Nội (16:30 UTC), then 00:30 on 03/03 in Hà Nội, still 02/03 in UTC.
    t.clock.set('2026-03-02T16:30:00Z')
    await finish(t, s, s.unit.A1, 5, 'Trước Nửa Đêm')
    t.clock.set('2026-03-02T17:30:00Z')
    await finish(t, s, s.unit.A2, 3, 'Sau Nửa Đêm Một')
    const late = await registerPerson(t, s.unit.A2, { fullName: 'Sau Nửa Đêm Hai' })
    await takeAttempt(t, late.agent, s.roundId, 1) // started, never submitted

    const res = await s.org.get(`/admin/contests/${s.contestId}/dashboard`)
    expect(res.status).toBe(200)
    expect(res.body.days).toEqual([
      { day: '2026-03-02', registrations: 1, attemptsStarted: 1, attemptsFinished: 1 },
      { day: '2026-03-03', registrations: 2, attemptsStarted: 2, attemptsFinished: 1 },
    ])
    expect(res.body.rounds).toEqual([expect.objectContaining({
      id: s.roundId, status: 'open', attempts: 3, finished: 2, participants: 2, meanScore: 4, maxScore: 5,
    })])
  })

  it('gives participation per unit over its headcount, rolled up the tree, furthest behind first', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 10 }, round: { questionCount: 5 } })
    // Headcounts: A1 10, A2 5, B 20; A has none (its children's 15), K none (35).
    await finish(t, s, s.unit.A1, 2, 'Người A1')
    await finish(t, s, s.unit.A2, 3, 'Người A2 Một')
    await finish(t, s, s.unit.A2, 4, 'Người A2 Hai')
    await registerPerson(t, s.unit.B, { fullName: 'Chưa Thi B' })
    // A disqualified participant counts toward no unit.
    const dq = await finish(t, s, s.unit.B, 5, 'Bị Truất Quyền')
    expect((await s.judge.post(`/admin/rounds/${s.roundId}/disqualify`, { participantId: dq.id, reason: 'Khai sai thông tin' })).status).toBe(200)

    const res = await s.judge.get(`/admin/contests/${s.contestId}/dashboard`)
    expect(res.status).toBe(200)
    const units = res.body.units.map((u: Record<string, unknown>) => [u.unitName, u.participants, u.headcount, u.registered, u.depth])
    expect(units).toEqual([
      ['Đảng bộ Cơ sở Bình', 0, 20, 2, 1],
      ['Đảng bộ Khối Thử nghiệm', 3, 35, 5, 0],
      ['Chi bộ An Một', 1, 10, 1, 2],
      ['Đảng bộ Cơ sở An', 3, 15, 3, 1],
      ['Chi bộ An Hai', 2, 5, 2, 2],
    ])
    expect(res.body.units.map((u: { participationRate: number }) => u.participationRate)).toEqual([0, 3 / 35, 0.1, 0.2, 0.4])
    expect(res.body.rounds[0]).toMatchObject({ participants: 3, meanScore: 3, attempts: 4, finished: 4 })
  })

  it('lists a unit without a headcount after every unit with a rate', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 10 }, round: { questionCount: 5 } })
    const units = await s.org.post(`/admin/contests/${s.contestId}/units`, { units: [{ code: 'C', name: 'Đơn vị Không Số', parentCode: 'K' }] })
    expect(units.status).toBe(200)
    const res = await s.org.get(`/admin/contests/${s.contestId}/dashboard`)
    expect(res.body.units.at(-1)).toMatchObject({ unitName: 'Đơn vị Không Số', headcount: null, participationRate: null })
  })

  it('refuses participants and anonymous callers, and answers 404 for an unknown contest', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 10 }, round: { questionCount: 5 } })
    const p = await registerPerson(t, s.unit.A1)
    expect((await p.agent.get(`/admin/contests/${s.contestId}/dashboard`)).status).toBe(403)
    expect((await t.agent().get(`/admin/contests/${s.contestId}/dashboard`)).status).toBe(401)
    const missing = await s.org.get('/admin/contests/khong-co/dashboard')
    expect(missing.status).toBe(404)
    expect(missing.body.error.message).toMatch(/cuộc thi/)
  })
})

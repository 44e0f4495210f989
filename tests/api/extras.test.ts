import { describe, expect, it } from 'vitest'
import { testApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt } from '../helpers/contest'

describe('console reads', () => {
  it('answers unknown /api paths with a JSON 404, never the web page', async () => {
    const { createRoot } = await import('../../api/root')
    const t = testApp()
    const res = await createRoot(t.app, '/nonexistent').request('/api/no/such/route')
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('NOT_FOUND')
  })

  it('edits a contest, reads the units of a draft contest and a round, and keeps unit fields that are left out', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const draft = await s.org.post('/admin/contests', { title: 'Bản nháp' })
    const id = draft.body.contest.id
    await s.org.post(`/admin/contests/${id}/units`, { units: [{ code: 'X', name: 'Đơn vị X', headcount: 9 }, { code: 'Y', name: 'Đơn vị Y', parentCode: 'X', headcount: 3 }] })
    expect((await t.agent().get(`/contests/${id}/units`)).status).toBe(404)
    await s.org.post(`/admin/contests/${id}/units`, { units: [{ code: 'Y', name: 'Đơn vị Y mới' }] })
    const units = await s.judge.get(`/admin/contests/${id}/units`)
    const y = units.body.units.find((u: { code: string }) => u.code === 'Y')
    expect(y).toMatchObject({ name: 'Đơn vị Y mới', headcount: 3 })
    expect(y.parentId).toBe(units.body.units.find((u: { code: string }) => u.code === 'X').id)
    const patched = await s.org.patch(`/admin/contests/${id}`, { title: 'Tên mới', rules: 'Thể lệ mới', status: 'archived' })
    expect(patched.body.contest).toMatchObject({ title: 'Tên mới', rules: 'Thể lệ mới', status: 'archived' })
    const round = await t.agent().get(`/rounds/${s.roundId}`)
    expect(round.body.round).toMatchObject({ id: s.roundId, status: 'open', unitPrizes: [] })
  })

  it('lists the locked prizes after finalize, shows activity and finds people by phone in any form', async () => {
    const t = testApp()
    const s = await setupContest(t, { round: { prizes: [{ name: 'Giải Nhất', count: 1 }], unitPrizes: [{ name: 'Giải tập thể', count: 1 }] } })
    const p = await registerPerson(t, s.unit.A1, { fullName: 'Phạm Thị Lan' })
    const a = await takeAttempt(t, p.agent, s.roundId, 4)
    await p.agent.post(`/attempts/${a.id}/submit`, {})
    expect((await t.agent().get(`/rounds/${s.roundId}/prizes`)).body).toMatchObject({ finalized: false, prizes: [] })
    t.clock.advance(25 * 3600_000)
    await s.judge.post(`/admin/rounds/${s.roundId}/finalize`, {})
    const prizes = await t.agent().get(`/rounds/${s.roundId}/prizes`)
    expect(prizes.body.prizes).toEqual([expect.objectContaining({ rank: 1, name: 'Giải Nhất', participantId: p.id, fullName: 'Phạm Thị Lan' })])
    expect(prizes.body.unitPrizes).toHaveLength(1)
    const activity = await s.judge.get(`/admin/rounds/${s.roundId}/activity?bucketMinutes=1440`)
    // One attempt started and finished on the same Hà Nội day: one bucket starting at local midnight.
    expect(activity.body.buckets).toHaveLength(1)
    expect(activity.body.buckets[0]).toMatchObject({ started: 1, finished: 1 })
    expect(activity.body.buckets[0].at).toMatch(/T17:00:00\.000Z$/)
    const spaced = `${p.phone.slice(0, 4)} ${p.phone.slice(4, 7)} ${p.phone.slice(7)}`
    const found = await s.org.get(`/admin/participants?q=${encodeURIComponent(spaced)}`)
    expect(found.body.participants.map((x: { id: string }) => x.id)).toEqual([p.id])
    const byName = await s.org.get(`/admin/participants?q=${encodeURIComponent('pham thi')}`)
    expect(byName.body.participants[0]).toMatchObject({ id: p.id, fullName: 'Phạm Thị Lan' })
  })
})

describe('contest board across finalized and open rounds', () => {
  it('keeps the same totals after one round is finalized', async () => {
    const t = testApp()
    const now = t.clock.now()
    const s = await setupContest(t, { round: { closesAt: new Date(now + 3600_000).toISOString() } })
    const r2 = await s.org.post(`/admin/contests/${s.contestId}/rounds`, { title: 'Tuần 2', opensAt: new Date(now).toISOString(), closesAt: new Date(now + 48 * 3600_000).toISOString(), questionCount: 5 })
    const p = await registerPerson(t, s.unit.A1)
    const q = await registerPerson(t, s.unit.B)
    for (const [roundId, rp, rq] of [[s.roundId, 2, 5], [r2.body.round.id, 5, 1]] as const) {
      for (const [who, right] of [[p, rp], [q, rq]] as const) {
        const a = await takeAttempt(t, who.agent, roundId, right)
        await who.agent.post(`/attempts/${a.id}/submit`, {})
      }
    }
    const before = (await t.agent().get(`/contests/${s.contestId}/leaderboard`)).body.entries
    t.clock.advance(2 * 3600_000)
    expect((await s.judge.post(`/admin/rounds/${s.roundId}/finalize`, {})).status).toBe(200)
    const after = (await t.agent().get(`/contests/${s.contestId}/leaderboard`)).body.entries
    expect(after.map((e: { participantId: string; score: number }) => [e.participantId, e.score])).toEqual([[p.id, 7], [q.id, 6]])
    expect(after).toEqual(before)
    const units = await t.agent().get(`/contests/${s.contestId}/units-leaderboard`)
    expect(units.body.entries.find((e: { unitId: string }) => e.unitId === s.unit.K)).toMatchObject({ participants: 2, attempts: 4 })
    // Later finishes in the open round move the board that was already read: a newcomer, and q overtaking p.
    const n = await registerPerson(t, s.unit.B)
    for (const [who, right] of [[n, 3], [q, 5]] as const) {
      const a = await takeAttempt(t, who.agent, r2.body.round.id, right)
      await who.agent.post(`/attempts/${a.id}/submit`, {})
    }
    const moved = (await t.agent().get(`/contests/${s.contestId}/leaderboard`)).body
    expect(moved.total).toBe(3)
    expect(moved.entries.map((e: { rank: number; participantId: string; score: number }) => [e.rank, e.participantId, e.score])).toEqual([[1, q.id, 10], [2, p.id, 7], [3, n.id, 3]])
    const unitsAfter = await t.agent().get(`/contests/${s.contestId}/units-leaderboard`)
    expect(unitsAfter.body.entries.find((e: { unitId: string }) => e.unitId === s.unit.K)).toMatchObject({ participants: 3, attempts: 6 })
  })
})

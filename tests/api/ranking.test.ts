import { describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt, type Setup } from '../helpers/contest'

const iso = (ms: number) => new Date(ms).toISOString()
type Person = Awaited<ReturnType<typeof registerPerson>>

async function board(t: TestApp, roundId: string) {
  const res = await t.agent().get(`/rounds/${roundId}/leaderboard?limit=100`)
  expect(res.status).toBe(200)
  return res.body as { round: { frozen: boolean; status: string }; total: number; entries: { rank: number; participantId: string; score: number; durationMs: number; predictionError?: number | null }[] }
}

const order = async (t: TestApp, roundId: string) => (await board(t, roundId)).entries.map((e) => e.participantId)

async function closeRound(t: TestApp) {
  t.clock.advance(25 * 3600_000)
}

// P1 starts first and ends first but takes longer; P2 starts later, is quicker, ends later. Same score.
async function durationVersusEnd(t: TestApp, s: Setup): Promise<[Person, Person]> {
  const p1 = await registerPerson(t, s.unit.A1)
  const p2 = await registerPerson(t, s.unit.B)
  const a1 = await takeAttempt(t, p1.agent, s.roundId, 3)
  t.clock.advance(80_000)
  const a2 = await takeAttempt(t, p2.agent, s.roundId, 3)
  t.clock.advance(20_000)
  await p1.agent.post(`/attempts/${a1.id}/submit`, {})
  t.clock.advance(50_000)
  await p2.agent.post(`/attempts/${a2.id}/submit`, {})
  return [p1, p2]
}

describe('ranking', () => {
  it('orders equal scores by duration or by end time as the round chooses, in either order', async () => {
    const t = testApp()
    const s = await setupContest(t, { round: { tiebreak: ['duration', 'submittedAt'] } })
    const [p1, p2] = await durationVersusEnd(t, s)
    expect(await order(t, s.roundId)).toEqual([p2.id, p1.id])
    await s.org.patch(`/admin/rounds/${s.roundId}`, { tiebreak: ['submittedAt', 'duration'] })
    expect(await order(t, s.roundId)).toEqual([p1.id, p2.id])
    const entries = (await board(t, s.roundId)).entries
    expect(entries.map((e) => e.rank)).toEqual([1, 2])
    expect(entries.find((e) => e.participantId === p1.id)?.durationMs).toBe(100_000)
  })

  it('ranks a higher score first whatever the times', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const slow = await registerPerson(t, s.unit.A1)
    const fast = await registerPerson(t, s.unit.A1)
    const a = await takeAttempt(t, slow.agent, s.roundId, 5)
    t.clock.advance(500_000)
    await slow.agent.post(`/attempts/${a.id}/submit`, {})
    const b = await takeAttempt(t, fast.agent, s.roundId, 4)
    await fast.agent.post(`/attempts/${b.id}/submit`, {})
    expect(await order(t, s.roundId)).toEqual([slow.id, fast.id])
  })

  it('uses the start order as the last tie-break', async () => {
    const t = testApp()
    const s = await setupContest(t, { round: { tiebreak: ['duration'] } })
    const first = await registerPerson(t, s.unit.A1)
    const second = await registerPerson(t, s.unit.A1)
    const a = await takeAttempt(t, first.agent, s.roundId, 2)
    const b = await takeAttempt(t, second.agent, s.roundId, 2)
    await second.agent.post(`/attempts/${b.id}/submit`, {})
    await first.agent.post(`/attempts/${a.id}/submit`, {})
    expect(await order(t, s.roundId)).toEqual([first.id, second.id])
  })

  it('ranks only the best attempt of each participant', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const p = await registerPerson(t, s.unit.A1)
    const other = await registerPerson(t, s.unit.B)
    for (const right of [2, 4, 1]) {
      const a = await takeAttempt(t, p.agent, s.roundId, right)
      await p.agent.post(`/attempts/${a.id}/submit`, {})
    }
    const o = await takeAttempt(t, other.agent, s.roundId, 3)
    await other.agent.post(`/attempts/${o.id}/submit`, {})
    const b = await board(t, s.roundId)
    expect(b.total).toBe(2)
    expect(b.entries.map((e) => [e.participantId, e.score])).toEqual([[p.id, 4], [other.id, 3]])
    const me = await p.agent.get(`/rounds/${s.roundId}/leaderboard/me`)
    expect(me.body.entry).toMatchObject({ rank: 1, score: 4 })
  })

  it('ranks by prediction error at finalize, no prediction last, and keeps it out of the provisional board', async () => {
    const t = testApp()
    const s = await setupContest(t, { round: { prediction: { enabled: true, target: 'attempts' }, tiebreak: ['prediction', 'duration'] } })
    const people = await Promise.all([1, 2, 3, 4].map(() => registerPerson(t, s.unit.A1)))
    const predictions = [10, 4, undefined, 3]
    for (const [i, p] of people.entries()) {
      const a = await takeAttempt(t, p.agent, s.roundId, 3)
      t.clock.advance(1000 * (4 - i))
      await p.agent.post(`/attempts/${a.id}/submit`, predictions[i] === undefined ? {} : { prediction: predictions[i] })
    }
    // Provisional: duration only (person 4 was quickest).
    expect((await order(t, s.roundId))[0]).toBe(people[3].id)
    await closeRound(t)
    const fin = await s.judge.post(`/admin/rounds/${s.roundId}/finalize`, {})
    expect(fin.status).toBe(200)
    expect(fin.body.predictionTruth).toBe(4)
    const final = await board(t, s.roundId)
    expect(final.entries.map((e) => e.participantId)).toEqual([people[1].id, people[3].id, people[0].id, people[2].id])
    expect(final.entries.map((e) => e.predictionError)).toEqual([0, 1, 6, null])
  })

  it('ranks time before prediction when the round says so', async () => {
    const t = testApp()
    const s = await setupContest(t, { round: { prediction: { enabled: true, target: 'participants' }, tiebreak: ['duration', 'prediction'] } })
    const good = await registerPerson(t, s.unit.A1)
    const quick = await registerPerson(t, s.unit.A1)
    const a = await takeAttempt(t, good.agent, s.roundId, 3)
    t.clock.advance(60_000)
    await good.agent.post(`/attempts/${a.id}/submit`, { prediction: 2 })
    const b = await takeAttempt(t, quick.agent, s.roundId, 3)
    t.clock.advance(10_000)
    await quick.agent.post(`/attempts/${b.id}/submit`, { prediction: 50 })
    await closeRound(t)
    await s.judge.post(`/admin/rounds/${s.roundId}/finalize`, {})
    expect(await order(t, s.roundId)).toEqual([quick.id, good.id])
  })
})

describe('prediction truth', () => {
  async function truthFor(target: string) {
    const t = testApp()
    const s = await setupContest(t, { round: { prediction: { enabled: true, target }, maxAttempts: null } })
    const perfect = await registerPerson(t, s.unit.A1)
    const twice = await registerPerson(t, s.unit.A1)
    const cheat = await registerPerson(t, s.unit.B)
    const idle = await registerPerson(t, s.unit.B)
    for (const [p, rights] of [[perfect, [5, 5]], [twice, [2, 3]], [cheat, [5]]] as const) {
      for (const r of rights) {
        const a = await takeAttempt(t, p.agent, s.roundId, r)
        await p.agent.post(`/attempts/${a.id}/submit`, { prediction: 1 })
      }
    }
    await idle.agent.post(`/rounds/${s.roundId}/attempts`, {}) // in progress: expires at close, counts as finished
    await s.judge.post(`/admin/rounds/${s.roundId}/disqualify`, { participantId: cheat.id, reason: 'Cán bộ ban tổ chức' })
    await closeRound(t)
    const res = await s.judge.post(`/admin/rounds/${s.roundId}/finalize`, {})
    expect(res.status).toBe(200)
    return res.body.predictionTruth
  }

  it('counts distinct participants with a finished attempt, without the disqualified', async () => {
    expect(await truthFor('participants')).toBe(3)
  })
  it('counts distinct participants with a perfect score', async () => {
    expect(await truthFor('perfect_scores')).toBe(1)
  })
  it('counts finished attempts', async () => {
    expect(await truthFor('attempts')).toBe(5)
  })
})

describe('finalize, prizes, disqualification', () => {
  it('refuses to finalize before closesAt plus grace', async () => {
    const t = testApp()
    const s = await setupContest(t, { round: { graceSec: 3 } })
    const res = await s.judge.post(`/admin/rounds/${s.roundId}/finalize`, {})
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('ROUND_NOT_CLOSED')
  })

  it('gives one prize per person across rounds when the contest says so, the next in rank taking the place', async () => {
    const t = testApp()
    const now = t.clock.now()
    const s = await setupContest(t, { contest: { onePrizePerPerson: true }, round: { prizes: [{ name: 'Nhất', count: 1 }, { name: 'Nhì', count: 1 }] } })
    const r2 = await s.org.post(`/admin/contests/${s.contestId}/rounds`, { title: 'Tuần 2', opensAt: iso(now), closesAt: iso(now + 48 * 3600_000), questionCount: 5, prizes: [{ name: 'Nhất', count: 1 }, { name: 'Nhì', count: 1 }] })
    expect(r2.status).toBe(201)
    const people = await Promise.all([0, 1, 2].map(() => registerPerson(t, s.unit.A1)))
    for (const roundId of [s.roundId, r2.body.round.id]) {
      for (const [i, p] of people.entries()) {
        const a = await takeAttempt(t, p.agent, roundId, 5 - i)
        await p.agent.post(`/attempts/${a.id}/submit`, {})
      }
    }
    const dq = await s.judge.post(`/admin/rounds/${s.roundId}/disqualify`, { participantId: people[0].id, reason: 'Khai sai thông tin' })
    expect(dq.status).toBe(200)
    await closeRound(t)
    const f1 = await s.judge.post(`/admin/rounds/${s.roundId}/finalize`, {})
    expect(f1.body.prizes).toEqual([{ name: 'Nhất', participantId: people[1].id, rank: 1 }, { name: 'Nhì', participantId: people[2].id, rank: 2 }])
    expect((await s.judge.delete(`/admin/rounds/${s.roundId}/disqualify/${people[0].id}`)).status).toBe(409)
    t.clock.advance(24 * 3600_000)
    const f2 = await s.judge.post(`/admin/rounds/${r2.body.round.id}/finalize`, {})
    expect(f2.body.prizes).toEqual([{ name: 'Nhất', participantId: people[0].id, rank: 1 }])
    expect(typeof f2.body.auditHead).toBe('string')
    expect(f2.body.auditHead).toHaveLength(64)
  })

  it('takes a disqualified participant out of the ranking and puts them back on undo', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const a = await registerPerson(t, s.unit.A1)
    const b = await registerPerson(t, s.unit.A1)
    for (const [p, r] of [[a, 5], [b, 3]] as const) {
      const at = await takeAttempt(t, p.agent, s.roundId, r)
      await p.agent.post(`/attempts/${at.id}/submit`, {})
    }
    await s.judge.post(`/admin/rounds/${s.roundId}/disqualify`, { participantId: a.id, reason: 'Đăng ký hai tài khoản' })
    expect(await order(t, s.roundId)).toEqual([b.id])
    const standings = await s.judge.get(`/admin/rounds/${s.roundId}/standings`)
    expect(standings.body.entries.find((e: { participantId: string }) => e.participantId === a.id)).toMatchObject({ disqualified: true })
    expect((await s.judge.delete(`/admin/rounds/${s.roundId}/disqualify/${a.id}`)).status).toBe(204)
    expect(await order(t, s.roundId)).toEqual([a.id, b.id])
  })
})

describe('freeze', () => {
  it('shows the public the board as of freezeAt while judges see it live; finalize lifts the freeze', async () => {
    const t = testApp()
    const now = t.clock.now()
    const s = await setupContest(t, { round: { freezeAt: iso(now + 600_000) } })
    const early = await registerPerson(t, s.unit.A1)
    const late = await registerPerson(t, s.unit.A1)
    const a = await takeAttempt(t, early.agent, s.roundId, 2)
    await early.agent.post(`/attempts/${a.id}/submit`, {})
    t.clock.advance(700_000)
    const b = await takeAttempt(t, late.agent, s.roundId, 5)
    await late.agent.post(`/attempts/${b.id}/submit`, {})
    const pub = await board(t, s.roundId)
    expect(pub.round.frozen).toBe(true)
    expect(pub.entries.map((e) => e.participantId)).toEqual([early.id])
    const live = await s.judge.get(`/admin/rounds/${s.roundId}/standings`)
    expect(live.body.entries.map((e: { participantId: string }) => e.participantId)).toEqual([late.id, early.id])
    await closeRound(t)
    await s.judge.post(`/admin/rounds/${s.roundId}/finalize`, {})
    const fin = await board(t, s.roundId)
    expect(fin.round).toMatchObject({ frozen: false, status: 'finalized' })
    expect(fin.entries.map((e) => e.participantId)).toEqual([late.id, early.id])
  })
})

describe('regrade', () => {
  it('rescoring with a corrected key changes scores and order; refinalizing locks the new order', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 5 }, round: { questionCount: 5 } })
    const a = await registerPerson(t, s.unit.A1)
    const b = await registerPerson(t, s.unit.A1)
    // Both answer the same five questions; they differ only on question t1-q1: a picks the key A, b picks B.
    const choose = (who: 'a' | 'b') => (attemptId: string) => async (pos: number) => {
      const qid = (await t.one<{ q: string; o: string }>('SELECT i.question_id AS "q", i.option_order AS "o" FROM attempt_items i JOIN attempts x ON x.seq = i.attempt_seq WHERE x.id = ? AND i.position = ?', attemptId, pos))!
      const order: string[] = JSON.parse(qid.o)
      const want = qid.q === 't1-q1' && who === 'b' ? 'B' : 'A'
      return [String.fromCharCode(65 + order.indexOf(want))]
    }
    for (const [p, who] of [[a, 'a'], [b, 'b']] as const) {
      const start = await p.agent.post(`/rounds/${s.roundId}/attempts`, {})
      const id = start.body.attempt.id
      for (let pos = 1; pos <= 5; pos++) await p.agent.put(`/attempts/${id}/items/${pos}`, { choice: await choose(who)(id)(pos) })
      await p.agent.post(`/attempts/${id}/submit`, {})
    }
    expect((await board(t, s.roundId)).entries.map((e) => [e.participantId, e.score])).toEqual([[a.id, 5], [b.id, 4]])
    await closeRound(t)
    await s.judge.post(`/admin/rounds/${s.roundId}/finalize`, {})
    const contestScores = async () => (await t.agent().get(`/contests/${s.contestId}/leaderboard`)).body.entries.map((e: { participantId: string; score: number }) => [e.participantId, e.score])
    expect(await contestScores()).toEqual([[a.id, 5], [b.id, 4]])
    const fix = await s.org.patch('/admin/questions/t1-q1', { correct: ['B'] })
    expect(fix.status).toBe(200)
    expect(fix.body.question.revision).toBe(2)
    const re = await s.judge.post(`/admin/rounds/${s.roundId}/regrade`, { questionId: 't1-q1' })
    expect(re.body).toMatchObject({ rescored: 2 })
    // The finalized public board keeps its order until a judge finalizes again; the scores shown, here and on
    // the contest board, are the attempts' new ones.
    expect((await board(t, s.roundId)).entries.map((e) => [e.participantId, e.score])).toEqual([[a.id, 4], [b.id, 5]])
    expect((await contestScores()).sort()).toEqual([[a.id, 4], [b.id, 5]].sort())
    await s.judge.post(`/admin/rounds/${s.roundId}/finalize`, {})
    expect((await board(t, s.roundId)).entries.map((e) => [e.participantId, e.score])).toEqual([[b.id, 5], [a.id, 4]])
    const log = (await t.one<{ n: number }>('SELECT count(*) AS "n" FROM audit_log WHERE action = ?', 'round.regrade'))!
    expect(log.n).toBe(1)
  })
})

describe('units board', () => {
  it('rolls participants up the unit tree with headcounts and participation rates', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const placed = [s.unit.A1, s.unit.A1, s.unit.A2, s.unit.B]
    for (const [i, unitId] of placed.entries()) {
      const p = await registerPerson(t, unitId)
      const a = await takeAttempt(t, p.agent, s.roundId, i === 0 ? 5 : 2)
      await p.agent.post(`/attempts/${a.id}/submit`, {})
    }
    await registerPerson(t, s.unit.B) // registered only: not a participant of the round
    const res = await t.agent().get(`/rounds/${s.roundId}/units-leaderboard`)
    const by = Object.fromEntries(res.body.entries.map((e: { unitId: string }) => [e.unitId, e]))
    expect(by[s.unit.K]).toMatchObject({ participants: 4, headcount: 35, attempts: 4, perfectScores: 1 })
    expect(by[s.unit.K].participationRate).toBeCloseTo(4 / 35)
    expect(by[s.unit.A]).toMatchObject({ participants: 3, headcount: 15, participationRate: 0.2 })
    expect(by[s.unit.A].meanScore).toBeCloseTo(3)
    expect(by[s.unit.B]).toMatchObject({ participants: 1, headcount: 20, participationRate: 0.05 })
    const children = await t.agent().get(`/rounds/${s.roundId}/units-leaderboard?parentId=${s.unit.A}`)
    expect(children.body.entries.map((e: { unitId: string }) => e.unitId).sort()).toEqual([s.unit.A1, s.unit.A2].sort())
    const contest = await t.agent().get(`/contests/${s.contestId}/units-leaderboard`)
    expect(contest.body.entries.find((e: { unitId: string }) => e.unitId === s.unit.K)).toMatchObject({ participants: 4 })
  })

  it('follows a participant who moves to another unit on every board, live and locked, and a rename at once', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const p = await registerPerson(t, s.unit.A1)
    const q = await registerPerson(t, s.unit.B)
    for (const [person, right] of [[p, 5], [q, 2]] as const) {
      const a = await takeAttempt(t, person.agent, s.roundId, right)
      await person.agent.post(`/attempts/${a.id}/submit`, {})
    }
    const read = async () => {
      const get = async (path: string) => {
        await t.agent().get(path) // twice: the second read is the one a page cache would answer
        const res = await t.agent().get(path)
        expect(res.status).toBe(200)
        return res.body
      }
      const unitsBy = (entries: { unitId: string; participants: number }[]) => Object.fromEntries(entries.map((e) => [e.unitId, e.participants]))
      const round = await get(`/rounds/${s.roundId}/leaderboard`)
      const contest = await get(`/contests/${s.contestId}/leaderboard`)
      return {
        round: round.entries.find((e: { participantId: string }) => e.participantId === p.id),
        contest: contest.entries.find((e: { participantId: string }) => e.participantId === p.id),
        roundUnits: unitsBy((await get(`/rounds/${s.roundId}/units-leaderboard`)).entries),
        contestUnits: unitsBy((await get(`/contests/${s.contestId}/units-leaderboard`)).entries),
      }
    }
    const before = await read()
    expect(before.round).toMatchObject({ unitId: s.unit.A1, unitName: 'Chi bộ An Một' })
    expect(before.roundUnits).toMatchObject({ [s.unit.A1]: 1, [s.unit.B]: 1, [s.unit.A]: 1 })
    expect((await p.agent.put(`/me/contests/${s.contestId}/unit`, { unitId: s.unit.B })).status).toBe(200)
    const after = await read()
    for (const entry of [after.round, after.contest]) expect(entry).toMatchObject({ unitId: s.unit.B, unitName: 'Đảng bộ Cơ sở Bình', score: 5 })
    for (const units of [after.roundUnits, after.contestUnits]) expect(units).toMatchObject({ [s.unit.A1]: 0, [s.unit.A]: 0, [s.unit.B]: 2, [s.unit.K]: 2 })

    await closeRound(t)
    expect((await s.judge.post(`/admin/rounds/${s.roundId}/finalize`)).status).toBe(200)
    expect((await read()).round).toMatchObject({ rank: 1, unitId: s.unit.B })
    expect((await p.agent.put(`/me/contests/${s.contestId}/unit`, { unitId: s.unit.A2 })).status).toBe(200)
    const locked = await read()
    expect(locked.round).toMatchObject({ rank: 1, unitId: s.unit.A2, unitName: 'Chi bộ An Hai' })
    expect(locked.contest).toMatchObject({ unitId: s.unit.A2 })
    expect(locked.contestUnits).toMatchObject({ [s.unit.A2]: 1, [s.unit.B]: 1 })
    const renamed = await s.org.post(`/admin/contests/${s.contestId}/units`, { units: [{ code: 'A2', name: 'Chi bộ An Hai (mới)' }] })
    expect(renamed.status).toBe(200)
    expect((await read()).round).toMatchObject({ unitId: s.unit.A2, unitName: 'Chi bộ An Hai (mới)' })
  })

  it('sums best scores over rounds for the contest board', async () => {
    const t = testApp()
    const now = t.clock.now()
    const s = await setupContest(t)
    const r2 = await s.org.post(`/admin/contests/${s.contestId}/rounds`, { title: 'Tuần 2', opensAt: iso(now), closesAt: iso(now + 3600_000), questionCount: 5 })
    const p = await registerPerson(t, s.unit.A1)
    const q = await registerPerson(t, s.unit.B)
    for (const [roundId, rp, rq] of [[s.roundId, 2, 5], [r2.body.round.id, 5, 1]] as const) {
      const a = await takeAttempt(t, p.agent, roundId, rp)
      await p.agent.post(`/attempts/${a.id}/submit`, {})
      const b = await takeAttempt(t, q.agent, roundId, rq)
      await q.agent.post(`/attempts/${b.id}/submit`, {})
    }
    const res = await t.agent().get(`/contests/${s.contestId}/leaderboard`)
    expect(res.body.entries.map((e: { participantId: string; score: number; rank: number }) => [e.rank, e.participantId, e.score])).toEqual([[1, p.id, 7], [2, q.id, 6]])
  })

  it('shows each entry with its own name and unit, also for people who registered after the board was first read', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const people = [
      { fullName: 'Lê Thị Ánh Tuyết', unit: s.unit.A1, right: 3 },
      { fullName: 'Phạm Quốc Hưng', unit: s.unit.A2, right: 5 },
      { fullName: 'Đỗ Ngọc Ẩn', unit: s.unit.A1, right: 4 }, // joins after the first read
    ]
    const ids: string[] = []
    const finish = async (i: number) => {
      const p = await registerPerson(t, people[i].unit, { fullName: people[i].fullName })
      ids.push(p.id)
      const a = await takeAttempt(t, p.agent, s.roundId, people[i].right)
      await p.agent.post(`/attempts/${a.id}/submit`, {})
    }
    await finish(0)
    await finish(1)
    const first = await t.agent().get(`/rounds/${s.roundId}/leaderboard`)
    expect(first.body.entries.map((e: { fullName: string }) => e.fullName)).toEqual(['Phạm Quốc Hưng', 'Lê Thị Ánh Tuyết'])
    await finish(2)
    const units = (await t.agent().get(`/contests/${s.contestId}/units`)).body.units as { id: string; name: string }[]
    const unitName = (id: string) => units.find((u) => u.id === id)?.name
    const page = await t.agent().get(`/rounds/${s.roundId}/leaderboard`)
    expect(page.body.entries.map((e: { rank: number; participantId: string; fullName: string; unitId: string; unitName: string }) => [e.rank, e.participantId, e.fullName, e.unitId, e.unitName]))
      .toEqual([[1, ids[1], 'Phạm Quốc Hưng', s.unit.A2, unitName(s.unit.A2)], [2, ids[2], 'Đỗ Ngọc Ẩn', s.unit.A1, unitName(s.unit.A1)], [3, ids[0], 'Lê Thị Ánh Tuyết', s.unit.A1, unitName(s.unit.A1)]])
    expect(unitName(s.unit.A1)).toBeTruthy()
    t.clock.advance(25 * 3600_000)
    expect((await s.judge.post(`/admin/rounds/${s.roundId}/finalize`, {})).status).toBe(200)
    const locked = await t.agent().get(`/rounds/${s.roundId}/leaderboard?limit=2&offset=1`)
    expect(locked.body.total).toBe(3)
    expect(locked.body.entries.map((e: { rank: number; participantId: string; fullName: string; unitId: string; unitName: string }) => [e.rank, e.participantId, e.fullName, e.unitId, e.unitName]))
      .toEqual([[2, ids[2], 'Đỗ Ngọc Ẩn', s.unit.A1, unitName(s.unit.A1)], [3, ids[0], 'Lê Thị Ánh Tuyết', s.unit.A1, unitName(s.unit.A1)]])
  })

  it('filters the board by name or unit with or without diacritics, keeping ranks', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const names = ['Nguyễn Văn Đức', 'Trần Thị Hoa']
    const ids: string[] = []
    for (const [i, fullName] of names.entries()) {
      const p = await registerPerson(t, s.unit.A1, { fullName })
      ids.push(p.id)
      const a = await takeAttempt(t, p.agent, s.roundId, 5 - i)
      await p.agent.post(`/attempts/${a.id}/submit`, {})
    }
    const res = await t.agent().get(`/rounds/${s.roundId}/leaderboard?q=tran thi`)
    expect(res.body.entries.map((e: { rank: number; participantId: string }) => [e.rank, e.participantId])).toEqual([[2, ids[1]]])
    const byUnit = await t.agent().get(`/rounds/${s.roundId}/leaderboard?q=${encodeURIComponent('chi bo an mot')}`)
    expect(byUnit.body.total).toBe(2)
    const duc = await t.agent().get(`/rounds/${s.roundId}/leaderboard?q=duc`)
    expect(duc.body.entries[0].participantId).toBe(ids[0])
    // The contest-wide board filters the same way, by its own ranks.
    const contest = (q: string) => t.agent().get(`/contests/${s.contestId}/leaderboard?q=${encodeURIComponent(q)}`)
    expect((await contest('tran thi')).body.entries.map((e: { rank: number; participantId: string }) => [e.rank, e.participantId])).toEqual([[2, ids[1]]])
    expect((await contest('chi bo an mot')).body.total).toBe(2)
    expect((await contest('Đức')).body.entries.map((e: { participantId: string }) => e.participantId)).toEqual([ids[0]])
    expect((await contest('không ai')).body).toMatchObject({ total: 0, entries: [] })
  })
})

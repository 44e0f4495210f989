import { describe, expect, it } from 'vitest'
import { startSweeper } from '../../api/services/sweeper'
import { testApp } from '../helpers/app'
import { correctLetter, registerPerson, setupContest, takeAttempt } from '../helpers/contest'

const iso = (ms: number) => new Date(ms).toISOString()

describe('attempt lifecycle', () => {
  it('start returns the attempt in progress (200) instead of a second one', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const p = await registerPerson(t, s.unit.A1)
    const first = await p.agent.post(`/rounds/${s.roundId}/attempts`, {})
    expect(first.status).toBe(201)
    expect(first.body.attempt).toMatchObject({ number: 1, status: 'in_progress', roundId: s.roundId })
    expect(first.body.attempt.items).toHaveLength(5)
    const again = await p.agent.post(`/rounds/${s.roundId}/attempts`, {})
    expect(again.status).toBe(200)
    expect(again.body.attempt.id).toBe(first.body.attempt.id)
    expect(again.body.attempt.items.map((i: { questionId: string }) => i.questionId)).toEqual(first.body.attempt.items.map((i: { questionId: string }) => i.questionId))
    // The new attempt is shown from what start wrote; reading it back from the database gives the same.
    expect((await p.agent.get(`/attempts/${first.body.attempt.id}`)).body.attempt).toEqual(first.body.attempt)
  })

  it('concurrent starts give one attempt', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const p = await registerPerson(t, s.unit.A1)
    const all = await Promise.all(Array.from({ length: 10 }, () => p.agent.post(`/rounds/${s.roundId}/attempts`, {})))
    expect(new Set(all.map((r) => r.body.attempt.id)).size).toBe(1)
    expect(all.filter((r) => r.status === 201)).toHaveLength(1)
    expect(await t.one('SELECT count(*) AS "n" FROM attempts')).toEqual({ n: 1 })
  })

  it('refuses starts before the round opens and after it closes', async () => {
    const t = testApp()
    const s = await setupContest(t, { round: { opensAt: iso(t.clock.now() + 3600_000), closesAt: iso(t.clock.now() + 7200_000) } })
    const p = await registerPerson(t, s.unit.A1)
    const early = await p.agent.post(`/rounds/${s.roundId}/attempts`, {})
    expect(early.status).toBe(409)
    expect(early.body.error.code).toBe('ROUND_NOT_OPEN')
    t.clock.advance(7200_000)
    const late = await p.agent.post(`/rounds/${s.roundId}/attempts`, {})
    expect(late.body.error.code).toBe('ROUND_NOT_OPEN')
  })

  it('caps attempts at maxAttempts and allows unlimited when null', async () => {
    const t = testApp()
    const s = await setupContest(t, { round: { maxAttempts: 2 } })
    const p = await registerPerson(t, s.unit.A1)
    for (let i = 0; i < 2; i++) {
      const a = await takeAttempt(t, p.agent, s.roundId, 1)
      expect((await p.agent.post(`/attempts/${a.id}/submit`, {})).status).toBe(200)
    }
    const third = await p.agent.post(`/rounds/${s.roundId}/attempts`, {})
    expect(third.status).toBe(409)
    expect(third.body.error.code).toBe('NO_ATTEMPTS_LEFT')

    const u = testApp()
    const s2 = await setupContest(u, { round: { maxAttempts: null, questionCount: 2 } })
    const q = await registerPerson(u, s2.unit.B)
    for (let i = 0; i < 6; i++) {
      const a = await takeAttempt(u, q.agent, s2.roundId, 1)
      expect((await q.agent.post(`/attempts/${a.id}/submit`, {})).status).toBe(200)
    }
    const mine = await q.agent.get(`/me/attempts?roundId=${s2.roundId}`)
    expect(mine.body.attempts).toHaveLength(6)
  })

  it('saves answers idempotently, the last write counting', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const p = await registerPerson(t, s.unit.A1)
    const { body } = await p.agent.post(`/rounds/${s.roundId}/attempts`, {})
    const id = body.attempt.id
    const right = await correctLetter(t, id, 1)
    const wrong = right === 'A' ? 'B' : 'A'
    expect((await p.agent.put(`/attempts/${id}/items/1`, { choice: [right] })).body).toMatchObject({ saved: true, position: 1 })
    await p.agent.put(`/attempts/${id}/items/1`, { choice: [right] })
    await p.agent.put(`/attempts/${id}/items/1`, { choice: [wrong] })
    const view = await p.agent.get(`/attempts/${id}`)
    expect(view.body.attempt.items[0].choice).toEqual([wrong])
    const res = await p.agent.post(`/attempts/${id}/submit`, {})
    expect(res.body.result.correctCount).toBe(0)
  })

  it('refuses a second option on a single-answer item and unknown option letters', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const p = await registerPerson(t, s.unit.A1)
    const { body } = await p.agent.post(`/rounds/${s.roundId}/attempts`, {})
    expect((await p.agent.put(`/attempts/${body.attempt.id}/items/1`, { choice: ['A', 'B'] })).status).toBe(400)
    expect((await p.agent.put(`/attempts/${body.attempt.id}/items/1`, { choice: ['F'] })).status).toBe(400)
    expect((await p.agent.put(`/attempts/${body.attempt.id}/items/99`, { choice: ['A'] })).status).toBe(404)
  })

  it('accepts writes within the grace after the deadline and refuses them after', async () => {
    const t = testApp()
    const s = await setupContest(t, { round: { timeLimitSec: 60, graceSec: 3 } })
    const p = await registerPerson(t, s.unit.A1)
    const { body } = await p.agent.post(`/rounds/${s.roundId}/attempts`, {})
    const id = body.attempt.id
    t.clock.advance(62_000)
    expect((await p.agent.put(`/attempts/${id}/items/1`, { choice: ['A'] })).status).toBe(200)
    t.clock.advance(1_500)
    const late = await p.agent.put(`/attempts/${id}/items/2`, { choice: ['A'] })
    expect(late.status).toBe(409)
    expect(late.body.error.code).toBe('ATTEMPT_CLOSED')
    const view = await p.agent.get(`/attempts/${id}`)
    expect(view.body.attempt.status).toBe('expired')
    expect(view.body.attempt.items[0].choice).toEqual(['A'])
    expect(view.body.attempt.items[1].choice).toEqual([])
  })

  it('refuses answer writes after submit', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const p = await registerPerson(t, s.unit.A1)
    const a = await takeAttempt(t, p.agent, s.roundId, 2)
    await p.agent.post(`/attempts/${a.id}/submit`, {})
    const res = await p.agent.put(`/attempts/${a.id}/items/1`, { choice: ['A'] })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('ATTEMPT_CLOSED')
  })

  it('ten concurrent submits score once and all return the same result', async () => {
    const t = testApp()
    const s = await setupContest(t, { round: { prediction: { enabled: true, target: 'participants' } } })
    const p = await registerPerson(t, s.unit.A1)
    const a = await takeAttempt(t, p.agent, s.roundId, 4)
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => p.agent.post(`/attempts/${a.id}/submit`, { prediction: 100 + i })))
    expect(results.every((r) => r.status === 200)).toBe(true)
    const bodies = results.map((r) => JSON.stringify(r.body.result))
    expect(new Set(bodies).size).toBe(1)
    expect(results[0].body.result).toMatchObject({ score: 4, maxScore: 5, correctCount: 4 })
    const row = await t.one<{ prediction: number; status: string }>('SELECT prediction, status FROM attempts WHERE id = ?', a.id)
    // One submit counted, with its own prediction. SQLite has one writer, so the first to arrive is the
    // one; on PostgreSQL the ten race for the attempt's row and any one of them may win it.
    expect(row!.status).toBe('submitted')
    if (t.dialect === 'sqlite') expect(row!.prediction).toBe(100)
    else expect(Array.from({ length: 10 }, (_, i) => 100 + i)).toContain(row!.prediction)
  })

  it('a repeated submit keeps the first prediction', async () => {
    const t = testApp()
    const s = await setupContest(t, { round: { prediction: { enabled: true, target: 'attempts' } } })
    const p = await registerPerson(t, s.unit.A1)
    const a = await takeAttempt(t, p.agent, s.roundId, 1)
    await p.agent.post(`/attempts/${a.id}/submit`, { prediction: 7 })
    await p.agent.post(`/attempts/${a.id}/submit`, { prediction: 9 })
    const view = await p.agent.get(`/attempts/${a.id}`)
    expect(view.body.attempt.prediction).toBe(7)
  })

  it('ignores a prediction when the round has no prediction question', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const p = await registerPerson(t, s.unit.A1)
    const a = await takeAttempt(t, p.agent, s.roundId, 1)
    expect((await p.agent.post(`/attempts/${a.id}/submit`, { prediction: 5 })).status).toBe(200)
    expect((await p.agent.get(`/attempts/${a.id}`)).body.attempt.prediction).toBeNull()
  })

  it('caps the deadline at the round close, and moving the close earlier caps attempts in progress', async () => {
    const t = testApp()
    const closesAt = t.clock.now() + 120_000
    const s = await setupContest(t, { round: { closesAt: iso(closesAt), timeLimitSec: 900 } })
    const p = await registerPerson(t, s.unit.A1)
    const { body } = await p.agent.post(`/rounds/${s.roundId}/attempts`, {})
    expect(Date.parse(body.attempt.deadlineAt)).toBe(closesAt)
    const earlier = t.clock.now() + 30_000
    expect((await s.org.patch(`/admin/rounds/${s.roundId}`, { closesAt: iso(earlier) })).status).toBe(200)
    expect(Date.parse((await p.agent.get(`/attempts/${body.attempt.id}`)).body.attempt.deadlineAt)).toBe(earlier)
  })

  it('expires an attempt past its deadline and scores it from saved answers without any client call', async () => {
    const t = testApp()
    const s = await setupContest(t, { round: { timeLimitSec: 60, graceSec: 1 } })
    const p = await registerPerson(t, s.unit.A1)
    const a = await takeAttempt(t, p.agent, s.roundId, 3)
    const stop = startSweeper({ store: t.deps.store, clock: t.clock }, 50)
    try {
      t.clock.advance(62_000)
      await new Promise((r) => setTimeout(r, 200))
      const row = (await t.one('SELECT status, score, submitted_at, ended_at, deadline_at, prediction FROM attempts WHERE id = ?', a.id))!
      expect(row.status).toBe('expired')
      expect(row.score).toBe(3)
      expect(row.submitted_at).toBeNull()
      expect(row.ended_at).toBe(row.deadline_at)
    } finally {
      stop()
    }
    const late = await p.agent.post(`/attempts/${a.id}/submit`, { prediction: 3 })
    expect(late.status).toBe(200)
    expect(late.body.result).toMatchObject({ score: 3, submittedAt: null, durationMs: 60_000 })
  })

  it('every response carries the server time', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const p = await registerPerson(t, s.unit.A1)
    const res = await p.agent.post(`/rounds/${s.roundId}/attempts`, {})
    expect(typeof res.body.serverTime).toBe('string')
    expect(Number.isNaN(Date.parse(res.body.serverTime))).toBe(false)
  })
})

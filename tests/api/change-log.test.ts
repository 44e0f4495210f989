import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { insertAttempt } from '../../api/services/attempt-store'
import { openDb } from '../../db/client'
import { migrateDb } from '../../db/migrate'
import { onPg, staffAgent, testApp, type TestApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt } from '../helpers/contest'
import { listen } from '../helpers/listen'

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

// Two servers' apps, each with its own connections and read model, on one database (a SQLite file, or
// one PostgreSQL database): what one changes the other learns from the database's logs alone.
function twoServers(): [TestApp, TestApp] {
  const first = testApp({}, onPg ? undefined : sqliteFile())
  return [first, testApp({}, first)]
}

function sqliteFile() {
  const dir = mkdtempSync(join(tmpdir(), 'hoithi-two-'))
  dirs.push(dir)
  const db = openDb(join(dir, 'db.sqlite'))
  migrateDb(db)
  return db
}

const boardIds = async (t: TestApp, roundId: string) => (await t.agent().get(`/rounds/${roundId}/leaderboard?limit=50`)).body.entries.map((e: { participantId: string }) => e.participantId)

describe('standings follow the database, not the process that made the change', () => {
  it('a finish, a disqualification, a unit move and a finalize on one server show on the other', async () => {
    const [a, b] = twoServers()
    const s = await setupContest(a, { bank: { t1: 5 }, round: { prizes: [{ name: 'Giải Nhất', count: 1 }] } })
    const judgeOnB = await staffAgent(b, 'judge')
    const an = await registerPerson(a, s.unit.A1)
    const binh = await registerPerson(a, s.unit.A1)
    for (const [p, right] of [[an, 5], [binh, 3]] as const) {
      const att = await takeAttempt(a, p.agent, s.roundId, right)
      expect((await p.agent.post(`/attempts/${att.id}/submit`, {})).status).toBe(200)
    }
    expect(await boardIds(b, s.roundId)).toEqual([an.id, binh.id])

    expect((await s.judge.post(`/admin/rounds/${s.roundId}/disqualify`, { participantId: an.id, reason: 'Cán bộ ban tổ chức' })).status).toBe(200)
    expect(await boardIds(b, s.roundId)).toEqual([binh.id])
    const onB = (await judgeOnB.get(`/admin/rounds/${s.roundId}/standings`)).body.entries
    expect(onB.map((e: { participantId: string; disqualified: boolean }) => [e.participantId, e.disqualified])).toEqual([[binh.id, false], [an.id, true]])

    const unitsOf = async (t: TestApp) => Object.fromEntries((await t.agent().get(`/rounds/${s.roundId}/units-leaderboard`)).body.entries.map((u: { unitId: string; participants: number }) => [u.unitId, u.participants]))
    expect((await unitsOf(a))[s.unit.B]).toBe(0)
    const moved = await b.agent().request('PUT', `/me/contests/${s.contestId}/unit`, { unitId: s.unit.B }, { cookie: binh.agent.cookie })
    expect(moved.status).toBe(200)
    expect((await unitsOf(a))[s.unit.B]).toBe(1)
    expect((await unitsOf(a))[s.unit.A1]).toBe(0)

    for (const t of [a, b]) t.clock.advance(25 * 3600_000)
    expect((await judgeOnB.post(`/admin/rounds/${s.roundId}/finalize`, {})).status).toBe(200)
    const final = await a.agent().get(`/rounds/${s.roundId}/leaderboard`)
    expect(final.body.round.status).toBe('finalized')
    expect(final.body.entries.map((e: { participantId: string; unitId: string }) => [e.participantId, e.unitId])).toEqual([[binh.id, s.unit.B]])
    expect((await s.judge.get(`/admin/rounds/${s.roundId}/standings`)).body.final).toBe(true)
  })

  it('a submit on one server reaches the other server’s standings stream within a second', async () => {
    const [a, b] = twoServers()
    const s = await setupContest(a, { bank: { t1: 5 } })
    const server = await listen(b)
    const abort = new AbortController()
    try {
      const res = await fetch(`${server.url}/rounds/${s.roundId}/leaderboard/stream`, { signal: abort.signal })
      const reader = res.body!.getReader()
      const decoder = new TextDecoder()
      let text = ''
      const events = () => text.split('\n\n').filter((block) => block.includes('event: standings')).length
      const readUntil = async (n: number, ms: number) => {
        const deadline = Date.now() + ms
        while (events() < n && Date.now() < deadline) {
          const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))])
          if (!chunk || chunk.done) break
          text += decoder.decode(chunk.value, { stream: true })
        }
        return events()
      }
      expect(await readUntil(1, 2000)).toBe(1)
      const p = await registerPerson(a, s.unit.A1)
      const att = await takeAttempt(a, p.agent, s.roundId, 2)
      const sentAt = Date.now()
      expect((await p.agent.post(`/attempts/${att.id}/submit`, {})).status).toBe(200)
      expect(await readUntil(2, 2000)).toBe(2)
      expect(Date.now() - sentAt).toBeLessThan(1000)
    } finally {
      abort.abort()
      await server.close()
    }
  })
})

describe('one attempt in progress, held by the database', () => {
  it('refuses a second in-progress attempt of one person in one round, and a start then resumes the open one', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 5 }, round: { maxAttempts: null } })
    const p = await registerPerson(t, s.unit.A1)
    const first = await p.agent.post(`/rounds/${s.roundId}/attempts`, {})
    expect(first.status).toBe(201)
    const row = { id: 'second', roundId: s.roundId, participantId: p.id, number: 2, startedAt: t.clock.now(), deadlineAt: t.clock.now() + 60_000, clientAddress: '' }
    expect(await t.store.write(() => insertAttempt(row))).toBeNull() // as a start on another server would meet it
    await expect(t.exec(`INSERT INTO attempts (id, round_id, participant_id, number, status, started_at, deadline_at)
      VALUES ('third', ?, ?, 3, 'in_progress', 0, 1)`, s.roundId, p.id)).rejects.toThrow(/unique/i)
    const again = await Promise.all([1, 2, 3].map(() => p.agent.post(`/rounds/${s.roundId}/attempts`, {})))
    expect(again.map((r) => [r.status, r.body.attempt.id])).toEqual([1, 2, 3].map(() => [200, first.body.attempt.id]))
    expect(await t.one('SELECT count(*) AS "n" FROM attempts WHERE participant_id = ?', p.id)).toEqual({ n: 1 })
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rankAttempts } from '../../api/rules/ranking'
import type { RankedAttempt } from '../../api/rules/types'
import type { TiebreakKey } from '../../db/schema'
import { addContest, changeContestStatus, saveUnits } from '../../api/services/contests'
import { importQuestions } from '../../api/services/questions'
import { runPg } from '../../db/pg-runner'
import type { Program } from '../../db/program'
import { makeQuestion } from '../helpers/bank'
import { auditTraffic, runExamTraffic } from '../helpers/exam-traffic'
import { pgTestDb, type PgTestDb } from '../helpers/pg'
import { httpExamClient, PG_ADMIN, Session, startPgServers } from '../helpers/pg-servers'
import type { ServerProcess } from '../helpers/server-process'

// Three server processes of the real app on one PostgreSQL database, as the several-server deployment
// runs them (issue #13): what one server commits, every server's boards and streams show within a second,
// and storms of requests spread over the three keep every rule the single server keeps.

const ADMIN = { id: 'seed-admin', role: 'admin' as const }
const PEOPLE = 14
const iso = (ms: number) => new Date(ms).toISOString()
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

let t: PgTestDb
let servers: ServerProcess[]
let urls: string[]
const admin = new Session()
const people = new Map<string, Session>()
const ids: string[] = []
const state = { contestId: '', units: {} as Record<string, string>, live: '', storm: '' }

// The bank and the contest written straight into the database before the servers start: invented
// questions of topic t1 whose right option's text starts "Đúng", so the traffic knows what is right.
async function seedContest(): Promise<void> {
  const exec = <T>(p: Program<T>) => runPg(t.db.$client, p)
  const now = Date.now()
  await exec(importQuestions(ADMIN, Array.from({ length: 20 }, (_, i) => ({ question: makeQuestion(`q${i}`) })), now - 60_000, 'test'))
  const contest = await exec(addContest(ADMIN, { title: 'Hội thi trên ba máy chủ' }, now))
  const units = await exec(saveUnits(ADMIN, contest.id, { units: [{ code: 'A', name: 'Chi bộ A' }, { code: 'B', name: 'Chi bộ B' }] }, now))
  await exec(changeContestStatus(ADMIN, contest.id, 'published', now))
  state.contestId = contest.id
  state.units = Object.fromEntries(units.map((u) => [u.code, u.id]))
}

async function createRound(title: string, closesAt: number, extra: Record<string, unknown> = {}): Promise<string> {
  const body = await admin.ok(urls[0], 'POST', `/admin/contests/${state.contestId}/rounds`, {
    title, opensAt: iso(Date.now() - 60_000), closesAt: iso(closesAt), questionCount: 5, timeLimitSec: 600, maxAttempts: null,
    blueprint: [{ topic: 't1', count: 5 }], graceSec: 0, ...extra,
  })
  return body.round.id
}

// Until `check` holds, asking every 20 ms: how long it took (ms), or fails after `limitMs`.
async function within(limitMs: number, check: () => Promise<boolean>): Promise<number> {
  const from = Date.now()
  for (;;) {
    if (await check()) return Date.now() - from
    if (Date.now() - from > limitMs) throw new Error(`not seen within ${limitMs} ms`)
    await sleep(20)
  }
}

async function board(url: string, roundId: string): Promise<{ round: { status: string }; total: number; entries: { participantId: string; unitId: string; rank: number; score: number; durationMs: number }[] }> {
  const entries = []
  let first
  for (let offset = 0; ; offset += 500) {
    const page = await new Session().ok(url, 'GET', `/rounds/${roundId}/leaderboard?limit=500&offset=${offset}`)
    first ??= page
    entries.push(...page.entries)
    if (page.entries.length < 500) break
  }
  return { ...first, entries }
}

// A server's standings stream, read as a browser reads it: the time of each standings event.
function listen(url: string, roundId: string): { events: number[]; stop: () => void; ready: Promise<void> } {
  const controller = new AbortController()
  const events: number[] = []
  let opened!: () => void
  const ready = new Promise<void>((resolve) => { opened = resolve })
  void (async () => {
    const res = await fetch(`${url}/api/rounds/${roundId}/leaderboard/stream`, { signal: controller.signal })
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    let buffered = ''
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      buffered += decoder.decode(value, { stream: true })
      let cut
      while ((cut = buffered.indexOf('\n\n')) >= 0) {
        const event = buffered.slice(0, cut)
        buffered = buffered.slice(cut + 2)
        if (event.includes('event: standings')) {
          events.push(Date.now())
          opened()
        }
      }
    }
  })().catch(() => undefined)
  return { events, stop: () => controller.abort(), ready }
}

// Answers every item of a new attempt right (the option whose text starts "Đúng") on one server and
// submits it on another; when the submit was acknowledged.
async function finishRight(person: string, roundId: string, on: [string, string]): Promise<number> {
  const session = people.get(person)!
  const { attempt } = await session.ok(on[0], 'POST', `/rounds/${roundId}/attempts`, {})
  for (const item of attempt.items) {
    const right = item.options.find((o: { text: string }) => o.text.startsWith('Đúng')).key
    await session.ok(on[0], 'PUT', `/attempts/${attempt.id}/items/${item.position}`, { choice: [right] })
  }
  await session.ok(on[1], 'POST', `/attempts/${attempt.id}/submit`, {})
  return Date.now()
}

beforeAll(async () => {
  t = await pgTestDb()
  await seedContest()
  servers = await startPgServers(t.url, 3)
  urls = servers.map((s) => s.url)
  await admin.ok(urls[1], 'POST', '/sessions', { identifier: PG_ADMIN.username, password: PG_ADMIN.password })
  for (let i = 0; i < PEOPLE; i++) {
    const session = new Session()
    const body = await session.ok(urls[i % 3], 'POST', '/participants', {
      fullName: `Trần Văn Thử ${i + 1}`, dateOfBirth: '1990-02-03', phone: `0900 555 ${String(100 + i)}`,
      unitId: state.units[i % 2 ? 'B' : 'A'], password: 'matkhau-dai', consent: true,
    })
    people.set(body.participant.id, session)
    ids.push(body.participant.id)
  }
  state.live = await createRound('Tuần trực tiếp', Date.now() + 3600_000)
  state.storm = await createRound('Tuần cao điểm', Date.now() + 3600_000)
}, 120_000)

afterAll(async () => {
  await Promise.all((servers ?? []).map((s) => s.kill()))
  await t?.drop()
})

describe('three servers on one PostgreSQL database', () => {
  it('started together, they migrated and seeded once: one admin, one bank change, one seed in the audit log', async () => {
    const sql = t.db.$client
    expect((await sql`SELECT count(*)::int AS n FROM staff_users WHERE username = ${PG_ADMIN.username}`)[0].n).toBe(1)
    const shipped = await sql`SELECT count(*)::int AS n FROM questions WHERE id NOT LIKE 'q%'`
    expect(shipped[0].n).toBeGreaterThan(600) // the shipped bank, once
    expect((await sql`SELECT count(*)::int AS n FROM (SELECT id FROM questions GROUP BY id HAVING count(*) > 1) d`)[0].n).toBe(0)
  })

  it('a finish on one server shows on another’s board and on a third’s stream within a second', async () => {
    // Every server holds the round's board in memory first: what follows must come through the change log.
    for (const url of urls) expect((await board(url, state.live)).entries).toEqual([])
    const stream = listen(urls[2], state.live)
    await stream.ready
    const before = stream.events.length
    const acknowledged = await finishRight(ids[0], state.live, [urls[0], urls[0]])
    const boardMs = await within(1000, async () => (await board(urls[1], state.live)).entries.some((e) => e.participantId === ids[0]))
    await within(1000 - (Date.now() - acknowledged), async () => stream.events.length > before)
    stream.stop()
    const streamMs = stream.events[before] - acknowledged
    console.info(`finish on server 1 → board of server 2 in ${boardMs} ms, stream of server 3 in ${streamMs} ms`)
    expect(boardMs).toBeLessThan(1000)
    expect(streamMs).toBeLessThan(1000)
  })

  it('a disqualification and a unit move on one server are seen by the others within a second', async () => {
    await finishRight(ids[1], state.live, [urls[1], urls[2]])
    await finishRight(ids[2], state.live, [urls[2], urls[0]])
    for (const url of urls) await within(1000, async () => (await board(url, state.live)).entries.some((e) => e.participantId === ids[2]))

    await admin.ok(urls[0], 'POST', `/admin/rounds/${state.live}/disqualify`, { participantId: ids[1], reason: 'Thi hộ (thử nghiệm)' })
    for (const url of urls.slice(1)) await within(1000, async () => !(await board(url, state.live)).entries.some((e) => e.participantId === ids[1]))

    const to = state.units.B === (await board(urls[0], state.live)).entries.find((e) => e.participantId === ids[2])!.unitId ? state.units.A : state.units.B
    await people.get(ids[2])!.ok(urls[0], 'PUT', `/me/contests/${state.contestId}/unit`, { unitId: to })
    for (const url of urls.slice(1)) {
      await within(1000, async () => (await board(url, state.live)).entries.find((e) => e.participantId === ids[2])?.unitId === to)
      const units = await new Session().ok(url, 'GET', `/rounds/${state.live}/units-leaderboard`)
      expect(units.entries.find((u: { unitId: string }) => u.unitId === to).participants).toBeGreaterThan(0)
    }
  })

  it('a finalize on one server is seen by all: the same locked order everywhere', async () => {
    const closesAt = Date.now() + 6000
    const round = await createRound('Tuần chốt', closesAt)
    for (const [i, person] of ids.slice(3, 9).entries()) await finishRight(person, round, [urls[i % 3], urls[(i + 1) % 3]])
    await sleep(closesAt - Date.now() + 300)
    await admin.ok(urls[1], 'POST', `/admin/rounds/${round}/finalize`, {})
    const expected = (await board(urls[1], round)).entries.map((e) => e.participantId)
    expect(expected).toHaveLength(6)
    for (const url of urls) {
      await within(1000, async () => (await board(url, round)).round.status === 'finalized')
      expect((await board(url, round)).entries.map((e) => e.participantId)).toEqual(expected)
    }
  }, 30_000)

  it('a storm of starts, saves and submits over the three keeps every rule, and the boards equal a SQL recount', async () => {
    const storm = ids.slice(3)
    let running = true
    const traffic = runExamTraffic({
      clients: urls.map((url) => httpExamClient(url, people, state.storm)),
      people: storm,
      rightLetter: (item) => item.options.find((o) => o.text.startsWith('Đúng'))!.key,
      running: () => running,
    })
    await sleep(5000)
    running = false
    const done = await traffic
    expect(done.refusals).toEqual([])
    const sql = t.db.$client
    const audit = await auditTraffic(sql, done)
    console.info(`storm over three servers: ${audit.acknowledgedSaves} saves and ${audit.acknowledgedFinishes} finishes acknowledged, retried ${JSON.stringify(Object.fromEntries(done.retried))}`)
    expect(audit.acknowledgedSaves).toBeGreaterThan(100)
    expect(audit.acknowledgedFinishes).toBeGreaterThan(10)
    expect(audit.lostSaves).toEqual([])
    expect(audit.lostFinishes).toEqual([])
    expect(audit.miscounted).toEqual([])
    expect(audit.badlyScored).toEqual([])
    expect(audit.doubleOpen).toEqual([])
    // No attempt the storm's clients never saw (the rounds of the tests above are not the storm's).
    const others = await sql`SELECT count(*)::int AS n FROM attempts WHERE round_id != ${state.storm}`
    expect(audit.unseenAttempts).toBe(others[0].n)

    // Attempt numbers run 1, 2, … n for each person in each round: no gap, no repeat.
    const numbers = await sql`SELECT participant_id, round_id, count(*)::int AS n, max(number)::int AS top, count(DISTINCT number)::int AS distinct_n
      FROM attempts GROUP BY participant_id, round_id`
    for (const r of numbers) expect([r.n, r.distinct_n]).toEqual([r.top, r.top])

    // The boards of all three equal the ranking recounted from the attempts by the rule itself.
    const [round] = await sql`SELECT tiebreak FROM rounds WHERE id = ${state.storm}`
    const rows = await sql<{ seq: number; participant_id: string; score: number; max_score: number; started_at: number; ended_at: number; prediction: number | null }[]>`
      SELECT seq, participant_id, score, max_score, started_at, ended_at, prediction FROM attempts WHERE round_id = ${state.storm} AND status != 'in_progress'`
    const counted: RankedAttempt[] = rows.map((r) => ({
      attemptSeq: r.seq, participantId: r.participant_id, score: r.score, maxScore: r.max_score, durationMs: r.ended_at - r.started_at, endedAt: r.ended_at, prediction: r.prediction,
    }))
    const recount = rankAttempts(counted, JSON.parse(round.tiebreak) as TiebreakKey[], null).map((e) => [e.participantId, e.score, e.durationMs])
    for (const url of urls) {
      await within(1000, async () => (await board(url, state.storm)).entries.length === recount.length)
      expect((await board(url, state.storm)).entries.map((e) => [e.participantId, e.score, e.durationMs])).toEqual(recount)
    }

    // And the audit chain, written by three servers at once, verifies.
    const verification = await admin.ok(urls[2], 'GET', '/admin/audit/verify')
    expect(verification.verification.ok).toBe(true)
  }, 60_000)
})

import postgres from 'postgres'
import { afterAll, describe, expect, it } from 'vitest'
import { addContest, changeContestStatus, saveUnits } from '../../api/services/contests'
import { importQuestions } from '../../api/services/questions'
import { addRound } from '../../api/services/rounds'
import { migratePg, openPg } from '../../db/pg'
import { runPg } from '../../db/pg-runner'
import type { Program } from '../../db/program'
import { makeQuestion } from '../helpers/bank'
import { auditTraffic, runExamTraffic, type Audit, type Traffic } from '../helpers/exam-traffic'
import { startReplication, type Replication, type ReplicationMode } from '../helpers/pg-replication'
import { httpExamClient, Session, startPgServers } from '../helpers/pg-servers'
import type { ServerProcess } from '../helpers/server-process'

// Issue #13's failover: a primary with a synchronous standby, saves streaming through three servers, kill -9
// of the primary's postmaster, the standby promoted, the servers reconnecting by themselves (multi-host URL,
// target_session_attrs=primary). The async control run shows what can be lost. The servers are three
// processes of the real app, each request of the traffic going to the next one over HTTP.

// postgres.js 3.4.x did not come through the primary's death (a ROLLBACK written into the dead connection,
// porsager/postgres#1154 and #1208; reconnects that never sent their startup; a reconnect that skipped the
// target_session_attrs check): the project uses 4.x, which does.

const ADMIN = { id: 'admin-1', role: 'admin' as const }
const PEOPLE = 24
const SERVERS = 3
const BEFORE_KILL_MS = 1500
const KILL_TO_PROMOTE_MS = 300
const AFTER_PROMOTE_MS = 1500

// A published contest with one open round of five questions drawn from twenty invented ones of topic t1
// (key A before shuffling, its text starting "Đúng"; the servers' seed adds the shipped bank, which the
// round's blueprint leaves out). Times are real: the servers stamp them.
async function seedContest(url: string): Promise<{ roundId: string; unitId: string }> {
  const db = openPg(url, { max: 2 })
  const exec = <T>(p: Program<T>) => runPg(db.$client, p)
  const now = Date.now()
  try {
    await migratePg(db)
    await exec(importQuestions(ADMIN, Array.from({ length: 20 }, (_, i) => ({ question: makeQuestion(`q${i}`) })), now - 60_000, 'test'))
    const contest = await exec(addContest(ADMIN, { title: 'Hội thi' }, now))
    const [unit] = await exec(saveUnits(ADMIN, contest.id, { units: [{ code: 'A', name: 'Chi bộ A' }] }, now))
    const round = await exec(addRound(ADMIN, contest.id, { title: 'Tuần 1', opensAt: now - 60_000, closesAt: now + 3600_000, questionCount: 5, maxAttempts: null, blueprint: [{ topic: 't1', count: 5 }] }, now, 30))
    await exec(changeContestStatus(ADMIN, contest.id, 'published', now))
    return { roundId: round.id, unitId: unit.id }
  } finally {
    await db.$client.end()
  }
}

// PEOPLE people registered through the servers: a session each, valid on all three.
async function register(urls: string[], unitId: string): Promise<Map<string, Session>> {
  const sessions = new Map<string, Session>()
  for (let i = 0; i < PEOPLE; i++) {
    const session = new Session()
    const body = await session.ok(urls[i % urls.length], 'POST', '/participants', {
      fullName: `Lê Thị Thử ${i + 1}`, dateOfBirth: '1991-04-05', phone: `0900 444 ${String(100 + i)}`, unitId, password: 'matkhau-dai', consent: true,
    })
    sessions.set(body.participant.id, session)
  }
  return sessions
}

type Run = { traffic: Traffic; audit: Audit; savesAfterPromotion: number; ms: number }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function failover(mode: ReplicationMode): Promise<Run> {
  const started = Date.now()
  const rep: Replication = await startReplication({ mode })
  let servers: ServerProcess[] = []
  try {
    const admin = postgres(rep.primaryUrl('postgres'), { max: 1, onnotice: () => undefined })
    await admin.unsafe('CREATE DATABASE hoithi')
    await admin.end()
    const { roundId, unitId } = await seedContest(rep.primaryUrl('hoithi'))
    servers = await startPgServers(rep.multiHostUrl('hoithi'), SERVERS)
    const urls = servers.map((s) => s.url)
    const sessions = await register(urls, unitId)
    let running = true
    const streaming = runExamTraffic({
      clients: urls.map((url) => httpExamClient(url, sessions, roundId)),
      people: [...sessions.keys()],
      rightLetter: (item) => item.options.find((o) => o.text.startsWith('Đúng'))!.key,
      running: () => running,
    })
    streaming.catch(() => undefined) // awaited below, after the timeline
    await sleep(BEFORE_KILL_MS)
    await rep.killPrimary()
    await sleep(KILL_TO_PROMOTE_MS)
    rep.promoteStandby()
    const promotedAt = Date.now()
    await sleep(AFTER_PROMOTE_MS)
    running = false
    const survivor = postgres(rep.standbyUrl('hoithi'), { max: 1, onnotice: () => undefined })
    try {
      const traffic = await streaming.catch(async (err: unknown) => {
        throw new Error(`traffic failed; on the promoted server:\n${await backends(survivor)}`, { cause: err })
      })
      const audit = await auditTraffic(survivor, traffic)
      const savesAfterPromotion = traffic.acks.filter((a) => a.kind === 'save' && a.at > promotedAt).length
      return { traffic, audit, savesAfterPromotion, ms: Date.now() - started }
    } finally {
      await survivor.end()
    }
  } finally {
    await Promise.all(servers.map((s) => s.kill('SIGKILL')))
    rep.stop()
  }
}

// What a server stuck in a transaction looks like from the database, for a failure message.
async function backends(sql: postgres.Sql): Promise<string> {
  const rows = await sql`SELECT pid, state, wait_event, left(query, 60) AS query, (now() - state_change)::text AS since
    FROM pg_stat_activity WHERE datname = 'hoithi' AND pid != pg_backend_pid()`.catch((err: unknown) => [{ error: String(err) }])
  return rows.map((r) => JSON.stringify(r)).join('\n')
}

// Lost: what the promoted server lacks at the end, and what a reopened attempt showed missing on the way.
const lostSaves = (r: Run) => r.audit.lostSaves.length + r.traffic.reopened.reduce((n, x) => n + x.lostSaves, 0)
const lostFinishes = (r: Run) => r.audit.lostFinishes.length + r.traffic.reopened.length

const summary = (mode: string, r: Run) => [
  `${mode}: ${r.audit.acknowledgedSaves} saves and ${r.audit.acknowledgedFinishes} finishes acknowledged (${r.savesAfterPromotion} saves after the promotion) in ${r.ms} ms;`,
  `lost: ${lostSaves(r)} saves, ${lostFinishes(r)} finishes (${r.traffic.reopened.length} of them found reopened);`,
  `${r.audit.miscounted.length} scores missing an acknowledged answer; ${r.traffic.refusals.length} refusals;`,
  `retried: ${JSON.stringify(Object.fromEntries(r.traffic.retried))}`,
].join(' ')

describe('failover of the primary (PostgreSQL streaming replication)', () => {
  const lines: string[] = []
  afterAll(() => { if (lines.length) console.info(lines.join('\n')) })

  it('synchronous standby: after kill -9 and promotion every acknowledged save is there and every attempt scored once', async () => {
    const r = await failover('sync')
    lines.push(summary('sync', r))
    // The kill hit requests in flight, and the servers went on with the promoted standby by themselves.
    expect([...r.traffic.retried.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0)
    expect(r.savesAfterPromotion).toBeGreaterThan(0)
    expect(r.audit.lostSaves).toEqual([])
    expect(r.audit.lostFinishes).toEqual([])
    expect(r.audit.miscounted).toEqual([])
    expect(r.audit.badlyScored).toEqual([])
    expect(r.audit.doubleOpen).toEqual([])
    expect(r.audit.unseenAttempts).toBe(0)
    expect(r.traffic.reopened).toEqual([])
    expect(r.traffic.refusals).toEqual([])
  }, 90_000)

  it('asynchronous standby (control): records what an acknowledgement before replication can lose', async () => {
    const r = await failover('async')
    lines.push(summary('async', r))
    // Losses here are the point of the control, and timing decides them: reported, not asserted.
    expect(r.audit.badlyScored).toEqual([])
    expect(r.audit.doubleOpen).toEqual([])
  }, 90_000)
})

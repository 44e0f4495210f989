import { describe, expect, it } from 'vitest'
import { AppError } from '../../api/errors'
import { beginAttempt, finishByParticipant, storeAnswer, type AttemptContext } from '../../api/services/attempts'
import { addContest, changeContestStatus, saveUnits } from '../../api/services/contests'
import { importQuestions } from '../../api/services/questions'
import { addRound } from '../../api/services/rounds'
import { openPg, type PgDb } from '../../db/pg'
import { runPg } from '../../db/pg-runner'
import { all, run, transaction, type Program } from '../../db/program'
import { makeQuestion } from '../helpers/bank'
import { pgTestDb, type PgTestDb } from '../helpers/pg'

const ADMIN = { id: 'admin-1', role: 'admin' as const }
const NOW = Date.parse('2026-03-02T03:00:00Z')
const PEOPLE = 10
const ctx: AttemptContext = { now: NOW }

type Exec = <T>(program: () => Program<T>) => Promise<T>

// A published contest with one open round of five questions (correct key always A before shuffling), and
// people placed in its unit; then `body` on three servers sharing the database.
async function onServers(body: (at: (i: number) => Exec, setup: { roundId: string; sql: PgDb['$client'] }) => Promise<void>) {
  const t: PgTestDb = await pgTestDb()
  const exec = <T>(p: Program<T>) => runPg(t.db.$client, p)
  const servers: PgDb[] = [openPg(t.url, { max: 5 }), openPg(t.url, { max: 5 }), openPg(t.url, { max: 5 })]
  try {
    await exec(importQuestions(ADMIN, Array.from({ length: 12 }, (_, i) => ({ question: makeQuestion(`q${i}`) })), NOW - 60_000, 'test'))
    const contest = await exec(addContest(ADMIN, { title: 'Hội thi' }, NOW))
    const [unit] = await exec(saveUnits(ADMIN, contest.id, { units: [{ code: 'A', name: 'Chi bộ A' }] }, NOW))
    const round = await exec(addRound(ADMIN, contest.id, { title: 'Tuần 1', opensAt: NOW - 60_000, closesAt: NOW + 3600_000, questionCount: 5, maxAttempts: null }, NOW, 30))
    await exec(changeContestStatus(ADMIN, contest.id, 'published', NOW))
    await exec(transaction(function* () {
      for (let i = 0; i < PEOPLE; i++) {
        yield* run(`INSERT INTO participants (id, full_name, name_folded, date_of_birth, phone, password_hash, consent_at, consent_version, created_at)
          VALUES (?, 'A', 'a', '1990-01-01', ?, 'x', 0, 'v1', 0)`, `p${i}`, `090000${i}`)
        yield* run('INSERT INTO participant_units (participant_id, contest_id, unit_id) VALUES (?, ?, ?)', `p${i}`, contest.id, unit.id)
      }
    }))
    // Each call runs as one transaction on the i-th server, as the store's write does.
    await body((i) => (p) => runPg(servers[i % 3].$client, transaction(p)), { roundId: round.id, sql: t.db.$client })
  } finally {
    await Promise.all(servers.map((s) => s.$client.end()))
    await t.drop()
  }
}

const codeOf = (err: unknown) => (err instanceof AppError ? err.code : String(err))

describe('attempts written from several servers at once (PostgreSQL)', () => {
  it('keeps one attempt in progress per person and numbers them 1, 2, 3 while starts and submits storm three servers', async () => {
    await onServers(async (at, { roundId, sql }) => {
      for (let turn = 1; turn <= 3; turn++) {
        const starts = await Promise.allSettled(Array.from({ length: PEOPLE * 4 }, (_, i) => at(i)(() => beginAttempt(ctx, `p${i % PEOPLE}`, roundId))))
        expect(starts.filter((s) => s.status === 'rejected').map((s) => codeOf((s as PromiseRejectedResult).reason))).toEqual([])
        const ids = new Map<string, Set<string>>()
        for (const [i, s] of starts.entries()) {
          const person = `p${i % PEOPLE}`
          ids.set(person, (ids.get(person) ?? new Set()).add((s as PromiseFulfilledResult<{ attempt: { id: string } }>).value.attempt.id))
        }
        expect([...ids.values()].map((set) => set.size)).toEqual(Array(PEOPLE).fill(1))
        const submits = await Promise.allSettled([...ids.entries()].flatMap(([person, set]) => [0, 1, 2].map((k) =>
          at(k)(() => finishByParticipant(ctx, person, [...set][0], null)))))
        expect(submits.filter((s) => s.status === 'rejected')).toEqual([])
      }
      const rows = await sql`SELECT participant_id, number, status FROM attempts WHERE round_id = ${roundId} ORDER BY participant_id, number`
      for (let i = 0; i < PEOPLE; i++) {
        expect(rows.filter((r) => r.participant_id === `p${i}`).map((r) => [r.number, r.status])).toEqual([[1, 'submitted'], [2, 'submitted'], [3, 'submitted']])
      }
    })
  })

  it('scores every answer it acknowledged: saves racing the submit on other servers are in the score or refused', async () => {
    await onServers(async (at, { roundId, sql }) => {
      const attempts = await Promise.all(Array.from({ length: PEOPLE }, (_, i) => at(i)(() => beginAttempt(ctx, `p${i}`, roundId))))
      // The right letter of each shown question: key A of the question, wherever the shuffle put it.
      const order = await sql`SELECT a.id, i.position, i.option_order FROM attempt_items i JOIN attempts a ON a.seq = i.attempt_seq WHERE a.round_id = ${roundId}`
      const rightLetter = (attemptId: string, position: number) => {
        const row = order.find((r) => r.id === attemptId && r.position === position)!
        return String.fromCharCode(65 + (JSON.parse(row.option_order) as string[]).indexOf('A'))
      }
      const race = attempts.flatMap(({ attempt }, i) => [
        ...[1, 2, 3, 4, 5].map((position) => at(i + position)(() => storeAnswer(ctx, `p${i}`, attempt.id, position, [rightLetter(attempt.id, position)]))
          .then(() => ({ position }), (err: unknown) => ({ position, refused: codeOf(err) }))),
        at(i + 2)(() => finishByParticipant(ctx, `p${i}`, attempt.id, null)).then((r) => ({ score: r.score })),
      ])
      const outcomes = await Promise.all(race)
      for (const [i, { attempt }] of attempts.entries()) {
        const mine = outcomes.slice(i * 6, i * 6 + 6)
        const acknowledged = mine.filter((o) => 'position' in o && !('refused' in o)).length
        const refused = mine.filter((o) => 'refused' in o).map((o) => (o as { refused: string }).refused)
        expect(refused.every((c) => c === 'ATTEMPT_CLOSED'), refused.join()).toBe(true)
        const [stored] = await sql`SELECT score FROM attempts WHERE id = ${attempt.id}`
        expect(stored.score, `attempt ${i}: ${acknowledged} answers acknowledged`).toBe(acknowledged)
      }
      const unmarked = await all('SELECT 1 FROM attempt_items WHERE correct IS NULL')
      expect(await runPg(sql, unmarked)).toEqual([])
    })
  })
})

import { describe, expect, it } from 'vitest'
import { AppError } from '../../api/errors'
import { beginAttempt, finishByParticipant } from '../../api/services/attempts'
import { addContest, changeContestStatus, saveUnits } from '../../api/services/contests'
import { finalizeRound } from '../../api/services/finalize'
import { disqualifyParticipant, undoDisqualification } from '../../api/services/judging'
import { importQuestions } from '../../api/services/questions'
import { addRound } from '../../api/services/rounds'
import { openPg, type PgDb } from '../../db/pg'
import { runPg } from '../../db/pg-runner'
import { run, transaction } from '../../db/program'
import { PgStore } from '../../db/store'
import { makeQuestion } from '../helpers/bank'
import { pgTestDb } from '../helpers/pg'

const ADMIN = { id: 'admin-1', role: 'admin' as const }
const OPEN = Date.parse('2026-03-02T03:00:00Z')
const LATER = OPEN + 3 * 3600_000
const PEOPLE = 12

const codeOf = (err: unknown) => (err instanceof AppError ? err.code : String(err))

describe('finalize on PostgreSQL, with judges on other servers', () => {
  it('never locks a ranking that a disqualification committed during the finalize would contradict', async () => {
    const t = await pgTestDb()
    const servers: PgDb[] = [openPg(t.url, { max: 5 }), openPg(t.url, { max: 5 })]
    const [finalizer, judge] = servers.map((db) => new PgStore(db))
    const exec = <T>(p: Parameters<typeof runPg<T>>[1]) => runPg(t.db.$client, p)
    try {
      await exec(importQuestions(ADMIN, Array.from({ length: 8 }, (_, i) => ({ question: makeQuestion(`q${i}`) })), OPEN - 60_000, 'test'))
      const contest = await exec(addContest(ADMIN, { title: 'Hội thi' }, OPEN))
      const [unit] = await exec(saveUnits(ADMIN, contest.id, { units: [{ code: 'A', name: 'Chi bộ A' }] }, OPEN))
      const round = await exec(addRound(ADMIN, contest.id, { title: 'Tuần 1', opensAt: OPEN - 60_000, closesAt: OPEN + 3600_000, questionCount: 5 }, OPEN, 0))
      // 5,000 finished attempts written in bulk: the ranking is stored in five slices with turns between.
      await t.db.$client.unsafe(`
        INSERT INTO participants (id, full_name, name_folded, date_of_birth, phone, password_hash, consent_at, consent_version, created_at)
          SELECT 'p' || i, 'A', 'a', '1990-01-01', '09' || i, 'x', 0, 'v1', 0 FROM generate_series(1, 5000) i;
        INSERT INTO participant_units (participant_id, contest_id, unit_id) SELECT 'p' || i, '${contest.id}', '${unit.id}' FROM generate_series(1, 5000) i;
        INSERT INTO attempts (id, round_id, participant_id, number, status, started_at, deadline_at, submitted_at, ended_at, score, max_score, correct_count, finish_seq)
          SELECT 'a' || i, '${round.id}', 'p' || i, 1, 'submitted', ${OPEN}, ${OPEN + 600_000}, ${OPEN} + i, ${OPEN} + i, i % 6, 5, i % 6, i FROM generate_series(1, 5000) i`)
      const finalizing = finalizeRound({ store: finalizer, now: LATER }, ADMIN, round.id).then(() => 'ok', codeOf)
      // Once the finalize is writing its ranking, judges disqualify people in it.
      for (let i = 0; i < 2000; i++) {
        const [{ n }] = await t.db.$client`SELECT count(*) AS n FROM final_standings WHERE round_id = ${round.id}`
        if (n > 0) break
        await new Promise((r) => setTimeout(r, 1))
      }
      const judging = Array.from({ length: 20 }, (_, i) => judge.write(function* () { yield* disqualifyParticipant(ADMIN, round.id, `p${i * 7 + 1}`, 'Khai sai thông tin', LATER) }).then(() => 'ok', codeOf))
      expect(await finalizing).toBe('ok')
      expect(new Set(await Promise.all(judging))).toEqual(new Set(['CONFLICT']))
      const [{ gen }] = await t.db.$client`SELECT final_generation AS gen FROM rounds WHERE id = ${round.id}`
      const [{ clash }] = await t.db.$client`SELECT count(*) AS clash FROM final_standings f JOIN disqualifications d ON d.round_id = f.round_id AND d.participant_id = f.participant_id
        WHERE f.round_id = ${round.id} AND f.generation = ${gen}`
      expect(clash).toBe(0)
    } finally {
      await Promise.all(servers.map((s) => s.$client.end()))
      await t.drop()
    }
  })

  it('holds the round for its whole run: disqualifications wait for it or meet the round final, and a second finalize is refused', async () => {
    const t = await pgTestDb()
    const servers: PgDb[] = [openPg(t.url, { max: 5 }), openPg(t.url, { max: 5 }), openPg(t.url, { max: 5 })]
    const stores = servers.map((db) => new PgStore(db))
    const exec = <T>(p: Parameters<typeof runPg<T>>[1]) => runPg(t.db.$client, p)
    try {
      await exec(importQuestions(ADMIN, Array.from({ length: 8 }, (_, i) => ({ question: makeQuestion(`q${i}`) })), OPEN - 60_000, 'test'))
      const contest = await exec(addContest(ADMIN, { title: 'Hội thi' }, OPEN))
      const [unit] = await exec(saveUnits(ADMIN, contest.id, { units: [{ code: 'A', name: 'Chi bộ A' }] }, OPEN))
      const round = await exec(addRound(ADMIN, contest.id, { title: 'Tuần 1', opensAt: OPEN - 60_000, closesAt: OPEN + 3600_000, questionCount: 5,
        prizes: [{ name: 'Giải Nhất', count: 1 }], unitPrizes: [{ name: 'Đơn vị dẫn đầu', count: 1 }] }, OPEN, 0))
      await exec(changeContestStatus(ADMIN, contest.id, 'published', OPEN))
      for (let i = 0; i < PEOPLE; i++) {
        await exec(transaction(function* () {
          yield* run(`INSERT INTO participants (id, full_name, name_folded, date_of_birth, phone, password_hash, consent_at, consent_version, created_at)
            VALUES (?, 'A', 'a', '1990-01-01', ?, 'x', 0, 'v1', 0)`, `p${i}`, `090000${i}`)
          yield* run('INSERT INTO participant_units (participant_id, contest_id, unit_id) VALUES (?, ?, ?)', `p${i}`, contest.id, unit.id)
        }))
        const { attempt } = await exec(transaction(() => beginAttempt({ now: OPEN + i * 1000 }, `p${i}`, round.id)))
        await exec(transaction(() => finishByParticipant({ now: OPEN + 60_000 + i * 1000 }, `p${i}`, attempt.id, null)))
      }
      // Judges disqualify and restore on two servers while two finalizes start on the others.
      const judging = Array.from({ length: 30 }, (_, i) => {
        const who = `p${i % PEOPLE}`
        const store = stores[1 + (i % 2)]
        const write = i % 3 === 2 ? () => undoDisqualification(ADMIN, round.id, who, LATER) : function* () { yield* disqualifyParticipant(ADMIN, round.id, who, 'Khai sai thông tin', LATER) }
        return store.write(write).then(() => 'ok', codeOf)
      })
      const finalizes = [stores[0], stores[2]].map((store) => finalizeRound({ store, now: LATER }, ADMIN, round.id).then(() => 'ok', codeOf))
      const outcomes = await Promise.all([...judging, ...finalizes])
      expect(outcomes.filter((o) => !['ok', 'CONFLICT', 'NOT_FOUND'].includes(o))).toEqual([])
      expect(outcomes.slice(-2).filter((o) => o === 'ok').length, outcomes.slice(-2).join()).toBeGreaterThanOrEqual(1)
      // What is locked is exactly the people not disqualified when it was locked, and nothing moved after.
      const [{ gen }] = await t.db.$client`SELECT final_generation AS gen FROM rounds WHERE id = ${round.id}`
      const ranked = (await t.db.$client`SELECT participant_id FROM final_standings WHERE round_id = ${round.id} AND generation = ${gen}`).map((r) => r.participant_id).sort()
      const out = (await t.db.$client`SELECT participant_id FROM disqualifications WHERE round_id = ${round.id}`).map((r) => r.participant_id)
      expect(ranked).toEqual(Array.from({ length: PEOPLE }, (_, i) => `p${i}`).filter((p) => !out.includes(p)).sort())
      const late = await stores[1].write(() => disqualifyParticipant(ADMIN, round.id, ranked[0], 'Muộn', LATER)).then(() => 'ok', codeOf)
      expect(late).toBe('CONFLICT')
      const [{ prizes }] = await t.db.$client`SELECT count(*) AS prizes FROM round_unit_prizes WHERE round_id = ${round.id}`
      expect(prizes).toBe(1)
    } finally {
      await Promise.all(servers.map((s) => s.$client.end()))
      await t.drop()
    }
  })
})

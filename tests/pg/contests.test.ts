import { describe, expect, it } from 'vitest'
import { verifyChain } from '../../api/services/audit'
import { addContest, changeContestStatus, editContest, readContest, readContests, readUnits, saveUnits } from '../../api/services/contests'
import { countRoundActivity, findParticipants, readRoundPrizes } from '../../api/services/round-extras'
import { addRound, editRound } from '../../api/services/rounds'
import { importUnitRows } from '../../api/services/units-import'
import { AppError } from '../../api/errors'
import type { CreateRoundInput, PatchRoundInput } from '../../api/schemas/admin'
import { openPg, type PgDb } from '../../db/pg'
import { runPg } from '../../db/pg-runner'
import { all, get, run, type Program } from '../../db/program'
import { runSqlite } from '../../db/sqlite-runner'
import { memoryDb } from '../helpers/db'
import { pgTestDb, type PgTestDb } from '../helpers/pg'

type Exec = <T>(program: Program<T>) => Promise<T>
const ADMIN = { id: 'admin-1', role: 'admin' as const }
const NOW = Date.parse('2026-03-02T03:00:00Z')
const HOUR = 3600_000
// Sixty published questions of one topic, as rows of the bank a round's blueprint is checked against.
function* seedPool(): Program<void> {
  for (let i = 0; i < 60; i++) {
    yield* run(`INSERT INTO questions (id, revision, topic, difficulty, type, status, tags, stem_folded, fingerprint, updated_at)
      VALUES (?, 1, 'Lịch sử', 1, 'single', 'published', '[]', ?, ?, 0)`, `q${i}`, `cau ${i}`, `f${i}`)
  }
}
const ROUND: CreateRoundInput = { title: 'Tuần 1', opensAt: NOW + HOUR, closesAt: NOW + 48 * HOUR, questionCount: 10 }

// Three servers on one database, each with a small pool, as the several-server mode runs them.
async function onServers(body: (execAt: (i: number) => Exec, t: PgTestDb) => Promise<void>) {
  const t = await pgTestDb()
  await runPg(t.db.$client, seedPool())
  const servers: PgDb[] = [openPg(t.url, { max: 4 }), openPg(t.url, { max: 4 }), openPg(t.url, { max: 4 })]
  try {
    await body((i) => (p) => runPg(servers[i % 3].$client, p), t)
  } finally {
    await Promise.all(servers.map((s) => s.$client.end()))
    await t.drop()
  }
}

async function settle<T>(n: number, start: (i: number) => Promise<T>) {
  const outcomes = await Promise.allSettled(Array.from({ length: n }, (_, i) => start(i)))
  const done = outcomes.filter((o): o is PromiseFulfilledResult<Awaited<T>> => o.status === 'fulfilled').map((o) => o.value)
  const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => (o.reason instanceof AppError ? o.reason.code : String(o.reason)))
  return { done, refused }
}

describe('contests, rounds and units written on several servers at once', () => {
  it('gives contests created at once from one title distinct slugs, and one explicit slug to one contest (409 for the rest)', async () => {
    await onServers(async (execAt) => {
      const titled = await settle(30, (i) => execAt(i)(addContest(ADMIN, { title: 'Hội thi Tìm hiểu' }, NOW)))
      expect(titled.refused).toEqual([])
      expect(titled.done.map((c) => c.slug).sort()).toEqual(['hoi-thi-tim-hieu', ...Array.from({ length: 29 }, (_, i) => `hoi-thi-tim-hieu-${i + 2}`)].sort())
      const chosen = await settle(20, (i) => execAt(i)(addContest(ADMIN, { title: `Hội thi ${i}`, slug: 'trung' }, NOW)))
      expect(chosen.done).toHaveLength(1)
      expect(chosen.refused).toEqual(Array(19).fill('CONFLICT'))
      // Renames to one slug at once: one takes it, the others are the same 409.
      const renamed = await settle(10, (i) => execAt(i)(editContest(ADMIN, titled.done[i].id, { slug: 'moi' }, NOW)))
      expect(renamed.done).toHaveLength(1)
      expect(renamed.refused).toEqual(Array(9).fill('CONFLICT'))
      expect(await execAt(0)(verifyChain())).toMatchObject({ ok: true, count: 31 + 1 })
    })
  })

  it('numbers rounds created at once in one contest 1, 2, 3, … without a gap or a refusal', async () => {
    await onServers(async (execAt) => {
      const contest = await execAt(0)(addContest(ADMIN, { title: 'Hội thi' }, NOW))
      const other = await execAt(0)(addContest(ADMIN, { title: 'Hội thi khác' }, NOW))
      const made = await settle(40, (i) => execAt(i)(addRound(ADMIN, i % 4 ? contest.id : other.id, { ...ROUND, title: `Tuần ${i}` }, NOW, 30)))
      expect(made.refused).toEqual([])
      const numbers = (contestId: string) => made.done.filter((r) => r.contestId === contestId).map((r) => r.number).sort((a, b) => a - b)
      expect(numbers(contest.id)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
      expect(numbers(other.id)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1))
      expect((await execAt(0)(readContest(contest.slug, NOW, true))).rounds.map((r) => r.number)).toEqual(numbers(contest.id))
    })
  })

  it('keeps every edit of a round when several settle at once: none writes back settings another changed', async () => {
    await onServers(async (execAt) => {
      const contest = await execAt(0)(addContest(ADMIN, { title: 'Hội thi' }, NOW))
      const rounds: { id: string }[] = []
      for (let i = 0; i < 6; i++) rounds.push(await execAt(0)(addRound(ADMIN, contest.id, ROUND, NOW, 30)))
      const patches: PatchRoundInput[] = [
        { title: 'Đã sửa' }, { timeLimitSec: 1200 }, { maxAttempts: 5 }, { graceSec: 90 }, { reviewKeys: 'show' },
        { prizes: [{ name: 'Nhất', count: 1 }] }, { unitPrizes: [{ name: 'Nhất', count: 1 }] }, { questionCount: 12 },
      ]
      const edits = await settle(rounds.length * patches.length, (i) =>
        execAt(i)(editRound(ADMIN, rounds[i % rounds.length].id, patches[Math.floor(i / rounds.length)], NOW)))
      expect(edits.refused).toEqual([])
      const all = Object.assign({}, ...patches) as PatchRoundInput
      for (const r of (await execAt(0)(readContest(contest.id, NOW, true))).rounds) {
        expect(r).toMatchObject({ title: all.title, timeLimitSec: all.timeLimitSec, maxAttempts: all.maxAttempts, graceSec: all.graceSec,
          reviewKeys: all.reviewKeys, prizes: all.prizes, unitPrizes: all.unitPrizes, questionCount: all.questionCount })
      }
    })
  })

  it('refuses an edit that was waiting while the round was finalized, and never unfinalizes it', async () => {
    await onServers(async (execAt, t) => {
      const contest = await execAt(0)(addContest(ADMIN, { title: 'Hội thi' }, NOW))
      const round = await execAt(0)(addRound(ADMIN, contest.id, ROUND, NOW, 30))
      // A finalize holding the round's row: the edit reads the round unfinalized, then waits for the row.
      const finalize = await t.db.$client.reserve()
      await finalize`BEGIN`
      await finalize`UPDATE rounds SET finalized_at = ${NOW}, final_generation = 1 WHERE id = ${round.id}`
      const edit = execAt(1)(editRound(ADMIN, round.id, { title: 'Muộn' }, NOW)).then(() => 'saved', (err: unknown) => (err instanceof AppError ? err.code : String(err)))
      await waitForLockWait(t)
      await finalize`COMMIT`
      finalize.release()
      expect(await edit).toBe('CONFLICT')
      expect(await execAt(0)(get('SELECT title, finalized_at AS "finalizedAt", final_generation AS "finalGeneration" FROM rounds WHERE id = ?', round.id)))
        .toEqual({ title: ROUND.title, finalizedAt: NOW, finalGeneration: 1 })
    })
  })

  it('imports the same unit codes at once without a duplicate or a 500, and refuses the second half of a cycle made at once', async () => {
    await onServers(async (execAt) => {
      const contest = await execAt(0)(addContest(ADMIN, { title: 'Hội thi' }, NOW))
      const units = Array.from({ length: 40 }, (_, i) => ({ code: `U${String(i).padStart(2, '0')}`, name: `Chi bộ ${i}`, parentCode: i ? 'U00' : undefined, headcount: i }))
      const parsed = { units: units.map((u, i) => ({ ...u, row: i + 2 })), rejected: [], warnings: [], errors: [] }
      const saved = await settle<unknown>(24, (i) => (i % 2 ? execAt(i)(saveUnits(ADMIN, contest.id, { units }, NOW)) : execAt(i)(importUnitRows(ADMIN, contest.id, parsed, NOW))))
      expect(saved.refused).toEqual([])
      const stored = await execAt(0)(readUnits(contest.id))
      expect(stored.map((u) => u.code)).toEqual(units.map((u) => u.code))
      expect(new Set(stored.map((u) => u.id)).size).toBe(40)
      // A→B and B→A at once: each alone is a tree, together a cycle. Pairs of fresh units, so rows never overlap.
      await execAt(0)(saveUnits(ADMIN, contest.id, { units: Array.from({ length: 20 }, (_, i) => ({ code: `C${i}`, name: `Đơn vị ${i}` })) }, NOW))
      const crossed = await settle(20, (i) => {
        const pair = i - (i % 2)
        const [self, parent] = i % 2 ? [`C${pair + 1}`, `C${pair}`] : [`C${pair}`, `C${pair + 1}`]
        return execAt(i)(saveUnits(ADMIN, contest.id, { units: [{ code: self, name: 'Đơn vị', parentCode: parent }] }, NOW))
      })
      expect(crossed.refused).toEqual(Array(10).fill('VALIDATION_FAILED'))
      const tree = await execAt(0)(all<{ id: string; parentId: string | null }>('SELECT id, parent_id AS "parentId" FROM units'))
      const parent = new Map(tree.map((u) => [u.id, u.parentId]))
      for (const u of tree) {
        let steps = 0
        for (let cur = u.parentId; cur; cur = parent.get(cur) ?? null) expect(++steps).toBeLessThan(tree.length)
      }
      expect(await execAt(0)(verifyChain())).toMatchObject({ ok: true })
    })
  })
})

// Until a backend of this database waits for a lock another holds.
async function waitForLockWait(t: PgTestDb) {
  for (let i = 0; i < 200; i++) {
    const [{ n }] = await t.db.$client`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = ${t.name} AND wait_event_type = 'Lock'`
    if (n > 0) return
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error('no backend ever waited for the round row')
}

// The same writes and reads on both stores, ids replaced by names, must give equal answers.
async function story(exec: Exec) {
  await exec(seedPool())
  const contest = await exec(addContest(ADMIN, { title: 'Hội thi Tìm hiểu', description: 'Mô tả', onePrizePerPerson: true }, NOW))
  const twin = await exec(addContest(ADMIN, { title: 'Hội thi Tìm hiểu' }, NOW + 1))
  const taken = await exec(addContest(ADMIN, { title: 'x', slug: twin.slug }, NOW)).catch((err: AppError) => err.code)
  await exec(saveUnits(ADMIN, contest.id, { units: [{ code: 'K', name: 'Khối' }, { code: 'A', name: 'Chi bộ A', parentCode: 'K', headcount: 12 }] }, NOW))
  await exec(saveUnits(ADMIN, contest.id, { units: [{ code: 'A', name: 'Chi bộ A mới' }] }, NOW))
  const cycle = await exec(saveUnits(ADMIN, contest.id, { units: [{ code: 'K', name: 'Khối', parentCode: 'A' }] }, NOW)).catch((err: AppError) => err.code)
  const r1 = await exec(addRound(ADMIN, contest.id, { ...ROUND, opensAt: NOW - 2 * HOUR, prediction: { enabled: true, target: 'participants' }, blueprint: [{ topic: 'Lịch sử', count: 10 }] }, NOW, 30))
  const r2 = await exec(addRound(ADMIN, contest.id, { ...ROUND, title: 'Tuần 2' }, NOW, 30))
  await exec(editRound(ADMIN, r2.id, { closesAt: NOW + 24 * HOUR, freezeAt: NOW + 20 * HOUR, prediction: { enabled: false } }, NOW))
  await exec(changeContestStatus(ADMIN, contest.id, 'published', NOW))
  const edited = await exec(editContest(ADMIN, contest.id, { rules: 'Thể lệ', onePrizePerPerson: false }, NOW))
  const [a, k] = await exec(readUnits(contest.id)) // by code
  await exec(run(`INSERT INTO participants (id, full_name, name_folded, date_of_birth, phone, password_hash, consent_at, consent_version, created_at)
    VALUES ('p1', 'Nguyễn Văn An', 'nguyen van an', '1990-01-01', '0912345678', 'x', 0, 'v1', ?), ('p2', 'Trần Bình', 'tran binh', '1991-02-02', '0987654321', 'x', 0, 'v1', ?)`, NOW, NOW))
  await exec(run('INSERT INTO participant_units (participant_id, contest_id, unit_id) VALUES (?, ?, ?)', 'p1', contest.id, a.id))
  await exec(run(`INSERT INTO attempts (id, round_id, participant_id, number, status, started_at, deadline_at, ended_at) VALUES
    ('a1', ?, 'p1', 1, 'submitted', ?, ?, ?), ('a2', ?, 'p2', 1, 'in_progress', ?, ?, NULL)`, r1.id, NOW - HOUR, NOW, NOW - 30 * 60_000, r1.id, NOW - 61 * 60_000, NOW))
  await exec(run('INSERT INTO round_prizes (round_id, rank, name, participant_id) VALUES (?, 1, ?, ?), (?, 2, ?, ?)', r1.id, 'Nhất', 'p1', r1.id, 'Nhì', 'p2'))
  await exec(run('INSERT INTO round_unit_prizes (round_id, rank, name, unit_id) VALUES (?, 1, ?, ?)', r1.id, 'Nhất', k.id))
  const answers = {
    taken, cycle, edited,
    bySlug: await exec(readContest(contest.slug, NOW)),
    published: await exec(readContests(NOW)),
    every: await exec(readContests(NOW, true)),
    units: await exec(readUnits(contest.id)),
    prizes: await exec(readRoundPrizes(r1.id)),
    activity: await exec(countRoundActivity(r1.id, 60)),
    found: [await exec(findParticipants('an', 10)), await exec(findParticipants('+84 987 654 321', 10)), await exec(findParticipants('p1', 10))],
    draftHidden: await exec(readContest(twin.id, NOW)).catch((err: AppError) => err.code),
  }
  const names = new Map([[contest.id, 'contest'], [twin.id, 'twin'], [r1.id, 'r1'], [r2.id, 'r2'], [k.id, 'K'], [a.id, 'A']])
  return JSON.parse(JSON.stringify(answers, (_key, value: unknown) => (typeof value === 'string' ? names.get(value) ?? value : value))) as unknown
}

describe('the same programs on SQLite and PostgreSQL', () => {
  it('answer alike: slugs, units, rounds, contest reads, prizes, activity and the participant search', async () => {
    const db = memoryDb()
    const onSqlite = await story(async (p) => runSqlite(db, p))
    const t = await pgTestDb()
    try {
      const onPg = await story((p) => runPg(t.db.$client, p))
      expect(onPg).toEqual(onSqlite)
      expect(onSqlite).toMatchObject({
        taken: 'CONFLICT', cycle: 'VALIDATION_FAILED', draftHidden: 'NOT_FOUND',
        bySlug: { slug: 'hoi-thi-tim-hieu', rules: 'Thể lệ', onePrizePerPerson: false, rounds: [{ id: 'r1', number: 1 }, { id: 'r2', number: 2, freezeAt: '2026-03-02T23:00:00.000Z' }] },
        units: [{ id: 'A', name: 'Chi bộ A mới', parentId: 'K', headcount: 12 }, { id: 'K', parentId: null }],
        activity: [{ at: '2026-03-02T01:00:00.000Z', started: 1, finished: 0 }, { at: '2026-03-02T02:00:00.000Z', started: 1, finished: 1 }],
      })
    } finally {
      await t.drop()
    }
  })
})

import Database from 'better-sqlite3'
import { createHash, randomBytes } from 'node:crypto'
import { newId } from '../../api/lib/ids'
import { foldText } from '../../api/lib/text'
import { answerSignature } from '../../api/rules/answer-signature'
import { shuffleOptions } from '../../api/rules/draw'
import { isItemCorrect, scoreItems } from '../../api/rules/scoring'
import { CONSENT_VERSION } from '../../api/services/participants'
import { birthDate, personName, phoneOf, seeded } from './people'

// Bulk seeding straight into SQLite while the server is stopped: the same tables, columns and derived
// values the server writes at finish (score, answer_sig, finish_seq), with large transactions.
export type BulkOptions = {
  dbPath: string; contestId: string; roundId: string; people: number; attempts: number; sessions: number
  passwordHash: string; seed: number; withItems: boolean; log: (s: string) => void
}
export type BulkResult = {
  people: number; attempts: number; items: number; sessionCookies: { participantId: string; cookie: string }[]
  bytes: { start: number; afterPeople: number; afterAttempts: number }; seconds: { people: number; attempts: number }
  skippedColumns: string[]; perAttemptByBtree: { name: string; bytes: number }[]
}

type Col = { name: string; type: string; notnull: number; dflt_value: unknown; pk: number }
type Content = { type: 'single' | 'multiple' | 'true_false'; options: { key: string; pinned?: boolean }[]; correct: string[]; weight: number }

const letter = (i: number) => String.fromCharCode(65 + i)

// An INSERT for the columns we know; a NOT NULL column we do not know stops the run with its name,
// a nullable one is left NULL and reported (the schema may have moved on).
function inserter(db: Database.Database, table: string, known: string[], skipped: string[]) {
  const cols = db.prepare(`PRAGMA table_info(${table})`).all() as Col[]
  const use: string[] = []
  for (const c of cols) {
    if (known.includes(c.name)) use.push(c.name)
    else if (c.pk === 1 && c.type.toUpperCase() === 'INTEGER') continue
    else if (c.notnull && c.dflt_value == null) throw new Error(`bench seeder: ${table}.${c.name} is NOT NULL and unknown to bench/lib/bulk-seed.ts`)
    else skipped.push(`${table}.${c.name}`)
  }
  const stmt = db.prepare(`INSERT INTO ${table} (${use.join(', ')}) VALUES (${use.map(() => '?').join(', ')})`)
  return (row: Record<string, unknown>) => stmt.run(use.map((c) => row[c]))
}

export function bulkSeed(o: BulkOptions): BulkResult {
  const rnd = seeded(o.seed)
  const random = { int: (n: number) => Math.floor(rnd() * n) }
  const db = new Database(o.dbPath)
  // No journal and no fsync while seeding a scratch file: the server is stopped and the file is thrown away on failure.
  db.pragma('journal_mode = DELETE') // WAL cannot go straight to OFF
  db.pragma('journal_mode = OFF')
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -1500000')
  db.pragma('temp_store = MEMORY')
  const skipped: string[] = []
  const round = db.prepare('SELECT * FROM rounds WHERE id = ?').get(o.roundId) as { opens_at: number; closes_at: number; time_limit_sec: number; blueprint: string; question_count: number }
  const leaves = (db.prepare(`SELECT id FROM units WHERE contest_id = ? AND id NOT IN (SELECT parent_id FROM units WHERE parent_id IS NOT NULL)`).all(o.contestId) as { id: string }[]).map((r) => r.id)
  const bank = (db.prepare(`SELECT q.id, q.revision, q.topic, q.tags, q.difficulty, q."group" AS grp, r.content FROM questions q
    JOIN question_revisions r ON r.question_id = q.id AND r.revision = q.revision WHERE q.status = 'published'`).all() as
    { id: string; revision: number; topic: string; tags: string; difficulty: number; grp: string | null; content: string }[])
    .map((q) => ({ ...q, tags: JSON.parse(q.tags) as string[], c: JSON.parse(q.content) as Content }))
  const blueprint = JSON.parse(round.blueprint) as { topic?: string; tag?: string; difficulty?: number; count: number }[]
  const rows = (blueprint.length ? blueprint : [{ count: round.question_count }]).map((r) => ({
    count: r.count, pool: bank.filter((q) => (!r.topic || q.topic === r.topic) && (!r.tag || q.tags.includes(r.tag)) && (!r.difficulty || q.difficulty === r.difficulty)),
  }))

  const fileBytes = () => (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number)
  const start = fileBytes()
  const now = Date.now()
  // People: names, dates and phones invented; one scrypt hash shared by all (hashing a million would take hours).
  const insPerson = inserter(db, 'participants', ['id', 'full_name', 'name_folded', 'date_of_birth', 'phone', 'national_id', 'position', 'password_hash', 'consent_at', 'consent_version', 'client_address', 'created_at'], skipped)
  const insPU = inserter(db, 'participant_units', ['participant_id', 'contest_id', 'unit_id'], skipped)
  const ids: string[] = new Array(o.people)
  let t0 = performance.now()
  const BATCH = 50_000
  for (let i = 0; i < o.people; i += BATCH) {
    db.transaction(() => {
      for (let k = i; k < Math.min(o.people, i + BATCH); k++) {
        const id = newId()
        ids[k] = id
        const fullName = personName(rnd)
        insPerson({ id, full_name: fullName, name_folded: foldText(fullName), date_of_birth: birthDate(rnd), phone: phoneOf(k, 5), national_id: null, position: null,
          password_hash: o.passwordHash, consent_at: round.opens_at - 86_400_000, consent_version: CONSENT_VERSION, client_address: null, created_at: round.opens_at - 86_400_000 })
        insPU({ participant_id: id, contest_id: o.contestId, unit_id: leaves[Math.floor(rnd() * leaves.length)] })
      }
    })()
  }
  const peopleSec = (performance.now() - t0) / 1000
  const afterPeople = fileBytes()
  o.log(`seeded ${o.people.toLocaleString('en-US')} participants in ${peopleSec.toFixed(1)} s`)

  // Attempts in start order across the week; the people after the first `people` attempts take a second one.
  const insAttempt = inserter(db, 'attempts', ['id', 'round_id', 'participant_id', 'number', 'status', 'started_at', 'deadline_at', 'submitted_at', 'ended_at',
    'prediction', 'score', 'max_score', 'correct_count', 'client_address', 'finish_seq', 'answer_sig'], skipped)
  const insItem = inserter(db, 'attempt_items', ['attempt_seq', 'position', 'question_id', 'revision', 'option_order', 'choice', 'answered_at', 'correct'], skipped)
  let finishSeq = ((db.prepare('PRAGMA table_info(attempts)').all() as Col[]).some((c) => c.name === 'finish_seq')
    ? (db.prepare('SELECT coalesce(max(finish_seq), 0) AS m FROM attempts').get() as { m: number }).m : 0)
  const window = round.closes_at - round.opens_at - round.time_limit_sec * 1000
  const skill = new Float64Array(o.people).map(() => 0.45 + 0.54 * Math.sqrt(rnd()))
  let items = 0
  t0 = performance.now()
  for (let a = 0; a < o.attempts; a += 20_000) {
    db.transaction(() => {
      for (let k = a; k < Math.min(o.attempts, a + 20_000); k++) {
        const second = k >= o.people
        const p = second ? Math.floor(((k - o.people) * o.people) / Math.max(1, o.attempts - o.people)) : k
        const startedAt = round.opens_at + Math.floor((k / o.attempts) * window) + Math.floor(rnd() * 60_000)
        const deadlineAt = Math.min(startedAt + round.time_limit_sec * 1000, round.closes_at)
        const expired = rnd() < 0.03
        const fast = rnd() < 0.005
        const duration = fast ? 30_000 + Math.floor(rnd() * 29_000) : 90_000 + Math.floor(810_000 * rnd() ** 1.5)
        const endedAt = expired ? deadlineAt : Math.min(startedAt + duration, deadlineAt)
        // Draw per blueprint row: distinct questions, at most one per variant group.
        const used = new Set<string>()
        const drawn: typeof bank = []
        for (const row of rows) {
          for (let got = 0, tries = 0; got < row.count && tries < 1000; tries++) {
            const q = row.pool[Math.floor(rnd() * row.pool.length)]
            const g = q.grp ?? `q:${q.id}`
            if (used.has(q.id) || used.has(g)) continue
            used.add(q.id); used.add(g); drawn.push(q); got++
          }
        }
        for (let i = drawn.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [drawn[i], drawn[j]] = [drawn[j], drawn[i]] }
        const marked = drawn.map((q, i) => {
          const order = shuffleOptions(q.c.options, q.c.type, random)
          const r = rnd()
          const blank = expired ? r < 0.3 : r < 0.01
          const wrong = order.filter((key) => !q.c.correct.includes(key))
          const chosen = blank ? [] : rnd() < skill[p] || !wrong.length ? [...q.c.correct] : [wrong[Math.floor(rnd() * wrong.length)]]
          const letters = chosen.map((key) => letter(order.indexOf(key))).sort()
          return { q, position: i + 1, order, chosen, letters, correct: q.c.correct, weight: q.c.weight ?? 1, answeredAt: blank ? null : startedAt + Math.floor(((i + 1) / drawn.length) * (endedAt - startedAt)) }
        })
        const totals = scoreItems(marked)
        const sig = answerSignature(marked.map((m) => ({ questionId: m.q.id, chosen: m.chosen })))
        const seq = Number(insAttempt({
          id: newId(), round_id: o.roundId, participant_id: ids[p], number: second ? 2 : 1, status: expired ? 'expired' : 'submitted',
          started_at: startedAt, deadline_at: deadlineAt, submitted_at: expired ? null : endedAt, ended_at: endedAt,
          prediction: expired ? null : Math.floor(o.people * (0.2 + 2.5 * rnd())), score: totals.score, max_score: totals.maxScore,
          correct_count: totals.correctCount, client_address: null, finish_seq: ++finishSeq, answer_sig: sig,
        }).lastInsertRowid)
        if (!o.withItems) continue
        for (const m of marked) {
          insItem({ attempt_seq: seq, position: m.position, question_id: m.q.id, revision: m.q.revision, option_order: JSON.stringify(m.order),
            choice: JSON.stringify(m.letters), answered_at: m.answeredAt, correct: isItemCorrect(m.correct, m.chosen) ? 1 : 0 })
          items++
        }
      }
    })()
    if ((a / 20_000) % 10 === 9) o.log(`  ${(a + 20_000).toLocaleString('en-US')} attempts…`)
  }
  const attemptsSec = (performance.now() - t0) / 1000
  const afterAttempts = fileBytes()
  o.log(`seeded ${o.attempts.toLocaleString('en-US')} attempts and ${items.toLocaleString('en-US')} items in ${attemptsSec.toFixed(1)} s`)

  // Sessions for a spread of people, so "my rank" can be asked without a scrypt sign-in each.
  const insSession = inserter(db, 'sessions', ['id', 'user_kind', 'user_id', 'created_at', 'expires_at'], skipped)
  const sessionCookies: BulkResult['sessionCookies'] = []
  db.transaction(() => {
    for (let s = 0; s < o.sessions; s++) {
      const participantId = ids[Math.floor((s * o.people) / o.sessions)]
      const token = randomBytes(32).toString('base64url')
      insSession({ id: createHash('sha256').update(token).digest('base64url'), user_kind: 'participant', user_id: participantId, created_at: now, expires_at: now + 7 * 86_400_000 })
      sessionCookies.push({ participantId, cookie: `hoithi_sid=${token}` })
    }
  })()
  // Where the bytes of an attempt go: each b-tree (table or index) of attempts and attempt_items, per attempt.
  const perAttemptByBtree = (db.prepare(`SELECT d.name, sum(d.pgsize) AS bytes FROM dbstat d JOIN sqlite_schema s ON s.name = d.name
    WHERE s.tbl_name IN ('attempts', 'attempt_items') GROUP BY d.name ORDER BY bytes DESC`).all() as { name: string; bytes: number }[])
    .map((r) => ({ name: r.name, bytes: r.bytes / o.attempts }))
  db.pragma('journal_mode = WAL')
  db.close()
  return { people: o.people, attempts: o.attempts, items, sessionCookies, bytes: { start, afterPeople, afterAttempts }, seconds: { people: peopleSec, attempts: attemptsSec },
    skippedColumns: [...new Set(skipped)], perAttemptByBtree }
}

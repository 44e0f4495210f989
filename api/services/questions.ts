import type { Db } from '../../db/client'
import { all, get, lock, transaction, type Program } from '../../db/program'
import type { AliasedRow } from '../../db/row-types'
import type { questionRevisions, questions } from '../../db/schema'
import { runSqlite } from '../../db/sqlite-runner'
import type { QuestionContent } from '../../db/schema'
import { BankQuestion } from '../../questions/schema'
import { notFound } from '../errors'
import { parseWith } from '../lib/http'
import { containsPattern } from '../lib/text'
import type { AdminQuestion, PublishedCount, QuestionsPage } from '../schemas/wire'
import { appendEntry, type Actor } from './audit'
import { logChange } from '../standings/change-log'
import { ImportTopics } from './import-topics'
import { fingerprint, readLatest, saveQuestion, toBankQuestion, toContent } from './question-store'
import { requireTopic } from './topics'
import { settleTitle } from './import-titles'
import { issue } from '../formats/issues'

export type QuestionFilter = { topic?: string; status?: 'draft' | 'published' | 'retired'; type?: string; difficulty?: number; q?: string; limit: number; offset: number }

// The current revision's content comes with each row (one join), so a page costs one query on either store.
const CURRENT = 'FROM questions q JOIN question_revisions r ON r.question_id = q.id AND r.revision = q.revision'
type CurrentRow = Pick<AliasedRow<typeof questions>, 'id' | 'revision'> & Pick<AliasedRow<typeof questionRevisions>, 'content'>
const toAdmin = (r: CurrentRow): AdminQuestion => ({ ...toBankQuestion(r.id, JSON.parse(r.content) as QuestionContent), revision: r.revision })

function filterSql(f: Omit<QuestionFilter, 'limit' | 'offset'>): { where: string; params: unknown[] } {
  const conds: string[] = []
  const params: unknown[] = []
  const add = (cond: string, value: unknown) => { conds.push(cond); params.push(value) }
  if (f.topic) add('q.topic = ?', f.topic)
  if (f.status) add('q.status = ?', f.status)
  if (f.type) add('q.type = ?', f.type)
  if (f.difficulty) add('q.difficulty = ?', f.difficulty)
  // Folded text makes "dai hoi" find "Đại hội"; a % or _ in the query is matched as itself.
  if (f.q?.trim()) add(`q.stem_folded LIKE ? ESCAPE '\\'`, containsPattern(f.q))
  return { where: conds.length ? ` WHERE ${conds.join(' AND ')}` : '', params }
}

export function* findQuestions(f: QuestionFilter): Program<QuestionsPage> {
  const { where, params } = filterSql(f)
  const { n } = (yield* get<{ n: number }>(`SELECT count(*) AS n FROM questions q${where}`, ...params))!
  const rows = yield* all<CurrentRow>(`SELECT q.id, q.revision, r.content ${CURRENT}${where} ORDER BY q.topic, q.id LIMIT ? OFFSET ?`, ...params, f.limit, f.offset)
  return { total: n, questions: rows.map(toAdmin) }
}

// Published questions per topic and difficulty: what a round's blueprint can draw from, in one query
// (the round form used to ask for each cell's count separately).
export function* countPublished(): Program<PublishedCount[]> {
  return yield* all<{ topic: string; difficulty: number; count: number }>(`SELECT topic, difficulty, count(*) AS count FROM questions WHERE status = 'published' GROUP BY topic, difficulty ORDER BY topic, difficulty`)
}

export function* readQuestion(id: string): Program<AdminQuestion> {
  const row = yield* get<CurrentRow>(`SELECT q.id, q.revision, r.content ${CURRENT} WHERE q.id = ?`, id)
  if (!row) throw notFound('câu hỏi')
  return toAdmin(row)
}

export function* listRevisions(id: string) {
  yield* readQuestion(id)
  const rows = yield* all<{ revision: number; content: string; createdAt: number; createdBy: string | null }>(`SELECT revision, content,
    created_at AS "createdAt", created_by AS "createdBy" FROM question_revisions WHERE question_id = ? ORDER BY revision`, id)
  return rows.map((r) => ({ revision: r.revision, createdAt: new Date(r.createdAt).toISOString(), createdBy: r.createdBy, question: toBankQuestion(id, JSON.parse(r.content) as QuestionContent) }))
}

// An edit is a new revision; attempts keep the revision they were given (SPEC §2). The lock makes two
// edits at once apply one after the other: the second merges its patch into the first one's result.
export function* editQuestion(actor: Actor, id: string, patch: Record<string, unknown>, now: number): Program<AdminQuestion> {
  return yield* transaction(function* () {
    yield* lock(`question:${id}`)
    const current = yield* readQuestion(id)
    const { revision: _r, ...currentFields } = current
    const merged = parseWith(BankQuestion, { ...currentFields, ...patch, id }, 'body')
    if (merged.topic !== current.topic) yield* requireTopic(merged.topic)
    const content = toContent(merged)
    if (fingerprint(content) === fingerprint(toContent(currentFields)) && JSON.stringify(content) === JSON.stringify(toContent(currentFields))) return current
    const revision = yield* saveQuestion(id, content, now, actor.id)
    yield* logChange({ kind: 'bank' }, now)
    yield* appendEntry(actor, 'question.update', 'question', id, { before: currentFields, after: merged, revision }, now)
    return { ...toBankQuestion(id, content), revision }
  })
}

export type ImportOutcome = { imported: number; updated: number; skipped: number; warnings: { line?: number; row?: number; message: string }[] }
export type ImportItem = { question: BankQuestion; line?: number; row?: number; titled?: true }
const noOutcome = (): ImportOutcome => ({ imported: 0, updated: 0, skipped: 0, warnings: [] })
type Counts = Omit<ImportOutcome, 'warnings'>
const sum = (a: Counts, b: Counts): Counts => ({ imported: a.imported + b.imported, updated: a.updated + b.updated, skipped: a.skipped + b.skipped })

// Same id with the same content, or any question with the same fingerprint, is a duplicate and skipped;
// same id with other content becomes a new revision. Re-importing a file therefore changes nothing.
export function* importQuestions(actor: Actor, items: ImportItem[], now: number, source: string): Program<ImportOutcome> {
  return yield* transaction(function* () {
    const out = yield* storeRows(actor, items, now)
    yield* auditImport(actor, out, now, source)
    return out
  })
}

// The import's one audit entry, once its questions are stored.
function* auditImport(actor: Actor, out: Counts, now: number, source: string): Program<void> {
  if (!out.imported && !out.updated) return
  yield* appendEntry(actor, 'questions.import', 'question', source, { imported: out.imported, updated: out.updated, skipped: out.skipped }, now)
}

// Imports take turns on one lock: two importing the same new id (or the same question under two ids) at
// once would both find it missing and both store it. Each batch logs its bank change with its writes.
function* storeRows(actor: Actor, items: ImportItem[], now: number): Program<ImportOutcome> {
  yield* lock('questions.import')
  const topics = yield* ImportTopics.load()
  const out = noOutcome()
  for (const given of items) {
    const where = { ...(given.line ? { line: given.line } : {}), ...(given.row ? { row: given.row } : {}) }
    const titled = given.titled ? yield* settleTitle(given.question) : undefined
    if (titled?.note) out.warnings.push(issue(where, titled.note))
    if (titled?.skip) { out.skipped++; out.warnings.push(issue(where, titled.skip)); continue }
    const item = titled ? { ...given, question: titled.question } : given
    const content = toContent({ ...item.question, topic: topics.resolve(item.question.topic) })
    const existing = yield* readLatest(item.question.id)
    if (existing) {
      if (JSON.stringify(existing.content) === JSON.stringify(content)) {
        out.skipped++
        out.warnings.push({ ...where, message: `Câu "${item.question.id}" đã có trong ngân hàng, bỏ qua.` })
        continue
      }
      yield* topics.commit(content.topic, actor, now)
      yield* saveQuestion(item.question.id, content, now, actor.id)
      out.updated++
      continue
    }
    const dup = yield* get<{ id: string }>('SELECT id FROM questions WHERE fingerprint = ? LIMIT 1', fingerprint(content))
    if (dup) {
      out.skipped++
      out.warnings.push({ ...where, message: `Câu trùng với câu "${dup.id}" đã có trong ngân hàng, bỏ qua.` })
      continue
    }
    yield* topics.commit(content.topic, actor, now)
    yield* saveQuestion(item.question.id, content, now, actor.id)
    out.imported++
  }
  if (out.imported || out.updated) yield* logChange({ kind: 'bank' }, now)
  return out
}

// One chunk of a large import, in its own transaction; the last one, given the totals of those before it,
// also writes the import's audit entry.
export function* importChunk(actor: Actor, items: ImportItem[], now: number, last?: { source: string; before: Counts }): Program<ImportOutcome> {
  return yield* transaction(function* () {
    const part = yield* storeRows(actor, items, now)
    if (last) yield* auditImport(actor, sum(last.before, part), now, last.source)
    return part
  })
}

export type Exec = <T>(program: Program<T>) => T | Promise<T>

// A large import is stored a chunk per transaction (40 questions: ~20 ms on a slow machine), yielding
// between chunks so answers and reads keep flowing. Every error was found before the first chunk, and
// re-importing is idempotent, so an interrupted import is completed by running it again.
export async function importInChunks(exec: Exec, actor: Actor, items: ImportItem[], now: number, source: string, size = 40): Promise<ImportOutcome> {
  const total = noOutcome()
  for (let i = 0; ; i += size) {
    const last = i + size >= items.length
    const part = await exec(importChunk(actor, items.slice(i, i + size), now, last ? { source, before: { ...total } } : undefined))
    total.imported += part.imported
    total.updated += part.updated
    total.skipped += part.skipped
    total.warnings.push(...part.warnings)
    if (last) return total
    await new Promise((resolve) => setImmediate(resolve))
  }
}

// SQLite bridge for the callers not yet written as programs (issue #13: the bench).
export const storeInChunks = (db: Db, actor: Actor, items: ImportItem[], now: number, source: string, size = 40): Promise<ImportOutcome> =>
  importInChunks((p) => runSqlite(db, p), actor, items, now, source, size)

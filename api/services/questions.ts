import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm'
import { prepared, type Db } from '../../db/client'
import { inTransaction } from '../../db/client'
import { questionRevisions, questions } from '../../db/schema'
import { BankQuestion } from '../../questions/schema'
import { notFound } from '../errors'
import { parseWith } from '../lib/http'
import { containsPattern } from '../lib/text'
import type { AdminQuestion } from '../schemas/wire'
import { appendAudit, type Actor } from './audit'
import { recordChange } from '../standings/change-log'
import { fingerprint, getRevision, toBankQuestion, toContent, writeQuestion } from './question-store'

export type QuestionFilter = { topic?: string; status?: 'draft' | 'published' | 'retired'; type?: string; difficulty?: number; q?: string; limit: number; offset: number }

export function listQuestions(db: Db, f: QuestionFilter): { total: number; questions: AdminQuestion[] } {
  const where: SQL[] = []
  if (f.topic) where.push(eq(questions.topic, f.topic))
  if (f.status) where.push(eq(questions.status, f.status))
  if (f.type) where.push(eq(questions.type, f.type as 'single'))
  if (f.difficulty) where.push(eq(questions.difficulty, f.difficulty))
  // Folded text makes "dai hoi" find "Đại hội"; a % or _ in the query is matched as itself.
  if (f.q?.trim()) where.push(sql`${questions.stemFolded} LIKE ${containsPattern(f.q)} ESCAPE '\\'`)
  const cond = where.length ? and(...where) : undefined
  const total = db.select({ n: count() }).from(questions).where(cond).get()?.n ?? 0
  const rows = db.select({ id: questions.id, revision: questions.revision }).from(questions).where(cond).orderBy(asc(questions.topic), asc(questions.id)).limit(f.limit).offset(f.offset).all()
  return { total, questions: rows.map((r) => ({ ...toBankQuestion(r.id, getRevision(db, r.id, r.revision)), revision: r.revision })) }
}

// Published questions per topic and difficulty: what a round's blueprint can draw from, in one query
// (the round form used to ask for each cell's count separately).
export function publishedCounts(db: Db): { topic: string; difficulty: number; count: number }[] {
  return prepared(db, `SELECT topic, difficulty, count(*) AS count FROM questions WHERE status = 'published' GROUP BY topic, difficulty ORDER BY topic, difficulty`)
    .all() as { topic: string; difficulty: number; count: number }[]
}

export function getQuestion(db: Db, id: string): AdminQuestion {
  const row = db.select({ revision: questions.revision }).from(questions).where(eq(questions.id, id)).get()
  if (!row) throw notFound('câu hỏi')
  return { ...toBankQuestion(id, getRevision(db, id, row.revision)), revision: row.revision }
}

export function questionHistory(db: Db, id: string) {
  getQuestion(db, id)
  return db.select().from(questionRevisions).where(eq(questionRevisions.questionId, id)).orderBy(asc(questionRevisions.revision)).all()
    .map((r) => ({ revision: r.revision, createdAt: new Date(r.createdAt).toISOString(), createdBy: r.createdBy, question: toBankQuestion(id, r.content) }))
}

// An edit is a new revision; attempts keep the revision they were given (SPEC §2).
export function updateQuestion(db: Db, actor: Actor, id: string, patch: Record<string, unknown>, now: number): AdminQuestion {
  return inTransaction(db, () => {
    const current = getQuestion(db, id)
    const { revision: _r, ...currentFields } = current
    const merged = parseWith(BankQuestion, { ...currentFields, ...patch, id }, 'body')
    const content = toContent(merged)
    if (fingerprint(content) === fingerprint(toContent(currentFields)) && JSON.stringify(content) === JSON.stringify(toContent(currentFields))) return current
    const revision = writeQuestion(db, id, content, now, actor.id)
    recordChange(db, { kind: 'bank' }, now)
    appendAudit(db, actor, 'question.update', 'question', id, { before: currentFields, after: merged, revision }, now)
    return { ...toBankQuestion(id, content), revision }
  })
}

export type ImportOutcome = { imported: number; updated: number; skipped: number; warnings: { line?: number; row?: number; message: string }[] }

// Same id with the same content, or any question with the same fingerprint, is a duplicate and skipped;
// same id with other content becomes a new revision. Re-importing a file therefore changes nothing.
export function storeImported(db: Db, actor: Actor, items: { question: BankQuestion; line?: number; row?: number }[], now: number, source: string): ImportOutcome {
  return inTransaction(db, () => {
    const out = storeRows(db, actor, items, now)
    recordImport(db, actor, out, now, source)
    return out
  })
}

// The import's one audit entry and bank change, once its questions are stored.
function recordImport(db: Db, actor: Actor, out: ImportOutcome, now: number, source: string) {
  if (!out.imported && !out.updated) return
  recordChange(db, { kind: 'bank' }, now)
  appendAudit(db, actor, 'questions.import', 'question', source, { imported: out.imported, updated: out.updated, skipped: out.skipped }, now)
}

function storeRows(db: Db, actor: Actor, items: { question: BankQuestion; line?: number; row?: number }[], now: number): ImportOutcome {
  const out: ImportOutcome = { imported: 0, updated: 0, skipped: 0, warnings: [] }
  const byPrint = prepared(db, 'SELECT id FROM questions WHERE fingerprint = ? LIMIT 1')
  for (const item of items) {
    const content = toContent(item.question)
    const existing = db.select({ revision: questions.revision }).from(questions).where(eq(questions.id, item.question.id)).get()
    const where = { ...(item.line ? { line: item.line } : {}), ...(item.row ? { row: item.row } : {}) }
    if (existing) {
      const same = JSON.stringify(getRevision(db, item.question.id, existing.revision)) === JSON.stringify(content)
      if (same) {
        out.skipped++
        out.warnings.push({ ...where, message: `Câu "${item.question.id}" đã có trong ngân hàng, bỏ qua.` })
        continue
      }
      writeQuestion(db, item.question.id, content, now, actor.id)
      out.updated++
      continue
    }
    const dup = byPrint.get(fingerprint(content)) as { id: string } | undefined
    if (dup) {
      out.skipped++
      out.warnings.push({ ...where, message: `Câu trùng với câu "${dup.id}" đã có trong ngân hàng, bỏ qua.` })
      continue
    }
    writeQuestion(db, item.question.id, content, now, actor.id)
    out.imported++
  }
  return out
}

// A large import is stored a chunk per transaction (40 questions: ~20 ms on a slow machine), yielding
// between chunks so answers and reads keep flowing; the audit entry and the bank change come with the
// last. Every error was found before the first chunk, and re-importing is idempotent, so an interrupted
// import is completed by running it again.
export async function storeInChunks(db: Db, actor: Actor, items: { question: BankQuestion; line?: number; row?: number }[], now: number, source: string, size = 40): Promise<ImportOutcome> {
  const total: ImportOutcome = { imported: 0, updated: 0, skipped: 0, warnings: [] }
  for (let i = 0; i < items.length || i === 0; i += size) {
    const last = i + size >= items.length
    inTransaction(db, () => {
      const part = storeRows(db, actor, items.slice(i, i + size), now)
      total.imported += part.imported
      total.updated += part.updated
      total.skipped += part.skipped
      total.warnings.push(...part.warnings)
      if (last) recordImport(db, actor, total, now, source)
    })
    if (last) break
    await new Promise((resolve) => setImmediate(resolve))
  }
  return total
}

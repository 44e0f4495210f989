import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { prepared, type Db } from '../../db/client'
import { questionRevisions, questions, type QuestionContent } from '../../db/schema'
import type { BankQuestion } from '../../questions/schema'
import { foldText, normalizeForCompare } from '../lib/text'
import type { DrawCandidate } from '../rules/types'
import { lastChangeOf } from '../standings/change-log'

export function toContent(q: BankQuestion): QuestionContent {
  return {
    topic: q.topic, tags: q.tags ?? [], difficulty: q.difficulty, type: q.type, stem: q.stem,
    options: q.options.map((o) => (o.pinned ? { key: o.key, text: o.text, pinned: true } : { key: o.key, text: o.text })),
    correct: [...q.correct].sort(), explanation: q.explanation, source: q.source,
    group: q.group ?? null, weight: q.weight ?? 1, status: q.status ?? 'published',
  }
}

export function toBankQuestion(id: string, c: QuestionContent): BankQuestion {
  return {
    id, topic: c.topic, ...(c.tags.length ? { tags: c.tags } : {}), difficulty: c.difficulty as 1 | 2 | 3, type: c.type,
    stem: c.stem, options: c.options.map((o) => (o.pinned ? { key: o.key, text: o.text, pinned: true as const } : { key: o.key, text: o.text })),
    correct: c.correct, explanation: c.explanation, source: c.source,
    ...(c.group ? { group: c.group } : {}), weight: c.weight, status: c.status,
  }
}

// Two questions are the same when type, stem, options and key match after normalizing text (API.md import).
export function fingerprint(c: Pick<QuestionContent, 'type' | 'stem' | 'options' | 'correct'>): string {
  const parts = [c.type, normalizeForCompare(c.stem), ...c.options.map((o) => `${o.key}:${normalizeForCompare(o.text)}`), [...c.correct].sort().join(',')]
  return createHash('sha256').update(parts.join('\u0001')).digest('hex').slice(0, 32)
}

// Caches are per database. The pool is kept with the position of the last bank change in the change log
// (one index seek to check), so a write on any server is seen; revisions never change once written.
type Published = { pool: DrawCandidate[]; revisions: Map<string, number>; at: number }
const poolCache = new WeakMap<Db, Published>()
const revisionCache = new WeakMap<Db, Map<string, QuestionContent>>()

export function publishedPool(db: Db): DrawCandidate[] {
  return published(db).pool
}

// The current revision of a published question, from the same cached read as the pool (a start needs
// twenty of them); undefined when the question is not published.
export function publishedRevision(db: Db, questionId: string): number | undefined {
  return published(db).revisions.get(questionId)
}

function published(db: Db): Published {
  const at = lastChangeOf(db, 'bank')
  const cached = poolCache.get(db)
  if (cached?.at === at) return cached
  const rows = db.select({ id: questions.id, revision: questions.revision, topic: questions.topic, tags: questions.tags, difficulty: questions.difficulty, group: questions.group })
    .from(questions).where(eq(questions.status, 'published')).all()
  const fresh = {
    pool: rows.map((r) => ({ id: r.id, topic: r.topic, tags: r.tags, difficulty: r.difficulty, group: r.group })),
    revisions: new Map(rows.map((r) => [r.id, r.revision])),
    at,
  }
  poolCache.set(db, fresh)
  return fresh
}

export function getRevision(db: Db, questionId: string, revision: number): QuestionContent {
  let cache = revisionCache.get(db)
  if (!cache) revisionCache.set(db, (cache = new Map()))
  const key = `${questionId}@${revision}`
  const hit = cache.get(key)
  if (hit) return hit
  // A prepared statement: the first starts of a round meet every question once, and building the query
  // each time made those cold starts twice as slow.
  const row = prepared(db, 'SELECT content FROM question_revisions WHERE question_id = ? AND revision = ?').get(questionId, revision) as { content: string } | undefined
  if (!row) throw new Error(`question revision ${key} missing`)
  const content = JSON.parse(row.content) as QuestionContent
  if (cache.size > 50_000) cache.clear()
  cache.set(key, content)
  return content
}

export function latestRevision(db: Db, questionId: string): { revision: number; content: QuestionContent } | null {
  const q = db.select({ revision: questions.revision }).from(questions).where(eq(questions.id, questionId)).get()
  return q ? { revision: q.revision, content: getRevision(db, questionId, q.revision) } : null
}

// Writes a question's new state as its next revision (or its first). Run inside a transaction whose
// caller records one bank change for all it writes (recordChange), so draws see the new pool.
export function writeQuestion(db: Db, id: string, content: QuestionContent, now: number, by: string | null): number {
  const current = db.select({ revision: questions.revision }).from(questions).where(eq(questions.id, id)).get()
  const revision = (current?.revision ?? 0) + 1
  const row = {
    revision, topic: content.topic, difficulty: content.difficulty, type: content.type, status: content.status,
    group: content.group, tags: content.tags, stemFolded: foldText(content.stem), fingerprint: fingerprint(content), updatedAt: now,
  }
  if (current) db.update(questions).set(row).where(eq(questions.id, id)).run()
  else db.insert(questions).values({ id, ...row }).run()
  db.insert(questionRevisions).values({ questionId: id, revision, content, createdAt: now, createdBy: by }).run()
  return revision
}

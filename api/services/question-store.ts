import { createHash } from 'node:crypto'
import type { Db } from '../../db/client'
import { all, get, run, scope, type Program } from '../../db/program'
import { runSqlite } from '../../db/sqlite-runner'
import type { QuestionContent } from '../../db/schema'
import type { BankQuestion } from '../../questions/schema'
import { foldText, normalizeForCompare } from '../lib/text'
import type { DrawCandidate } from '../rules/types'
import { versionOf } from '../standings/change-log'
import { ensureTopicRow } from './topics'

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

type Published = { pool: DrawCandidate[]; revisions: Map<string, number> }

// The published questions a draw picks from, by id so both stores give the same order to a seeded draw.
export function* readPublished(): Program<Published> {
  const rows = yield* all<{ id: string; revision: number; topic: string; tags: string; difficulty: number; group: string | null }>(
    `SELECT id, revision, topic, tags, difficulty, "group" FROM questions WHERE status = 'published' ORDER BY id`)
  return {
    pool: rows.map((r) => ({ id: r.id, topic: r.topic, tags: JSON.parse(r.tags) as string[], difficulty: r.difficulty, group: r.group })),
    revisions: new Map(rows.map((r) => [r.id, r.revision])),
  }
}

export function* readRevision(questionId: string, revision: number): Program<QuestionContent> {
  const row = yield* get<{ content: string }>('SELECT content FROM question_revisions WHERE question_id = ? AND revision = ?', questionId, revision)
  if (!row) throw new Error(`question revision ${questionId}@${revision} missing`)
  return JSON.parse(row.content) as QuestionContent
}

export function* readLatest(questionId: string): Program<{ revision: number; content: QuestionContent } | null> {
  const row = yield* get<{ revision: number; content: string }>(`SELECT q.revision, r.content FROM questions q
    JOIN question_revisions r ON r.question_id = q.id AND r.revision = q.revision WHERE q.id = ?`, questionId)
  return row ? { revision: row.revision, content: JSON.parse(row.content) as QuestionContent } : null
}

// Writes a question's new state as its next revision (or its first), inside the caller's transaction, which
// logs one bank change for all it writes (logChange) so draws see the new pool. The number is taken by the
// upsert itself: on PostgreSQL a second writer of the same question waits for the first one's row and then
// counts on from its revision, so two writes at once make n+1 and n+2, never two n+1.
export function* saveQuestion(id: string, content: QuestionContent, now: number, by: string | null): Program<number> {
  const { revision } = (yield* get<{ revision: number }>(`INSERT INTO questions
    (id, revision, topic, difficulty, type, status, "group", tags, stem_folded, fingerprint, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET revision = questions.revision + 1, topic = excluded.topic, difficulty = excluded.difficulty,
      type = excluded.type, status = excluded.status, "group" = excluded."group", tags = excluded.tags,
      stem_folded = excluded.stem_folded, fingerprint = excluded.fingerprint, updated_at = excluded.updated_at
    RETURNING revision`, id, content.topic, content.difficulty, content.type, content.status, content.group, JSON.stringify(content.tags),
  foldText(content.stem), fingerprint(content), now))!
  yield* run('INSERT INTO question_revisions (question_id, revision, content, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
    id, revision, JSON.stringify(content), now, by)
  yield* ensureTopicRow(content.topic, now)
  return revision
}

// Caches per database (scope()). The pool is kept with the version of the bank in the change log, so a
// write on any server is seen at the next read; a revision never changes once written.
const poolCache = new WeakMap<object, Published & { version: string }>()
const revisionCache = new WeakMap<object, Map<string, QuestionContent>>()

// The published pool and current revisions, read again only after a bank change (a start needs both).
export function* currentPublished(): Program<Published> {
  const db = yield* scope()
  const version = yield* versionOf('bank')
  const cached = poolCache.get(db)
  if (cached?.version === version) return cached
  const fresh = { ...(yield* readPublished()), version }
  poolCache.set(db, fresh)
  return fresh
}

// The first starts of a round meet every question once; the cache keeps later ones free of reads.
export function* revisionContent(questionId: string, revision: number): Program<QuestionContent> {
  const db = yield* scope()
  let cache = revisionCache.get(db)
  if (!cache) revisionCache.set(db, (cache = new Map()))
  const key = `${questionId}@${revision}`
  const hit = cache.get(key)
  if (hit) return hit
  const content = yield* readRevision(questionId, revision)
  if (cache.size > 50_000) cache.clear()
  cache.set(key, content)
  return content
}

// SQLite bridge for the callers not yet written as programs (issue #13): the tests' bank helpers.
export const writeQuestion = (db: Db, id: string, content: QuestionContent, now: number, by: string | null): number =>
  runSqlite(db, saveQuestion(id, content, now, by))

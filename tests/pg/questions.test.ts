import { describe, expect, it } from 'vitest'
import { verifyChain } from '../../api/services/audit'
import { readExportable } from '../../api/services/question-export'
import { readLatest, readPublished, readRevision, saveQuestion, toBankQuestion, toContent } from '../../api/services/question-store'
import { countPublished, editQuestion, findQuestions, importInChunks, listRevisions, readQuestion, type Exec, type ImportItem } from '../../api/services/questions'
import { listRecentReports } from '../../api/services/reports'
import { openPg, type PgDb } from '../../db/pg'
import { runPg } from '../../db/pg-runner'
import { all, get, run, transaction, type Program } from '../../db/program'
import type { QuestionContent } from '../../db/schema'
import { runSqlite } from '../../db/sqlite-runner'
import { makeQuestion } from '../helpers/bank'
import { memoryDb } from '../helpers/db'
import { pgTestDb, type PgTestDb } from '../helpers/pg'

const ADMIN = { id: 'admin-1', role: 'admin' as const }
const NOW = Date.parse('2026-01-01T00:00:00Z')
const items = (ids: string[]): ImportItem[] => ids.map((id, i) => ({ question: makeQuestion(id), line: i + 2 }))
const count = (table: string, where = '') => get<{ n: number }>(`SELECT count(*) AS n FROM ${table}${where}`)

// Several servers on one database: each its own pool, programs spread over them.
async function withServers<T>(body: (t: PgTestDb, servers: PgDb[]) => Promise<T>): Promise<T> {
  const t = await pgTestDb()
  const servers = [openPg(t.url, { max: 4 }), openPg(t.url, { max: 4 }), openPg(t.url, { max: 4 })]
  try {
    return await body(t, servers)
  } finally {
    await Promise.all(servers.map((s) => s.$client.end()))
    await t.drop()
  }
}

// The bank's life on one store: import in chunks, import again, edit, read it back every way.
async function bankStory(exec: Exec) {
  const first = await importInChunks(exec, ADMIN, items(['b-1', 'a-2', 'c-3']), NOW, 'import:json', 2)
  const again = await importInChunks(exec, ADMIN, items(['b-1', 'a-2', 'c-3']), NOW, 'import:json', 2)
  const twin = await importInChunks(exec, ADMIN, [{ question: { ...makeQuestion('a-2'), id: 'z-9' }, row: 4 }], NOW, 'import:csv')
  const edited = await exec(editQuestion(ADMIN, 'a-2', { explanation: 'Giải thích mới 100%.', status: 'draft', tags: ['x_y'] }, NOW + 1))
  const unchanged = await exec(editQuestion(ADMIN, 'a-2', { explanation: 'Giải thích mới 100%.' }, NOW + 2))
  await exec(run(`INSERT INTO question_reports (id, attempt_id, position, question_id, participant_id, message, created_at)
    VALUES ('r1', 'at1', 3, 'a-2', 'p1', 'Đáp án sai?', ?)`, NOW))
  return {
    first, again, twin, edited, unchanged,
    one: await exec(readQuestion('a-2')),
    history: await exec(listRevisions('a-2')),
    found: await exec(findQuestions({ q: 'cau hoi thu nghiem', limit: 2, offset: 0 })),
    drafts: await exec(findQuestions({ status: 'draft', topic: 't1', type: 'single', difficulty: 2, limit: 10, offset: 0 })),
    percent: await exec(findQuestions({ q: '100%', limit: 10, offset: 0 })),
    counts: await exec(countPublished()),
    exported: await exec(readExportable({ status: 'published' })),
    all: await exec(readExportable({})),
    pool: await exec(readPublished()),
    latest: await exec(readLatest('a-2')),
    revision: await exec(readRevision('a-2', 1)),
    reports: await exec(listRecentReports()),
    changes: await exec(all('SELECT kind FROM standings_changes ORDER BY seq')),
  }
}

describe('the question bank on both stores', () => {
  it('answers alike on SQLite and PostgreSQL', async () => {
    const db = memoryDb()
    const onSqlite = await bankStory((p) => runSqlite(db, p))
    const t = await pgTestDb()
    try {
      const onPg = await bankStory((p) => runPg(t.db.$client, p))
      expect(onPg).toEqual(onSqlite)
    } finally {
      await t.drop()
    }
    expect(onSqlite.first).toMatchObject({ imported: 3, updated: 0, skipped: 0 })
    expect(onSqlite.again).toMatchObject({ imported: 0, skipped: 3 })
    expect(onSqlite.twin).toMatchObject({ imported: 0, skipped: 1, warnings: [{ row: 4 }] })
    expect(onSqlite.edited).toMatchObject({ revision: 2, status: 'draft', tags: ['x_y'] })
    expect(onSqlite.unchanged.revision).toBe(2)
    expect(onSqlite.history.map((h) => h.revision)).toEqual([1, 2])
    expect(onSqlite.found).toMatchObject({ total: 3, questions: [{ id: 'a-2' }, { id: 'b-1' }] })
    expect(onSqlite.drafts.questions.map((q) => q.id)).toEqual(['a-2'])
    expect(onSqlite.percent.total).toBe(0) // a % in the query is matched as itself; stems carry none
    expect(onSqlite.counts).toEqual([{ topic: 't1', difficulty: 2, count: 2 }])
    expect(onSqlite.exported.map((q) => q.id)).toEqual(['b-1', 'c-3'])
    expect(onSqlite.pool.pool.map((c) => c.id)).toEqual(['b-1', 'c-3'])
    expect(onSqlite.reports).toEqual([{ id: 'r1', attemptId: 'at1', position: 3, questionId: 'a-2', participantId: 'p1', message: 'Đáp án sai?', createdAt: new Date(NOW).toISOString() }])
    // Each chunk that stored questions and the edit logged a bank change; imports that stored nothing did not.
    expect(onSqlite.changes).toEqual([{ kind: 'bank' }, { kind: 'bank' }, { kind: 'bank' }])
  })
})

describe('the question bank written by several servers at once (PostgreSQL)', () => {
  it('numbers the revisions of one question n+1, n+2, … however many writes race', async () => {
    await withServers(async (t, servers) => {
      const base = toContent(makeQuestion('q'))
      await runPg(t.db.$client, transaction(() => saveQuestion('q', base, NOW, 'seed')))
      const write = (i: number) => transaction(() => saveQuestion('q', { ...base, explanation: `Lần ${i}.` }, NOW + i, 'w'))
      const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => runPg(servers[i % 3].$client, write(i))))
      expect(results.filter((r) => r.status === 'rejected')).toEqual([])
      const revisions = results.map((r) => (r as PromiseFulfilledResult<number>).value).sort((a, b) => a - b)
      expect(revisions).toEqual(Array.from({ length: 40 }, (_, i) => i + 2))
      expect(await runPg(t.db.$client, get('SELECT revision FROM questions WHERE id = ?', 'q'))).toEqual({ revision: 41 })
    })
  })

  it('applies edits one after another: each revision is made from the one before it, with its bank change', async () => {
    await withServers(async (t, servers) => {
      await runPg(t.db.$client, transaction(() => saveQuestion('q', toContent(makeQuestion('q')), NOW, 'seed')))
      const edit = (i: number) => editQuestion(ADMIN, 'q', { explanation: `Sửa lần ${i}.` }, NOW + i)
      const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => runPg(servers[i % 3].$client, edit(i))))
      expect(results.filter((r) => r.status === 'rejected')).toEqual([])
      const exec = <T>(p: Program<T>) => runPg(t.db.$client, p)
      const revisions = await exec(all<{ revision: number; content: string }>("SELECT revision, content FROM question_revisions WHERE question_id = 'q' ORDER BY revision"))
      expect(revisions.map((r) => r.revision)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1))
      const audits = await exec(all<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'question.update' ORDER BY seq"))
      const befores = new Map(audits.map((a) => JSON.parse(a.detail) as { before: unknown; revision: number }).map((d) => [d.revision, d.before]))
      for (const r of revisions.slice(1)) {
        expect(befores.get(r.revision), `revision ${r.revision}`).toEqual(toBankQuestion('q', JSON.parse(revisions[r.revision - 2].content) as QuestionContent))
      }
      expect(await exec(count('standings_changes', " WHERE kind = 'bank'"))).toEqual({ n: 30 })
      expect(await exec(verifyChain())).toMatchObject({ ok: true, count: 30 })
      // The bank change is part of the edit's transaction: an edit rolled back leaves neither.
      await expect(exec(transaction(function* () {
        yield* editQuestion(ADMIN, 'q', { explanation: 'Không lưu.' }, NOW + 99)
        throw new Error('bỏ')
      }))).rejects.toThrow('bỏ')
      expect(await exec(count('question_revisions'))).toEqual({ n: 31 })
      expect(await exec(count('standings_changes'))).toEqual({ n: 30 })
    })
  })

  it('stores each new question once when imports of the same ids, or the same questions under other ids, race', async () => {
    await withServers(async (t, servers) => {
      const ids = Array.from({ length: 20 }, (_, i) => `q${String(i).padStart(2, '0')}`)
      const sameIds = items(ids)
      // The same ten questions under an id of each import's own: duplicates by fingerprint.
      const twins = (k: number) => items(ids.slice(0, 10).map((id) => `twin${k}-${id}`)).map((item, i) => ({ ...item, question: { ...makeQuestion(`twin-${i}`), id: item.question.id } }))
      const execOn = (s: PgDb): Exec => (p) => runPg(s.$client, p)
      const imports = [0, 1, 2].flatMap((k) => [
        importInChunks(execOn(servers[k]), ADMIN, sameIds, NOW, `import:same${k}`, 5),
        importInChunks(execOn(servers[(k + 1) % 3]), ADMIN, twins(k), NOW, `import:twins${k}`, 5),
      ])
      const results = await Promise.allSettled(imports)
      expect(results.filter((r) => r.status === 'rejected')).toEqual([])
      const outcomes = results.map((r) => (r as PromiseFulfilledResult<{ imported: number; updated: number; skipped: number }>).value)
      expect(outcomes.reduce((n, o) => n + o.imported, 0)).toBe(30)
      expect(outcomes.reduce((n, o) => n + o.updated, 0)).toBe(0)
      expect(outcomes.reduce((n, o) => n + o.skipped, 0)).toBe(60)
      const exec = <T>(p: Program<T>) => runPg(t.db.$client, p)
      expect(await exec(count('questions'))).toEqual({ n: 30 })
      expect(await exec(count('question_revisions'))).toEqual({ n: 30 })
      // Six chunks stored questions (four of the twenty ids, two of the twins): one bank change with each.
      expect(await exec(count('standings_changes', " WHERE kind = 'bank'"))).toEqual({ n: 6 })
      expect(await exec(verifyChain())).toMatchObject({ ok: true })
    })
  })
})

import { all, lock, transaction, type Program } from '../../db/program'
import type { QuestionContent } from '../../db/schema'
import { BankQuestion } from '../../questions/schema'
import { AppError, invalid } from '../errors'
import type { BulkQuestionsInput } from '../schemas/admin'
import type { BulkResult } from '../schemas/wire'
import { logChange } from '../standings/change-log'
import { appendEntry, type Actor } from './audit'
import { saveQuestion, toBankQuestion, toContent } from './question-store'
import { lockTopics, requireTopic } from './topics'

type Current = { id: string; content: QuestionContent }
const ACTION_LABEL = { publish: 'xuất bản', retire: 'ngừng dùng', set: 'đổi' } as const

function* readCurrent(ids: string[]): Program<Current[]> {
  const out: Current[] = []
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500)
    const rows = yield* all<{ id: string; content: string }>(`SELECT q.id, r.content FROM questions q
      JOIN question_revisions r ON r.question_id = q.id AND r.revision = q.revision WHERE q.id IN (${part.map(() => '?').join(', ')})`, ...part)
    out.push(...rows.map((r) => ({ id: r.id, content: JSON.parse(r.content) as QuestionContent })))
  }
  return out
}

function applyAction(c: QuestionContent, input: BulkQuestionsInput): QuestionContent {
  if (input.action === 'publish') return { ...c, status: 'published' }
  if (input.action === 'retire') return { ...c, status: 'retired' }
  return { ...c, ...(input.topic !== undefined ? { topic: input.topic } : {}), ...(input.difficulty !== undefined ? { difficulty: input.difficulty } : {}) }
}

// The check an edit of one question makes (editQuestion parses the merged question), so what one cannot
// publish alone cannot be published in a batch either.
function problemOf(id: string, next: QuestionContent): string | null {
  const parsed = BankQuestion.safeParse(toBankQuestion(id, next))
  if (parsed.success) return null
  return [...new Set(parsed.error.issues.map((i) => `${i.path.join('.') || 'câu hỏi'}: ${i.message}`))].join('; ')
}

// One transaction: every selected question changes, or none does. Each changed one gets a new revision, as
// an edit does (attempts keep the revision they drew), and the batch one audit entry. The questions' locks
// (taken in id order, as no edit takes two) make an edit made meanwhile come wholly before or after.
export function* bulkChangeQuestions(actor: Actor, input: BulkQuestionsInput, now: number): Program<BulkResult> {
  return yield* transaction(function* () {
    const ids = [...new Set(input.ids)].sort()
    if (input.topic !== undefined) {
      yield* lockTopics()
      yield* requireTopic(input.topic)
    }
    for (const id of ids) yield* lock(`question:${id}`)
    const current = yield* readCurrent(ids)
    const found = new Set(current.map((q) => q.id))
    const missing = ids.filter((id) => !found.has(id))
    if (missing.length) throw new AppError('NOT_FOUND', `Không tìm thấy ${missing.length} câu hỏi: ${listed(missing)}.`, { ids: missing })
    const changes = current.map((q) => ({ ...q, next: applyAction(q.content, input) }))
      .filter((q) => JSON.stringify(toContent(toBankQuestion(q.id, q.next))) !== JSON.stringify(q.content))
    const bad = changes.flatMap((q) => { const problem = problemOf(q.id, q.next); return problem ? [{ id: q.id, problem }] : [] })
    if (bad.length) {
      throw invalid(`Không ${ACTION_LABEL[input.action]} được ${bad.length} câu hỏi chưa đủ thông tin, chưa câu nào thay đổi: ${listed(bad.map((b) => b.id))}.`,
        { ids: bad.map((b) => b.id), problems: bad })
    }
    const revisions: { id: string; revision: number }[] = []
    for (const q of changes) revisions.push({ id: q.id, revision: yield* saveQuestion(q.id, toContent(toBankQuestion(q.id, q.next)), now, actor.id) })
    if (!revisions.length) return { changed: 0 }
    yield* logChange({ kind: 'bank' }, now)
    const what = { action: input.action, ...(input.topic !== undefined ? { topic: input.topic } : {}), ...(input.difficulty !== undefined ? { difficulty: input.difficulty } : {}) }
    yield* appendEntry(actor, 'questions.bulk', 'question', 'bulk', { ...what, changed: revisions }, now)
    return { changed: revisions.length }
  })
}

// Names the first few, so a message stays readable for a thousand.
const listed = (ids: string[]) => (ids.length > 10 ? `${ids.slice(0, 10).join(', ')} và ${ids.length - 10} câu khác` : ids.join(', '))

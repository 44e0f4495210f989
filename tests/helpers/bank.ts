import { inTransaction, type Db } from '../../db/client'
import { logChange, recordChange } from '../../api/standings/change-log'
import type { BankQuestion } from '../../questions/schema'
import { saveQuestion, toContent, writeQuestion } from '../../api/services/question-store'
import type { Store } from '../../db/store'

// Invented test questions (not the shipped bank): key "A" unless told otherwise.
export function makeQuestion(id: string, over: Partial<BankQuestion> = {}): BankQuestion {
  return {
    id, topic: 't1', difficulty: 2, type: 'single', stem: `Câu hỏi thử nghiệm ${id}?`,
    options: [{ key: 'A', text: `Đúng của ${id}` }, { key: 'B', text: 'Sai một' }, { key: 'C', text: 'Sai hai' }, { key: 'D', text: 'Sai ba' }],
    correct: ['A'], explanation: `Giải thích ${id}.`, source: { document: 'Tài liệu thử nghiệm' }, status: 'published', ...over,
  }
}

const SEEDED_AT = Date.parse('2026-01-01T00:00:00Z')

// As an import writes them: one bank change in the change log, so draws see the new pool. Synchronous
// on a SQLite handle; through a store (a test app's, on either store) a promise.
export function seedQuestions(db: Db, list: BankQuestion[], now?: number): void
export function seedQuestions(t: { store: Store }, list: BankQuestion[], now?: number): Promise<void>
export function seedQuestions(to: Db | { store: Store }, list: BankQuestion[], now = SEEDED_AT): void | Promise<void> {
  if ('store' in to) {
    return to.store.write(function* () {
      for (const q of list) yield* saveQuestion(q.id, toContent(q), now, 'test')
      yield* logChange({ kind: 'bank' }, now)
    })
  }
  inTransaction(to, () => {
    for (const q of list) writeQuestion(to, q.id, toContent(q), now, 'test')
    recordChange(to, { kind: 'bank' }, now)
  })
}

export function bankOf(perTopic: Record<string, number>): BankQuestion[] {
  const list: BankQuestion[] = []
  for (const [topic, n] of Object.entries(perTopic)) {
    for (let i = 1; i <= n; i++) list.push(makeQuestion(`${topic}-q${i}`, { topic }))
  }
  return list
}

export function seedBank(db: Db, perTopic: Record<string, number>): BankQuestion[]
export function seedBank(t: { store: Store }, perTopic: Record<string, number>): Promise<BankQuestion[]>
export function seedBank(to: Db | { store: Store }, perTopic: Record<string, number>): BankQuestion[] | Promise<BankQuestion[]> {
  const list = bankOf(perTopic)
  if ('store' in to) return seedQuestions(to, list).then(() => list)
  seedQuestions(to, list)
  return list
}

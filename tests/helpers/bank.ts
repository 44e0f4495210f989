import { inTransaction, type Db } from '../../db/client'
import { recordChange } from '../../api/standings/change-log'
import type { BankQuestion } from '../../questions/schema'
import { toContent, writeQuestion } from '../../api/services/question-store'

// Invented test questions (not the shipped bank): key "A" unless told otherwise.
export function makeQuestion(id: string, over: Partial<BankQuestion> = {}): BankQuestion {
  return {
    id, topic: 't1', difficulty: 2, type: 'single', stem: `Câu hỏi thử nghiệm ${id}?`,
    options: [{ key: 'A', text: `Đúng của ${id}` }, { key: 'B', text: 'Sai một' }, { key: 'C', text: 'Sai hai' }, { key: 'D', text: 'Sai ba' }],
    correct: ['A'], explanation: `Giải thích ${id}.`, source: { document: 'Tài liệu thử nghiệm' }, status: 'published', ...over,
  }
}

// As an import writes them: one bank change in the change log, so draws see the new pool.
export function seedQuestions(db: Db, list: BankQuestion[], now = Date.parse('2026-01-01T00:00:00Z')) {
  inTransaction(db, () => {
    for (const q of list) writeQuestion(db, q.id, toContent(q), now, 'test')
    recordChange(db, { kind: 'bank' }, now)
  })
}

export function seedBank(db: Db, perTopic: Record<string, number>) {
  const list: BankQuestion[] = []
  for (const [topic, n] of Object.entries(perTopic)) {
    for (let i = 1; i <= n; i++) list.push(makeQuestion(`${topic}-q${i}`, { topic }))
  }
  seedQuestions(db, list)
  return list
}

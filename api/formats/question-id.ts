import { createHash } from 'node:crypto'
import { BankQuestion } from '../../questions/schema'
import { normalizeForCompare } from '../lib/text'

type Keyed = { type: string; stem: string; options: { text: string }[]; correct: string[] }

// Same type, normalized stem, options and key give the same id, so importing a file twice is idempotent.
export function questionHash(q: Keyed): string {
  const basis = JSON.stringify([q.type, normalizeForCompare(q.stem), q.options.map((o) => normalizeForCompare(o.text)), [...q.correct].sort()])
  return 'imp-' + createHash('sha256').update(basis).digest('hex').slice(0, 12)
}

// Whether a GIFT ::title:: can stand as a question id as it is (the bank's own rule for ids).
export const isQuestionId = (text: string): boolean => BankQuestion.shape.id.safeParse(text).success

export const ID_RULE = 'mã chỉ gồm chữ không dấu, số và _ . : -, tối đa 80 ký tự'

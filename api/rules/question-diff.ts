import { diffWords } from 'diff'
import type { BankQuestion } from '../../questions/schema'
import type { DiffPart, FieldChange } from '../schemas/wire'

// The shapes it produces are part of the wire contract (api/schemas/wire.ts).
export type { DiffPart, FieldChange }

const STATUS: Record<string, string> = { draft: 'Nháp', published: 'Đã công bố', retired: 'Ngừng dùng' }
const TYPE: Record<string, string> = { single: 'Một đáp án', multiple: 'Nhiều đáp án', true_false: 'Đúng/Sai' }
const DIFFICULTY: Record<number, string> = { 1: '1 (dễ)', 2: '2 (vừa)', 3: '3 (khó)' }

const optionsText = (q: BankQuestion) => q.options.map((o) => `${o.key}. ${o.text}${o.pinned ? ' (giữ vị trí)' : ''}`).join('\n')
const sourceText = (q: BankQuestion) => [q.source.document, q.source.section, q.source.url].filter(Boolean).join(' · ')

// The fields an organizer reads in a revision, in the form's order; `words`: a text worth a word-level diff.
const FIELDS: { field: string; label: string; text: (q: BankQuestion, topic: (id: string) => string) => string; words?: true }[] = [
  { field: 'stem', label: 'Nội dung câu hỏi', text: (q) => q.stem, words: true },
  { field: 'type', label: 'Loại', text: (q) => TYPE[q.type] ?? q.type },
  { field: 'options', label: 'Phương án', text: optionsText, words: true },
  { field: 'correct', label: 'Đáp án đúng', text: (q) => q.correct.join(', ') },
  { field: 'explanation', label: 'Giải thích', text: (q) => q.explanation, words: true },
  { field: 'source', label: 'Nguồn', text: sourceText, words: true },
  { field: 'topic', label: 'Chủ đề', text: (q, topic) => topic(q.topic) },
  { field: 'difficulty', label: 'Độ khó', text: (q) => DIFFICULTY[q.difficulty] ?? String(q.difficulty) },
  { field: 'status', label: 'Trạng thái', text: (q) => STATUS[q.status ?? 'published'] },
  { field: 'tags', label: 'Nhãn', text: (q) => (q.tags ?? []).join(', ') },
  { field: 'group', label: 'Nhóm biến thể', text: (q) => q.group ?? '' },
  { field: 'weight', label: 'Trọng số', text: (q) => String(q.weight ?? 1).replace('.', ',') },
]

// What one revision changed against the one before it, each field as old → new; texts also word by word
// (jsdiff's diffWords keeps Vietnamese words whole), so a changed year in a long stem stands out.
export function diffQuestions(before: BankQuestion, after: BankQuestion, topic: (id: string) => string = (id) => id): FieldChange[] {
  const out: FieldChange[] = []
  for (const f of FIELDS) {
    const a = f.text(before, topic)
    const b = f.text(after, topic)
    if (a === b) continue
    const change: FieldChange = { field: f.field, label: f.label, before: a, after: b }
    if (f.words && a && b) change.parts = diffWords(a, b).map((p) => ({ text: p.value, op: p.added ? 'added' : p.removed ? 'removed' : 'same' }))
    out.push(change)
  }
  return out
}

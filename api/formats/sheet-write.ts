import type { BankQuestion } from '../../questions/schema'
import { COLUMNS, STATUS_TEXT, TYPE_TEXT, type Column } from './columns'

// One bank question as a row of the CSV/XLSX layout, in Vietnamese words; import reads it back to the same question.
export function questionCells(q: BankQuestion): Record<Column, string | number> {
  const option = (key: string) => q.options.find((o) => o.key === key)?.text ?? ''
  return {
    id: q.id,
    topic: q.topic,
    type: TYPE_TEXT[q.type],
    difficulty: q.difficulty,
    stem: q.stem,
    A: option('A'), B: option('B'), C: option('C'), D: option('D'), E: option('E'), F: option('F'),
    correct: q.correct.join(','),
    explanation: q.explanation,
    source_document: q.source.document,
    source_section: q.source.section ?? '',
    source_url: q.source.url ?? '',
    tags: (q.tags ?? []).join('; '),
    group: q.group ?? '',
    weight: q.weight ?? '',
    status: q.status ? STATUS_TEXT[q.status] : '',
    pinned: q.options.filter((o) => o.pinned).map((o) => o.key).join(','),
  }
}

export const questionRow = (q: BankQuestion): (string | number)[] => {
  const cells = questionCells(q)
  return COLUMNS.map((col) => cells[col])
}

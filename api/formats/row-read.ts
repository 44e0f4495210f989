import { TRUE_FALSE_OPTIONS } from '../../questions/schema'
import { DIFFICULTY_WORDS, STATUS_WORDS, TYPE_WORDS, wordValue, type Column } from './columns'
import { KEYS } from './imported'
import { addError } from './issues'
import { addCandidate, type Collector, type Where } from './types'

// "B", "A,C", "A;C", "A C" or "AC" → ["A", "C"]; null when a piece is not a letter A–F.
export function parseKeys(cell: string): string[] | null {
  const compact = cell.toUpperCase().replace(/\s+/g, '')
  if (compact === '') return []
  const parts = /^[A-F]+$/.test(compact) ? [...compact] : compact.split(/[,;]+/).filter((p) => p !== '')
  return parts.every((p) => /^[A-F]$/.test(p)) ? parts : null
}

const clean = (text: string) => text.replace(/\r\n?/g, '\n')

// One spreadsheet row (CSV or XLSX) → a candidate question. Cell problems are gathered into one error;
// the schema checks the rest in finalize().
export function readRow(c: Collector, where: Where, get: (col: Column) => string): void {
  const problems: string[] = []
  const cell = (col: Column) => clean(get(col)).trim()
  const data: Record<string, unknown> = { id: cell('id'), topic: cell('topic'), stem: clean(get('stem')) }

  const options: { key: string; text: string; pinned?: true }[] = KEYS.flatMap((key) => (cell(key) === '' ? [] : [{ key, text: clean(get(key)) }]))
  const correct = parseKeys(cell('correct'))
  if (correct === null) problems.push(`đáp án "${cell('correct')}" phải là các chữ A–F, ví dụ "B" hoặc "A,C"`)
  else if (correct.length === 0) problems.push('thiếu đáp án đúng')

  const typeCell = cell('type')
  const type = typeCell === '' ? ((correct?.length ?? 0) > 1 ? 'multiple' : 'single') : wordValue(TYPE_WORDS, typeCell)
  if (type === undefined) problems.push(`loại "${typeCell}" không hợp lệ (single / một đáp án, multiple / nhiều đáp án, true_false / đúng sai)`)
  // A true/false row may leave A and B empty: they are always "Đúng" and "Sai".
  data.options = type === 'true_false' && options.length === 0 ? TRUE_FALSE_OPTIONS.map((o) => ({ ...o })) : options
  data.type = type
  data.correct = correct ?? []

  const difficultyCell = cell('difficulty')
  data.difficulty = difficultyCell === '' ? 2 : wordValue(DIFFICULTY_WORDS, difficultyCell)
  if (data.difficulty === undefined) problems.push(`độ khó "${difficultyCell}" phải là 1, 2 hoặc 3`)

  data.explanation = clean(get('explanation'))
  const source: Record<string, string> = { document: cell('source_document') }
  if (cell('source_section') !== '') source.section = cell('source_section')
  if (cell('source_url') !== '') source.url = cell('source_url')
  data.source = source

  const tags = cell('tags').split(';').map((t) => t.trim()).filter((t) => t !== '')
  if (tags.length > 0) data.tags = tags
  if (cell('group') !== '') data.group = cell('group')
  const weightCell = cell('weight')
  if (weightCell !== '') {
    // A decimal comma ("1,5") is what Vietnamese-locale spreadsheets write.
    const weight = Number(/^\d+,\d+$/.test(weightCell) ? weightCell.replace(',', '.') : weightCell)
    if (Number.isNaN(weight)) problems.push(`trọng số "${weightCell}" không phải là số`)
    else data.weight = weight
  }
  const statusCell = cell('status')
  if (statusCell !== '') {
    data.status = wordValue(STATUS_WORDS, statusCell)
    if (data.status === undefined) problems.push(`trạng thái "${statusCell}" không hợp lệ (draft, published, retired)`)
  }
  const pinned = parseKeys(cell('pinned'))
  if (pinned === null) problems.push(`cột cố định "${cell('pinned')}" phải là các chữ A–F`)
  for (const key of pinned ?? []) {
    const option = options.find((o) => o.key === key)
    if (option) option.pinned = true
    else problems.push(`phương án cố định ${key} không có nội dung`)
  }
  if (problems.length > 0) return addError(c, where, problems.join('; ') + '.')
  addCandidate(c, { ...where, data })
}

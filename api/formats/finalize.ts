import { isDeepStrictEqual } from 'node:util'
import { BankQuestion } from '../../questions/schema'
import { addError, addSkip, addWarning, placeText } from './issues'
import { questionHash } from './question-id'
import { isRecord } from './guards'
import { importErrorMap } from './zod-messages'
import type { Candidate, Collector, ImportIssue, ParsedQuestion, ParseResult } from './types'

const LABELS: Record<string, string> = {
  id: 'mã', topic: 'chủ đề', tags: 'thẻ', difficulty: 'độ khó', type: 'loại', stem: 'câu hỏi', options: 'phương án',
  correct: 'đáp án', explanation: 'giải thích', source: 'nguồn', group: 'nhóm', weight: 'trọng số', status: 'trạng thái',
}
const SOURCE_LABELS: Record<string, string> = { document: 'tài liệu', section: 'mục', url: 'đường dẫn' }

function fieldLabel(path: PropertyKey[], data: Record<string, unknown>): string {
  const [head, index] = path
  if (head === 'options' && typeof index === 'number') {
    const option: unknown = Array.isArray(data.options) ? data.options[index] : undefined
    const key = isRecord(option) ? option.key : undefined
    return `phương án ${typeof key === 'string' ? key : index + 1}`
  }
  if (head === 'source' && typeof index === 'string') return `nguồn (${SOURCE_LABELS[index] ?? index})`
  if (head === 'tags' && typeof index === 'number') return `thẻ thứ ${index + 1}`
  return LABELS[String(head)] ?? String(head ?? '')
}

function withId(data: Record<string, unknown>): { data: Record<string, unknown>; generated: boolean } {
  if (typeof data.id === 'string' && data.id.trim() !== '') return { data, generated: false }
  const { type, stem, options, correct } = data
  if (typeof type !== 'string' || typeof stem !== 'string' || !Array.isArray(options) || !Array.isArray(correct)) return { data, generated: false }
  const texts = options.map((o: unknown) => ({ text: isRecord(o) ? String(o.text ?? '') : '' }))
  return { data: { ...data, id: questionHash({ type, stem, options: texts, correct: correct.map(String) }) }, generated: true }
}

const generatedId = (q: BankQuestion) => questionHash({ type: q.type, stem: q.stem, options: q.options, correct: q.correct })

// Issues in file order; the sort is stable, so issues at one place keep the order they were found in.
const byPlace = (issues: ImportIssue[]) => [...issues].sort((a, b) => (a.row ?? a.line ?? 0) - (b.row ?? b.line ?? 0))

// Validates every candidate against BankQuestion and settles repeated ids: a repeat of the same
// question is skipped as a duplicate, two different questions under one id are an error.
export function finalize(c: Collector): ParseResult {
  const questions: ParsedQuestion[] = []
  const seen = new Map<string, { question: BankQuestion; where: Candidate }>()
  const sameContent = new Map<string, Candidate>()
  for (const candidate of c.candidates) {
    const { data, generated: hashed } = withId(candidate.data)
    let generated = hashed
    const where = { line: candidate.line, row: candidate.row }
    const parsed = BankQuestion.safeParse(data, { error: importErrorMap })
    if (!parsed.success) {
      const parts = parsed.error.issues.map((i) => `${fieldLabel(i.path, data)}: ${i.message}`)
      addError(c, where, [...new Set(parts)].join('; '))
      continue
    }
    let titled = candidate.titled
    // A titled question whose text, options and key came earlier (titled or not) is that question again.
    const same = titled || generated ? sameContent.get(generatedId(parsed.data)) : undefined
    if (same) {
      addSkip(c, where, `câu hỏi trùng với câu ở ${placeText({ line: same.line, row: same.row }).toLowerCase()}, đã bỏ qua.`)
      continue
    }
    let earlier = seen.get(parsed.data.id)
    // A title used twice in one file for two questions: the later one takes a generated id (the title
    // is a name from another system, not a promise), where two ids given outright are an error.
    if (earlier && titled && !isDeepStrictEqual(earlier.question, parsed.data)) {
      const at = placeText({ line: earlier.where.line, row: earlier.where.row }).toLowerCase()
      const id = generatedId(parsed.data)
      addWarning(c, where, `tiêu đề "${parsed.data.id}" đã là mã của câu khác ở ${at}, câu này được gán mã "${id}".`)
      parsed.data = { ...parsed.data, id }
      titled = undefined
      generated = true
      earlier = seen.get(id)
    }
    if (earlier) {
      const at = placeText({ line: earlier.where.line, row: earlier.where.row }).toLowerCase()
      if (generated || isDeepStrictEqual(earlier.question, parsed.data)) {
        addSkip(c, where, `câu hỏi trùng với câu ở ${at}, đã bỏ qua.`)
      } else {
        addError(c, where, `mã câu hỏi "${parsed.data.id}" đã dùng cho câu khác ở ${at}.`)
      }
      continue
    }
    seen.set(parsed.data.id, { question: parsed.data, where: candidate })
    sameContent.set(generatedId(parsed.data), candidate)
    const out: ParsedQuestion = { question: parsed.data }
    if (candidate.line !== undefined) out.line = candidate.line
    if (candidate.row !== undefined) out.row = candidate.row
    if (titled) out.titled = true
    questions.push(out)
  }
  return { questions, warnings: byPlace(c.warnings), errors: byPlace(c.errors), skipped: c.skipped }
}

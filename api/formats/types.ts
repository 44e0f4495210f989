import type { BankQuestion } from '../../questions/schema'
import { AppError } from '../errors'
import type { ImportFormat, ImportIssue } from '../schemas/wire'

export type { ImportFormat, ImportIssue }
export type ExportFormat = 'json' | 'csv' | 'xlsx' | 'gift'
// `titled`: the id is the file's own title (GIFT ::title::), kept only while no other bank question has it.
export type ParsedQuestion = { question: BankQuestion; line?: number; row?: number; titled?: true }
export type ParseResult = { questions: ParsedQuestion[]; warnings: ImportIssue[]; errors: ImportIssue[]; skipped: number }

// What a parser hands to finalize(): an unvalidated question and where it came from.
export type Candidate = { data: Record<string, unknown>; line?: number; row?: number; titled?: true }

export type Where = { line?: number; row?: number }

// Parsers collect into one of these; finalize() turns candidates into questions.
export type Collector = {
  candidates: Candidate[]
  warnings: ImportIssue[]
  errors: ImportIssue[]
  skipped: number
}

export const newCollector = (): Collector => ({ candidates: [], warnings: [], errors: [], skipped: 0 })

// One import holds its questions in memory until they are all checked (nothing is stored on an error),
// so a file is capped in every format: a bank this size is split into several files.
export const MAX_IMPORT_QUESTIONS = 50_000
export const tooManyQuestions = (max: number) => `tệp có hơn ${max.toLocaleString('vi-VN')} câu hỏi; hãy chia thành nhiều tệp nhỏ hơn.`

// Every parser hands its questions on through here: past the cap, parsing stops with a 413.
export function addCandidate(c: Collector, candidate: Candidate, max = MAX_IMPORT_QUESTIONS): void {
  if (c.candidates.length >= max) throw new AppError('PAYLOAD_TOO_LARGE', `Tệp nhập vượt giới hạn: ${tooManyQuestions(max)}`)
  c.candidates.push(candidate)
}

import type { BankQuestion } from '../../questions/schema'

export type ImportFormat = 'json' | 'csv' | 'xlsx' | 'gift' | 'aiken' | 'moodlexml'
export type ExportFormat = 'json' | 'csv' | 'xlsx' | 'gift'
export type ImportIssue = { line?: number; row?: number; message: string }
export type ParsedQuestion = { question: BankQuestion; line?: number; row?: number }
export type ParseResult = { questions: ParsedQuestion[]; warnings: ImportIssue[]; errors: ImportIssue[]; skipped: number }

// What a parser hands to finalize(): an unvalidated question and where it came from.
export type Candidate = { data: Record<string, unknown>; line?: number; row?: number }

export type Where = { line?: number; row?: number }

// Parsers collect into one of these; finalize() turns candidates into questions.
export type Collector = {
  candidates: Candidate[]
  warnings: ImportIssue[]
  errors: ImportIssue[]
  skipped: number
}

export const newCollector = (): Collector => ({ candidates: [], warnings: [], errors: [], skipped: 0 })

import { FILE_TYPES } from '../lib/http'
import type { BankQuestion } from '../../questions/schema'
import { parseAiken } from './aiken-import'
import { parseCsvImport } from './csv-import'
import { writeCsv } from './csv-export'
import { decodeUtf8, NOT_UTF8 } from './decode'
import { finalize } from './finalize'
import { writeGift } from './gift-export'
import { parseGift } from './gift-import'
import { parseJsonImport } from './json-import'
import { writeJson } from './json-export'
import { parseMoodleXml } from './moodle-xml-import'
import { parseXlsx } from './xlsx-import'
import { writeXlsx } from './xlsx-export'
import type { Collector, ExportFormat, ImportFormat, ParseResult } from './types'

export type { ExportFormat, ImportFormat, ImportIssue, ParsedQuestion, ParseResult } from './types'
export { importTemplate } from './template'

const TEXT_PARSERS: Record<Exclude<ImportFormat, 'xlsx'>, (text: string) => Collector> = {
  json: parseJsonImport,
  csv: parseCsvImport,
  gift: parseGift,
  aiken: parseAiken,
  moodlexml: parseMoodleXml,
}

// Pure: bytes in, questions and located problems out. The import service decides what to store.
export async function parseImport(format: ImportFormat, body: Uint8Array): Promise<ParseResult> {
  if (format === 'xlsx') return finalize(await parseXlsx(body))
  const parse: ((text: string) => Collector) | undefined = TEXT_PARSERS[format] // callers in plain JS may pass any string
  if (!parse) return { questions: [], warnings: [], errors: [{ message: `Định dạng "${String(format)}" không được hỗ trợ.` }], skipped: 0 }
  const text = decodeUtf8(body)
  if (text === null) return { questions: [], warnings: [], errors: [{ message: NOT_UTF8 }], skipped: 0 }
  return finalize(parse(text))
}

// `exact`: a CSV that round-trips every text as it is (see writeCsv); other formats are exact anyway.
export async function writeExport(format: ExportFormat, questions: BankQuestion[], options: { exact?: boolean } = {}): Promise<Uint8Array> {
  if (format === 'json') return writeJson(questions)
  if (format === 'csv') return writeCsv(questions, undefined, undefined, options.exact ?? false)
  if (format === 'xlsx') return writeXlsx(questions)
  return writeGift(questions)
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = { json: FILE_TYPES.json, csv: FILE_TYPES.csv, xlsx: FILE_TYPES.xlsx, gift: FILE_TYPES.text }

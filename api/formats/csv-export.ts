import type { BankQuestion } from '../../questions/schema'
import { CSV_BOM } from '../lib/csv'
import { COLUMNS } from './columns'
import { questionRow } from './sheet-write'

const quote = (value: string | number): string => {
  const text = String(value)
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

const csvLine = (cells: (string | number)[]) => cells.map(quote).join(',') + '\r\n'

// UTF-8 with a BOM so that Excel shows Vietnamese correctly (SPEC §8); CRLF as RFC 4180 has it.
export function writeCsv(questions: BankQuestion[], header: readonly string[] = COLUMNS, rows = questions.map(questionRow)): Uint8Array {
  return new TextEncoder().encode(CSV_BOM + csvLine([...header]) + rows.map(csvLine).join(''))
}

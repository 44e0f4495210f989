import type { BankQuestion } from '../../questions/schema'
import { CSV_BOM, formulaSafe } from '../lib/csv'
import { EXPORT_HEADER } from './columns'
import { questionRow } from './sheet-write'

const quote = (value: string | number): string => {
  const text = String(value)
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

const csvLine = (cells: (string | number)[], exact: boolean) => cells.map((v) => quote(exact || typeof v !== 'string' ? v : formulaSafe(v))).join(',') + '\r\n'

// UTF-8 with a BOM so that Excel shows Vietnamese correctly (SPEC §8); CRLF as RFC 4180 has it.
// Text a spreadsheet would run as a formula (=, +, -, @ first) gets a leading ' unless `exact`: the
// round-trip file for another import, which keeps every text as it is and is not for opening in Excel.
export function writeCsv(questions: BankQuestion[], header: readonly string[] = EXPORT_HEADER, rows = questions.map(questionRow), exact = false): Uint8Array {
  return new TextEncoder().encode(CSV_BOM + csvLine([...header], exact) + rows.map((r) => csvLine(r, exact)).join(''))
}

import { parseCsv } from './csv-parse'
import { addError } from './issues'
import { readSheet } from './sheet-rows'
import { newCollector, type Collector } from './types'

// Rows are counted as a spreadsheet shows them (header = row 1); lines are the file's physical lines,
// which differ once a cell holds a line break.
export function parseCsvImport(text: string): Collector {
  const c = newCollector()
  const parsed = parseCsv(text)
  readSheet(c, parsed.records.map((r, i) => ({ cells: r.cells, row: i + 1, line: r.line })))
  if (parsed.unclosedQuoteLine !== undefined) {
    addError(c, { row: parsed.records.length + 1, line: parsed.unclosedQuoteLine }, 'dấu ngoặc kép (") mở ở đây chưa được đóng; phần còn lại của tệp không đọc được.')
  }
  return c
}

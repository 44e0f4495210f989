import { columnOf, VI_HEADERS, type Column } from './columns'
import { addError, addWarning } from './issues'
import { readRow } from './row-read'
import { MAX_IMPORT_QUESTIONS, tooManyQuestions, type Collector, type Where } from './types'

export type SheetRow = { cells: string[]; row: number; line?: number }

const REQUIRED: Column[] = ['stem', 'A', 'B', 'correct']
const whereOf = (r: SheetRow): Where => (r.line === undefined ? { row: r.row } : { row: r.row, line: r.line })
const isEmpty = (r: SheetRow) => r.cells.every((cell) => cell.trim() === '')
const known = (r: SheetRow) => r.cells.filter((cell) => columnOf(cell) !== undefined).length


// Rows of a CSV or XLSX sheet. The header is the first row naming at least three known columns, so a
// title row such as "NGÂN HÀNG CÂU HỎI" above it is allowed; every later non-empty row is a question.
export function readSheet(c: Collector, rows: SheetRow[]): void {
  const sheet = sheetReader(c)
  for (const r of rows) if (!sheet.push(r)) return
  sheet.end()
}

// The same, a row at a time, so a large sheet is never held as rows and questions at once.
// push() returns false once reading should stop (a bad header, or too many questions).
export function sheetReader(c: Collector, max = MAX_IMPORT_QUESTIONS) {
  const waiting: SheetRow[] = []
  let columns: Map<Column, number> | null | undefined
  let stopped = false
  const question = (r: SheetRow) => {
    if (c.candidates.length >= max) {
      stopped = true
      addError(c, whereOf(r), tooManyQuestions(max))
      return false
    }
    const cols = columns as Map<Column, number>
    readRow(c, whereOf(r), (col) => {
      const index = cols.get(col)
      return index === undefined ? '' : (r.cells[index] ?? '')
    })
    return true
  }
  // The header is chosen among the first ten non-empty rows; until then rows wait.
  const settle = () => {
    const headerAt = Math.max(0, waiting.findIndex((r) => known(r) >= 3))
    for (const r of waiting.slice(0, headerAt)) addWarning(c, whereOf(r), 'dòng trước dòng tiêu đề cột, đã bỏ qua.')
    columns = readHeader(c, waiting[headerAt])
    const rest = waiting.slice(headerAt + 1)
    waiting.length = 0
    return columns !== null && rest.every(question)
  }
  return {
    push(r: SheetRow): boolean {
      if (stopped) return false
      if (isEmpty(r)) return true
      if (columns === undefined) {
        waiting.push(r)
        return waiting.length < 10 || settle()
      }
      return columns !== null && question(r)
    },
    end(): void {
      if (columns !== undefined || stopped) return
      if (waiting.length === 0) return addError(c, { row: 1 }, 'tệp trống: không có dòng tiêu đề cột và câu hỏi nào.')
      settle()
    },
  }
}

function readHeader(c: Collector, r: SheetRow): Map<Column, number> | null {
  const where = whereOf(r)
  const columns = new Map<Column, number>()
  r.cells.forEach((cell, index) => {
    if (cell.trim() === '') return
    const col = columnOf(cell)
    if (col === undefined) addWarning(c, where, `cột "${cell.trim()}" không được nhận ra, đã bỏ qua.`)
    else if (columns.has(col)) addError(c, where, `cột "${cell.trim()}" trùng với một cột trước (${col}).`)
    else columns.set(col, index)
  })
  const missing = REQUIRED.filter((col) => !columns.has(col))
  if (missing.length > 0) {
    addError(c, where, `thiếu cột bắt buộc: ${missing.map((col) => `${col} (${VI_HEADERS[col]})`).join(', ')}. Xem mẫu trong tài liệu định dạng nhập.`)
    return null
  }
  return columns
}

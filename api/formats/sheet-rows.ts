import { columnOf, VI_HEADERS, type Column } from './columns'
import { addError, addWarning } from './issues'
import { readRow } from './row-read'
import type { Collector, Where } from './types'

export type SheetRow = { cells: string[]; row: number; line?: number }

const REQUIRED: Column[] = ['stem', 'A', 'B', 'correct']
const whereOf = (r: SheetRow): Where => (r.line === undefined ? { row: r.row } : { row: r.row, line: r.line })
const isEmpty = (r: SheetRow) => r.cells.every((cell) => cell.trim() === '')
const known = (r: SheetRow) => r.cells.filter((cell) => columnOf(cell) !== undefined).length

// Rows of a CSV or XLSX sheet. The header is the first row naming at least three known columns, so a
// title row such as "NGÂN HÀNG CÂU HỎI" above it is allowed; every later non-empty row is a question.
export function readSheet(c: Collector, rows: SheetRow[]): void {
  const filled = rows.filter((r) => !isEmpty(r))
  if (filled.length === 0) return addError(c, { row: 1 }, 'tệp trống: không có dòng tiêu đề cột và câu hỏi nào.')
  const headerAt = Math.max(0, filled.slice(0, 10).findIndex((r) => known(r) >= 3))
  for (const r of filled.slice(0, headerAt)) addWarning(c, whereOf(r), 'dòng trước dòng tiêu đề cột, đã bỏ qua.')
  const columns = readHeader(c, filled[headerAt])
  if (columns === null) return
  for (const r of filled.slice(headerAt + 1)) {
    readRow(c, whereOf(r), (col) => {
      const index = columns.get(col)
      return index === undefined ? '' : (r.cells[index] ?? '')
    })
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

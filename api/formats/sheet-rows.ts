import { columnOf, VI_HEADERS, type Column } from './columns'
import { addError, addWarning } from './issues'
import { readRow } from './row-read'
import type { Collector } from './types'

export type SheetRow = { cells: string[]; row: number; line?: number }

const REQUIRED: Column[] = ['stem', 'A', 'B', 'correct']

// Rows of a CSV or XLSX sheet: the first non-empty row is the header, every later non-empty row a question.
export function readSheet(c: Collector, rows: Iterable<SheetRow>): void {
  let columns: Map<Column, number> | null = null
  for (const r of rows) {
    if (r.cells.every((cell) => cell.trim() === '')) continue
    const where = r.line === undefined ? { row: r.row } : { row: r.row, line: r.line }
    if (columns === null) {
      columns = readHeader(c, r)
      if (columns === null) return
      continue
    }
    const map = columns
    readRow(c, where, (col) => {
      const index = map.get(col)
      return index === undefined ? '' : (r.cells[index] ?? '')
    })
  }
  if (columns === null) addError(c, { row: 1 }, 'tệp trống: không có dòng tiêu đề cột và câu hỏi nào.')
}

function readHeader(c: Collector, r: SheetRow): Map<Column, number> | null {
  const where = r.line === undefined ? { row: r.row } : { row: r.row, line: r.line }
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

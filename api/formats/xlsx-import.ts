import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { addError, addWarning } from './issues'
import { readSheet, type SheetRow } from './sheet-rows'
import { cellText } from './xlsx-cell'
import { utf8SafeReader } from './xlsx-utf8'
import { newCollector, type Collector } from './types'

const NOT_XLSX = 'Tệp không phải bảng tính Excel .xlsx hợp lệ (tệp .xls cũ hãy lưu lại dưới dạng .xlsx).'

// 1 → "A", 27 → "AA": the column letters Excel shows.
const columnName = (n: number): string => (n > 26 ? columnName(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26))

// Rows of the first worksheet, read with ExcelJS's streaming reader so a large bank is not held twice.
// Styles are read because only they say which numbers are dates; a link cell gives its shown text.
async function readFirstSheet(c: Collector, body: Uint8Array): Promise<SheetRow[] | null> {
  const reader = utf8SafeReader(new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(body)]), {
    worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'emit',
  }))
  for await (const sheet of reader) {
    const rows: SheetRow[] = []
    for await (const row of sheet) {
      const values: unknown[] = Array.isArray(row.values) ? row.values : []
      const cells: string[] = []
      for (let col = 1; col < values.length; col++) {
        const { text, date } = cellText(values[col])
        if (date) addWarning(c, { row: row.number }, `ô ${columnName(col)}${row.number} là ngày tháng, đã đọc thành "${text}"; hãy kiểm tra lại.`)
        cells.push(text)
      }
      rows.push({ cells, row: row.number })
    }
    return rows
  }
  return null
}

// Rows of the first worksheet, or null (with the error added to c) when the body is not an xlsx workbook.
export async function xlsxRows(c: Collector, body: Uint8Array): Promise<SheetRow[] | null> {
  // An xlsx is a zip; ExcelJS waits forever on an empty stream, so anything else is refused up front.
  const isZip = body.length > 4 && body[0] === 0x50 && body[1] === 0x4b && body[2] === 3 && body[3] === 4
  const rows = isZip ? await readFirstSheet(c, body).catch(() => null) : null
  if (rows === null) addError(c, {}, NOT_XLSX)
  return rows
}

export async function parseXlsx(body: Uint8Array): Promise<Collector> {
  const c = newCollector()
  const rows = await xlsxRows(c, body)
  if (rows !== null) readSheet(c, rows)
  return c
}

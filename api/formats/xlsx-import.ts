import { AppError } from '../errors'
import { addError, addWarning } from './issues'
import { sheetReader, type SheetRow } from './sheet-rows'
import { cellText } from './xlsx-cell'
import { columnName } from './xlsx-sheet-xml'
import { workbookReader } from './xlsx-workbook-reader'
import { newCollector, type Collector } from './types'
import { checkZip } from './zip-guard'

const NOT_XLSX = 'Tệp không phải bảng tính Excel .xlsx hợp lệ (tệp .xls cũ hãy lưu lại dưới dạng .xlsx).'

type RowSink = (row: SheetRow) => boolean

// Rows of the first worksheet (the first tab), read with ExcelJS's streaming reader and handed on one at a time.
// Styles are read because only they say which numbers are dates; a link cell gives its shown text.
async function readFirstSheet(c: Collector, body: Uint8Array, sink: RowSink): Promise<boolean> {
  const reader = workbookReader(body, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache' })
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values: unknown[] = Array.isArray(row.values) ? row.values : []
      const cells: string[] = []
      for (let col = 1; col < values.length; col++) {
        const { text, date } = cellText(values[col])
        if (date) addWarning(c, { row: row.number }, `ô ${columnName(col - 1)}${row.number} là ngày tháng, đã đọc thành "${text}"; hãy kiểm tra lại.`)
        cells.push(text)
      }
      // Enough read (a cap reached): the rest of the sheet is not parsed. The parts are read from memory
      // (xlsx-workbook-reader.ts), so stopping early leaves nothing open.
      if (!sink({ cells, row: row.number })) break
    }
    return true
  }
  return false
}

// Feeds the rows of the first worksheet to sink; false (with the error added to c) when the body is not
// an xlsx workbook.
export async function xlsxEachRow(c: Collector, body: Uint8Array, sink: RowSink): Promise<boolean> {
  // An xlsx is a zip; anything else is refused before it is inflated.
  const isZip = body.length > 4 && body[0] === 0x50 && body[1] === 0x4b && body[2] === 3 && body[3] === 4
  // Inflated once and counted before ExcelJS holds any of it; over a limit, a 413 naming it.
  const bounded = isZip && await checkZip(body).then(() => true, (err: unknown) => {
    if (err instanceof AppError && err.code === 'PAYLOAD_TOO_LARGE') throw err
    return false
  })
  const ok = bounded ? await readFirstSheet(c, body, sink).catch(() => false) : false
  if (!ok) addError(c, {}, NOT_XLSX)
  return ok
}

// Rows of the first worksheet, or null when the body is not an xlsx workbook (small files: units).
export async function xlsxRows(c: Collector, body: Uint8Array): Promise<SheetRow[] | null> {
  const rows: SheetRow[] = []
  return (await xlsxEachRow(c, body, (r) => rows.push(r) > 0)) ? rows : null
}

export async function parseXlsx(body: Uint8Array): Promise<Collector> {
  const c = newCollector()
  const sheet = sheetReader(c)
  if (await xlsxEachRow(c, body, (r) => sheet.push(r))) sheet.end()
  return c
}

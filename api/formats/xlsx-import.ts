import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { addError, addWarning } from './issues'
import { readSheet, type SheetRow } from './sheet-rows'
import { cellText } from './xlsx-cell'
import { newCollector, type Collector } from './types'

// Reads the first worksheet with ExcelJS's streaming reader, so a large bank is not held twice in memory.
// Styles are read because only they say which numbers are dates; a link cell gives its shown text.
export async function parseXlsx(body: Uint8Array): Promise<Collector> {
  const c = newCollector()
  const rows: SheetRow[] = []
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(body)]), {
      worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'emit',
    })
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values: unknown[] = Array.isArray(row.values) ? row.values : []
        const cells: string[] = []
        for (let col = 1; col < values.length; col++) {
          const { text, date } = cellText(values[col])
          if (date) addWarning(c, { row: row.number }, `ô ở cột ${col} là ngày tháng, đã đọc thành "${text}"; hãy kiểm tra lại.`)
          cells.push(text)
        }
        rows.push({ cells, row: row.number })
      }
      break // only the first worksheet holds questions
    }
  } catch {
    addError(c, {}, 'Tệp không phải bảng tính Excel .xlsx hợp lệ (tệp .xls cũ hãy lưu lại dưới dạng .xlsx).')
    return c
  }
  readSheet(c, rows)
  return c
}

import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import type { BankQuestion } from '../../questions/schema'
import { COLUMNS, EXPORT_HEADER, type Column } from './columns'
import { questionRow } from './sheet-write'

const WIDTHS: Partial<Record<Column, number>> = { id: 16, topic: 16, stem: 60, explanation: 40, source_document: 30, tags: 20 }

// Streams the workbook out with ExcelJS's WorkbookWriter. Text is written as text cells (never
// formulas), numbers as numbers, so importing the file gives back the same questions.
export async function writeXlsx(
  questions: BankQuestion[],
  header: readonly string[] = EXPORT_HEADER,
  rows: (string | number)[][] = questions.map(questionRow),
): Promise<Uint8Array> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve)
    out.on('error', reject)
  })
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true })
  const sheet = workbook.addWorksheet('Câu hỏi', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = COLUMNS.map((col) => ({ key: col, width: WIDTHS[col] ?? (col.length === 1 ? 24 : 12) }))
  const head = sheet.addRow([...header])
  head.font = { bold: true }
  head.commit()
  for (const row of rows) sheet.addRow(row).commit()
  sheet.commit()
  await workbook.commit()
  await done
  return new Uint8Array(Buffer.concat(chunks))
}

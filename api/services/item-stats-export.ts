import { PassThrough } from 'node:stream'
import { CSV_BOM, csvLine, decimalComma } from '../lib/csv'
import { GROUP_SHARE, TOO_EASY_ABOVE, TOO_HARD_BELOW, type ItemFlag, type ItemStat } from '../rules/item-stats'

type Cell = string | number | null
type Table = { header: string[]; rows: Cell[][] }

const FLAG_TEXT: Record<ItemFlag, string> = {
  too_hard: `Quá khó (tỷ lệ đúng < ${String(TOO_HARD_BELOW).replace('.', ',')})`,
  too_easy: `Quá dễ (tỷ lệ đúng > ${String(TOO_EASY_ABOVE).replace('.', ',')})`,
  negative_discrimination: 'Độ phân biệt âm',
}
const pct = Math.round(GROUP_SHARE * 100)
const round3 = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000)

export const NOTES: [string, string][] = [
  ['Tỷ lệ đúng', 'Số lần trả lời đúng chia cho số lần câu hỏi được ra trong các bài đã nộp hoặc hết giờ.'],
  ['Độ phân biệt', `Tỷ lệ đúng trong nhóm ${pct}% bài điểm cao nhất trừ tỷ lệ đúng trong nhóm ${pct}% bài điểm thấp nhất của mỗi đợt; trống khi một nhóm không có bài nào gặp câu này.`],
  ['Chọn X', 'Số lần phương án X (khóa gốc của câu hỏi, trước khi xáo trộn) được chọn.'],
]

// One row per question; option columns are the union of the questions' own keys.
export function itemStatsTable(items: ItemStat[]): Table {
  const keys = [...new Set(items.flatMap((i) => i.options.map((o) => o.key)))].sort()
  const header = ['Mã câu hỏi', 'Phiên bản', 'Chủ đề', 'Câu hỏi', 'Số lần ra đề', 'Số lần trả lời', 'Số lần đúng', 'Tỷ lệ đúng',
    `Tỷ lệ đúng nhóm cao (${pct}%)`, `Tỷ lệ đúng nhóm thấp (${pct}%)`, 'Độ phân biệt', 'Đáp án đúng', ...keys.map((k) => `Chọn ${k}`), 'Cảnh báo']
  const rows = items.map((i) => {
    const count = new Map(i.options.map((o) => [o.key, o.count]))
    return [i.questionId, i.revision, i.topic, i.stem, i.timesDrawn, i.answered, i.correctCount, round3(i.facility),
      round3(i.upperFacility), round3(i.lowerFacility), round3(i.discrimination), i.options.filter((o) => o.correct).map((o) => o.key).join(','),
      ...keys.map((k) => count.get(k) ?? null), i.flags.map((f) => FLAG_TEXT[f]).join('; ')]
  })
  return { header, rows }
}

export function itemStatsCsv(t: Table): Uint8Array {
  // Decimal commas for the people who read it; the XLSX keeps real numbers.
  const rows = t.rows.map((r) => r.map((cell) => (typeof cell === 'number' ? decimalComma(cell) : cell)))
  return Buffer.from(CSV_BOM + [t.header, ...rows].map(csvLine).join(''), 'utf8')
}

export async function itemStatsXlsx(t: Table, title: string): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs') // loaded on first use, not at server start
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const ended = new Promise<void>((resolve, reject) => out.on('end', resolve).on('error', reject))
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true })
  const sheet = wb.addWorksheet('Thống kê câu hỏi', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = t.header.map((_, i) => ({ width: i === 3 ? 60 : i === t.header.length - 1 ? 30 : 14 }))
  sheet.addRow(t.header).font = { bold: true }
  for (const r of t.rows) sheet.addRow(r).commit()
  sheet.commit()
  const notes = wb.addWorksheet('Ghi chú')
  notes.columns = [{ width: 20 }, { width: 100 }]
  notes.addRow(['Báo cáo', title]).commit()
  for (const n of NOTES) notes.addRow(n).commit()
  notes.commit()
  await wb.commit()
  await ended
  return Buffer.concat(chunks)
}

import { PassThrough, Readable } from 'node:stream'
import { XlsxStreamWriter } from '../formats/xlsx-stream-writer'
import { CSV_BOM, csvLine, decimalComma, type CsvCell } from '../lib/csv'
import { hanoiDate, hanoiDateTime } from '../lib/time'
import type { MembersPage } from './unit-members'

export const MEMBERS_HEADER = ['Họ và tên', 'Đơn vị', 'Đã thi', 'Điểm cao nhất', 'Điểm tối đa', 'Ngày thi gần nhất']

// People read the CSV: a decimal comma (decimalComma), as everywhere else in Vietnamese figures. The XLSX keeps numbers.

function memberRows(page: MembersPage, number: (n: number) => CsvCell) {
  return page.members.map((m) => [
    m.fullName, m.unitName, m.took ? 'Có' : 'Chưa',
    m.bestScore == null ? '' : number(m.bestScore), m.maxScore == null ? '' : number(m.maxScore),
    m.lastFinishedAt ? hanoiDate(m.lastFinishedAt) : '',
  ])
}

export function membersCsv(page: MembersPage): string {
  return `${CSV_BOM}${csvLine(MEMBERS_HEADER)}${memberRows(page, decimalComma).map(csvLine).join('')}`
}

export function membersXlsxStream(page: MembersPage, now: number): ReadableStream<Uint8Array> {
  const out = new PassThrough()
  const write = async () => {
    const xlsx = new XlsxStreamWriter(out)
    await xlsx.sheet('Thành viên', [[MEMBERS_HEADER, ...memberRows(page, (n) => n)]], { headerRows: 1 })
    const round = page.round ? `${page.round.title} (${hanoiDate(page.round.opensAt)} – ${hanoiDate(page.round.closesAt)})` : 'Chưa có đợt thi'
    await xlsx.sheet('Thông tin', [[
      ['Đơn vị', page.unit.name], ['Đợt thi', round],
      ['Đã thi / tổng số', `${page.counts.took}/${page.counts.total}`], ['Số đảng viên', page.counts.headcount ?? ''],
      ['Ngày xuất', hanoiDateTime(now).slice(0, 16)],
    ]])
    await xlsx.finish()
  }
  write().catch((err) => out.destroy(err instanceof Error ? err : new Error(String(err))))
  return Readable.toWeb(out) as ReadableStream<Uint8Array>
}

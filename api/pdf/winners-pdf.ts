import { FONT, newPdf, nfc, pdfStream, type Pdf } from './document'
import { drawOfficialHeader, type Issuer } from './official-header'
import { footEveryPage, type AuditMark } from './page-foot'
import { drawSignature, type Signer } from './signature'
import { drawTable, type Column } from './table'
import { minutesSeconds, numberVn } from './vn-format'

export type WinnerRow = { rank: number; fullName: string; unitName: string | null; score: number; maxScore: number; durationMs: number; prize: string }
export type UnitWinnerRow = { rank: number; unitName: string; prize: string }
export type WinnersSection = { heading: string | null; note: string; winners: WinnerRow[]; unitWinners: UnitWinnerRow[] }
export type PrintSettings = { issuer: Issuer; signer: Signer }
export type WinnersList = { title: string; subtitle: string; sections: WinnersSection[]; audit: AuditMark; printedAt: number }

const COLUMNS: Column[] = [
  { header: 'Hạng', width: 9, align: 'center' }, { header: 'Họ và tên', width: 26 }, { header: 'Đơn vị', width: 27 },
  { header: 'Điểm', width: 9, align: 'center' }, { header: 'Thời gian', width: 11, align: 'center' }, { header: 'Giải', width: 19 },
]
const UNIT_COLUMNS: Column[] = [{ header: 'Hạng', width: 10, align: 'center' }, { header: 'Đơn vị', width: 65 }, { header: 'Giải', width: 25 }]
const BATCH = 200

export function titleBlock(doc: Pdf, title: string, subtitle: string): void {
  const x = doc.page.margins.left
  const width = doc.page.width - x - doc.page.margins.right
  doc.font(FONT.bold).fontSize(14).text(nfc(title), x, doc.y, { width, align: 'center' })
  doc.font(FONT.bold).fontSize(12).text(nfc(subtitle), x, doc.y + 2, { width, align: 'center' })
  doc.moveDown(0.8)
}

function* batches<T>(rows: readonly T[], cells: (r: T) => string[]) {
  for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH).map(cells)
}

const winnerCells = (r: WinnerRow) => [String(r.rank), r.fullName, r.unitName ?? '', numberVn(r.score), minutesSeconds(r.durationMs), r.prize]

// "Danh sách đoạt giải": the official head, the title, per section (a round) its prize winners in rank
// order and its unit prizes, the count, and the signature block; the audit head at every page's foot.
export function winnersPdf(list: WinnersList, settings: PrintSettings): ReadableStream<Uint8Array> {
  const doc = newPdf({ title: `${list.title} ${list.subtitle}` })
  return pdfStream(doc, async () => {
    footEveryPage(doc, list.audit, list.printedAt)
    drawOfficialHeader(doc, settings.issuer, list.printedAt)
    titleBlock(doc, list.title, list.subtitle)
    const x = doc.page.margins.left
    for (const section of list.sections) {
      if (section.heading) doc.font(FONT.bold).fontSize(12).text(nfc(section.heading), x, doc.y + 4)
      doc.font(FONT.italic).fontSize(10.5).text(nfc(section.note), x, doc.y + 2).moveDown(0.4)
      if (section.winners.length) await drawTable(doc, COLUMNS, batches(section.winners, winnerCells))
      else doc.font(FONT.italic).fontSize(11).text(nfc('Không có cá nhân đoạt giải.'), x, doc.y).moveDown(0.5)
      if (section.unitWinners.length) {
        doc.font(FONT.bold).fontSize(11.5).text(nfc('Giải tập thể'), x, doc.y + 4).moveDown(0.3)
        await drawTable(doc, UNIT_COLUMNS, batches(section.unitWinners, (u) => [String(u.rank), u.unitName, u.prize]))
      }
      doc.font(FONT.regular).fontSize(11).text(nfc(`Tổng số: ${section.winners.length} cá nhân${section.unitWinners.length ? `, ${section.unitWinners.length} tập thể` : ''} đoạt giải.`), x, doc.y).moveDown(0.6)
    }
    drawSignature(doc, settings.signer)
  })
}

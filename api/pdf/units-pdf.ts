import { FONT, newPdf, nfc, pdfStream } from './document'
import { drawOfficialHeader } from './official-header'
import { footEveryPage, type AuditMark } from './page-foot'
import { drawSignature } from './signature'
import { drawTable, type Column } from './table'
import { numberVn, percentVn } from './vn-format'
import { titleBlock, type PrintSettings } from './winners-pdf'

// One unit of the report, in tree order: depth indents its name, rank is among its siblings.
export type UnitReportRow = { depth: number; rank: number; code: string; name: string; participants: number; headcount: number | null; participationRate: number | null; attempts: number; meanScore: number; perfectScores: number }
export type UnitsReport = { title: string; subtitle: string; note: string; rows: UnitReportRow[]; audit: AuditMark; printedAt: number }

const COLUMNS: Column[] = [
  { header: 'Hạng', width: 8, align: 'center' }, { header: 'Đơn vị', width: 34 }, { header: 'Số người dự thi', width: 11, align: 'center' },
  { header: 'Số đảng viên', width: 11, align: 'center' }, { header: 'Tỷ lệ tham gia', width: 11, align: 'center' },
  { header: 'Số lượt thi', width: 9, align: 'center' }, { header: 'Điểm trung bình', width: 9, align: 'center' }, { header: 'Đạt điểm tối đa', width: 9, align: 'center' },
]
const BATCH = 200

const cells = (u: UnitReportRow) => [
  String(u.rank), `${'    '.repeat(u.depth)}${u.name}`, String(u.participants), u.headcount == null ? '–' : String(u.headcount),
  percentVn(u.participationRate), String(u.attempts), numberVn(Math.round(u.meanScore * 100) / 100), String(u.perfectScores),
]

// "Báo cáo kết quả theo đơn vị": participation and scores of every unit (subtree figures rolled up, as the
// units board counts them), under the same official head, signature and audit foot as the winners list.
export function unitsPdf(report: UnitsReport, settings: PrintSettings): ReadableStream<Uint8Array> {
  const doc = newPdf({ title: `${report.title} ${report.subtitle}` })
  return pdfStream(doc, async () => {
    footEveryPage(doc, report.audit, report.printedAt)
    drawOfficialHeader(doc, settings.issuer, report.printedAt)
    titleBlock(doc, report.title, report.subtitle)
    doc.font(FONT.italic).fontSize(10.5).text(nfc(report.note), doc.page.margins.left, doc.y).moveDown(0.4)
    const rows = report.rows
    await drawTable(doc, COLUMNS, (function* () {
      for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH).map(cells)
    })())
    drawSignature(doc, settings.signer)
  })
}

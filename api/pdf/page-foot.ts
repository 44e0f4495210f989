import { FONT, nfc, type Pdf } from './document'
import { dateTimeVn } from './vn-format'

export type AuditMark = { hash: string; at: number | null }

// Small print at the foot of every page: the audit chain's head when the document was made (its last
// entry's hash and time), so a printed list can be matched against the record, and the page number.
export function footEveryPage(doc: Pdf, audit: AuditMark, printedAt: number): void {
  let page = 0
  const draw = () => {
    page++
    const { x, y } = doc
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0 // text below the margin would otherwise open a new page
    const left = doc.page.margins.left
    const width = doc.page.width - left - doc.page.margins.right
    const when = audit.at == null ? '' : ` (mục cuối lúc ${dateTimeVn(audit.at)})`
    doc.font(FONT.regular).fontSize(6).fillColor('#444444')
      .text(nfc(`Mã kiểm toán: ${audit.hash}${when} · In lúc ${dateTimeVn(printedAt)} · Trang ${page}`),
        left, doc.page.height - bottom + 14, { width, align: 'center', lineBreak: false })
    doc.fillColor('#000000')
    doc.page.margins.bottom = bottom
    doc.x = x
    doc.y = y
  }
  draw()
  doc.on('pageAdded', draw)
}

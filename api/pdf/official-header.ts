import { FONT, nfc, type Pdf } from './document'
import { placeAndDate } from './vn-format'

export type Issuer = { superior: string | null; body: string; place: string }

const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc'

// The largest size up to `max` at which `text` fits `width` in `font`.
function fitSize(doc: Pdf, font: string, text: string, width: number, max: number): number {
  doc.font(font).fontSize(max)
  const w = doc.widthOfString(text)
  return w <= width ? max : Math.floor((max * width / w) * 2) / 2
}

function centred(doc: Pdf, text: string, x: number, y: number, width: number, font: string, size: number, underline = false): number {
  doc.font(font).fontSize(size)
  doc.text(text, x, y, { width, align: 'center', lineGap: 0 })
  const after = doc.y
  if (underline) {
    const w = Math.min(doc.widthOfString(text), width)
    const lineY = after + 1
    doc.moveTo(x + (width - w) / 2, lineY).lineTo(x + (width + w) / 2, lineY).lineWidth(0.6).stroke()
  }
  return after
}

// The head of an administrative document: the issuing body on the left (its superior above it, the body
// in bold, a short rule under it), Quốc hiệu and the underlined tiêu ngữ on the right, then the place and
// date in italics under the tiêu ngữ. Returns the y where the document's title may start.
export function drawOfficialHeader(doc: Pdf, issuer: Issuer, at: number, x = doc.page.margins.left, width = doc.page.width - doc.page.margins.left - doc.page.margins.right): number {
  const top = doc.y
  const leftW = width * 0.42
  const rightX = x + leftW
  const rightW = width - leftW
  let left = top
  if (issuer.superior) left = centred(doc, nfc(issuer.superior.toUpperCase()), x, left, leftW, FONT.regular, fitSize(doc, FONT.regular, nfc(issuer.superior.toUpperCase()), leftW, 12))
  const body = nfc(issuer.body.toUpperCase())
  left = centred(doc, body, x, left, leftW, FONT.bold, 12)
  doc.moveTo(x + leftW / 2 - 30, left + 4).lineTo(x + leftW / 2 + 30, left + 4).lineWidth(0.6).stroke()

  let right = centred(doc, QUOC_HIEU, rightX, top, rightW, FONT.bold, fitSize(doc, FONT.bold, QUOC_HIEU, rightW, 12))
  right = centred(doc, TIEU_NGU, rightX, right, rightW, FONT.bold, 13, true)
  right = centred(doc, nfc(placeAndDate(issuer.place, at)), rightX, right + 10, rightW, FONT.italic, 12)
  doc.x = x
  doc.y = Math.max(left, right) + 22
  return doc.y
}

import { FONT, newPdf, nfc, pdfStream, type Pdf } from './document'
import { drawOfficialHeader } from './official-header'
import { drawQr } from './qr'
import { drawSignature } from './signature'
import type { PrintSettings } from './winners-pdf'

export type CertificateJob = {
  code: string; kind: 'participation' | 'prize'; url: string; fullName: string; unitName: string | null
  contestTitle: string; roundLabel: string; rank: number; prize: string | null; issuedAt: number
}

const RED = '#9b1c1c'

function frame(doc: Pdf) {
  const m = 18
  doc.save().lineWidth(3).strokeColor(RED).rect(m, m, doc.page.width - 2 * m, doc.page.height - 2 * m).stroke()
  doc.lineWidth(0.8).rect(m + 6, m + 6, doc.page.width - 2 * m - 12, doc.page.height - 2 * m - 12).stroke().restore()
}

function line(doc: Pdf, text: string, font: string, size: number, gap = 4, color = '#000000') {
  const x = doc.page.margins.left
  const width = doc.page.width - x - doc.page.margins.right
  doc.font(font).fontSize(size).fillColor(color).text(nfc(text), x, doc.y + gap, { width, align: 'center' }).fillColor('#000000')
}

// A certificate (giấy chứng nhận) on landscape A4: the official head, the title, who and for what, the
// signature, and at the bottom left the verification code with a QR code of its public address.
export function certificatePdf(cert: CertificateJob, settings: PrintSettings): ReadableStream<Uint8Array> {
  const doc = newPdf({ title: `Giấy chứng nhận ${cert.code}`, landscape: true })
  return pdfStream(doc, async () => {
    frame(doc)
    doc.y = doc.page.margins.top + 8
    drawOfficialHeader(doc, settings.issuer, cert.issuedAt, doc.page.margins.left + 20, doc.page.width - doc.page.margins.left - doc.page.margins.right - 40)
    line(doc, 'GIẤY CHỨNG NHẬN', FONT.bold, 30, 0, RED)
    line(doc, `${settings.issuer.body.toUpperCase()} chứng nhận`, FONT.bold, 13, 6)
    line(doc, cert.fullName, FONT.bold, 24, 8)
    if (cert.unitName) line(doc, `Đơn vị: ${cert.unitName}`, FONT.regular, 14, 4)
    const what = cert.kind === 'prize' && cert.prize
      ? `Đã đạt ${cert.prize} (xếp hạng ${cert.rank}) trong ${cert.roundLabel}`
      : `Đã tham gia ${cert.roundLabel}`
    line(doc, what, FONT.regular, 15, 10)
    line(doc, `Cuộc thi “${cert.contestTitle}”`, FONT.italic, 15, 2)

    const bottom = doc.page.height - doc.page.margins.bottom - 10
    const qr = 92
    const qrX = doc.page.margins.left + 20
    drawQr(doc, cert.url, qrX, bottom - qr, qr)
    doc.font(FONT.regular).fontSize(10).text(nfc('Mã xác thực:'), qrX + qr + 8, bottom - qr + 14, { width: 330 })
    doc.font(FONT.bold).fontSize(14).text(cert.code, qrX + qr + 8, doc.y, { width: 330, characterSpacing: 1 })
    doc.font(FONT.regular).fontSize(8.5).text(nfc(`Kiểm tra tại: ${cert.url}`), qrX + qr + 8, doc.y + 2, { width: 330 })

    doc.y = bottom - 150
    drawSignature(doc, settings.signer, [])
  })
}

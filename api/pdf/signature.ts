import { FONT, nfc, type Pdf } from './document'

export type Signer = { onBehalf: string; title: string; name: string | null }

// The closing of an administrative document: "Nơi nhận" on the left, on the right the signer's capacity
// (TM. …), title, the signing note, room for the signature and seal, and the name (a dotted line when
// not given, to be written by hand). Kept on one page; a certificate has no recipients.
export function drawSignature(doc: Pdf, signer: Signer, recipients: readonly string[] = ['Như trên;', 'Lưu: VT, BTC.']): void {
  const x = doc.page.margins.left
  const width = doc.page.width - x - doc.page.margins.right
  const need = 150
  if (doc.y + need > doc.page.height - doc.page.margins.bottom) doc.addPage()
  const top = doc.y + 6
  const rightX = x + width * 0.45
  const rightW = width * 0.55
  doc.font(FONT.bold).fontSize(12)
  doc.text(nfc(signer.onBehalf.toUpperCase()), rightX, top, { width: rightW, align: 'center' })
  doc.text(nfc(signer.title.toUpperCase()), rightX, doc.y, { width: rightW, align: 'center' })
  doc.font(FONT.italic).fontSize(11).text('(Ký, ghi rõ họ tên và đóng dấu)', rightX, doc.y, { width: rightW, align: 'center' })
  const nameY = doc.y + 60
  doc.font(FONT.bold).fontSize(12).text(signer.name ? nfc(signer.name) : '……………………………', rightX, nameY, { width: rightW, align: 'center' })
  const end = doc.y
  if (recipients.length) {
    doc.font(FONT.bold).fontSize(11).text(nfc('Nơi nhận:'), x, top, { width: width * 0.4 })
    doc.font(FONT.regular).fontSize(10)
    for (const r of recipients) doc.text(nfc(`- ${r}`), x, doc.y, { width: width * 0.4 })
  }
  doc.x = x
  doc.y = Math.max(end, doc.y) + 10
}

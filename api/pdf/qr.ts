import QRCode from 'qrcode'
import type { Pdf } from './document'

// A QR code drawn as vector squares (sharp at any print size), with its quiet zone of four modules.
export function drawQr(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  const cell = size / (n + 8)
  doc.save().rect(x, y, size, size).fill('#ffffff')
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(row, col)) doc.rect(x + (col + 4) * cell, y + (row + 4) * cell, cell, cell)
    }
  }
  doc.fill('#000000').restore()
}

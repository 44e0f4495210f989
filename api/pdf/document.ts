import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import PDFDocument from 'pdfkit'

// The fonts ship in the repository (OFL, see fonts/README.md); a built server runs from dist/server.
const FONTS = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './fonts/' : '../../api/pdf/fonts/', import.meta.url))
export const FONT = { regular: 'NotoSerif', bold: 'NotoSerif-Bold', italic: 'NotoSerif-Italic' } as const

export type Pdf = PDFKit.PDFDocument
const mm = (n: number) => n * 72 / 25.4

// A4 with the margins of an administrative document (Nghị định 30/2020/NĐ-CP: left 30 mm, right 15 mm,
// top and bottom 20 mm); a certificate is landscape with even margins.
export function newPdf(opts: { title: string; landscape?: boolean }): Pdf {
  const margins = opts.landscape ? { top: mm(15), bottom: mm(15), left: mm(15), right: mm(15) } : { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) }
  const doc = new PDFDocument({ size: 'A4', layout: opts.landscape ? 'landscape' : 'portrait', margins, info: { Title: opts.title, Creator: 'hoithi' }, autoFirstPage: true })
  doc.registerFont(FONT.regular, `${FONTS}NotoSerif-Regular.ttf`)
  doc.registerFont(FONT.bold, `${FONTS}NotoSerif-Bold.ttf`)
  doc.registerFont(FONT.italic, `${FONTS}NotoSerif-Italic.ttf`)
  doc.font(FONT.regular)
  return doc
}

// Text as the document writes it: NFC, so a name typed with combining marks finds the font's precomposed glyphs.
export const nfc = (s: string) => s.normalize('NFC')

// The document as a web stream for the response; `write` draws it, giving the event loop a turn between
// pages, and a failure midway ends the stream with the error.
export function pdfStream(doc: Pdf, write: () => Promise<void>): ReadableStream<Uint8Array> {
  write().then(() => doc.end(), (err: unknown) => doc.destroy(err instanceof Error ? err : new Error(String(err))))
  return Readable.toWeb(doc) as ReadableStream<Uint8Array>
}

export const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve))
export { mm }

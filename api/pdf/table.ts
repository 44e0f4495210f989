import { FONT, nfc, yieldTurn, type Pdf } from './document'

export type Column = { header: string; width: number; align?: 'left' | 'center' | 'right' }
type Cells = readonly string[]

const PAD = 4
const SIZE = 11
const HEADER_SIZE = 10

function rowHeight(doc: Pdf, cells: Cells, widths: number[], font: string, size = SIZE): number {
  doc.font(font).fontSize(size)
  return Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i] - 2 * PAD }))) + 2 * PAD
}

function drawRow(doc: Pdf, columns: readonly Column[], cells: Cells, widths: number[], x: number, y: number, h: number, font: string, size = SIZE) {
  doc.font(font).fontSize(size).lineWidth(0.5)
  let cx = x
  cells.forEach((text, i) => {
    doc.rect(cx, y, widths[i], h).stroke()
    doc.text(text, cx + PAD, y + PAD, { width: widths[i] - 2 * PAD, align: columns[i].align ?? 'left', lineGap: 0 })
    cx += widths[i]
  })
}

// A bordered table across pages: the header row repeats on each page, a row never splits, and the event
// loop gets a turn after every page, so a list of thousands of rows never holds the server for long.
// Rows come in batches (a database page at a time); widths are shares of the text width.
export async function drawTable(doc: Pdf, columns: readonly Column[], batches: AsyncIterable<Cells[]> | Iterable<Cells[]>): Promise<void> {
  const x = doc.page.margins.left
  const full = doc.page.width - doc.page.margins.left - doc.page.margins.right
  const total = columns.reduce((s, c) => s + c.width, 0)
  const widths = columns.map((c) => (c.width / total) * full)
  const header = columns.map((c) => nfc(c.header))
  const headerH = rowHeight(doc, header, widths, FONT.bold, HEADER_SIZE)
  const bottom = () => doc.page.height - doc.page.margins.bottom
  let y = doc.y
  const startPage = () => {
    drawRow(doc, columns.map((c) => ({ ...c, align: 'center' as const })), header, widths, x, y, headerH, FONT.bold, HEADER_SIZE)
    y += headerH
  }
  if (y + headerH * 2 > bottom()) {
    doc.addPage()
    y = doc.y
  }
  startPage()
  for await (const batch of batches) {
    for (const raw of batch) {
      const cells = raw.map(nfc)
      const h = rowHeight(doc, cells, widths, FONT.regular)
      if (y + h > bottom()) {
        doc.addPage()
        y = doc.page.margins.top
        await yieldTurn()
        startPage()
      }
      drawRow(doc, columns, cells, widths, x, y, h, FONT.regular)
      y += h
    }
  }
  doc.x = x
  doc.y = y + 8
}

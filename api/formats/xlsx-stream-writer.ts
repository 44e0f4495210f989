import type { Writable } from 'node:stream'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { ZipWriter, type ZipOptions } from '../lib/zip-stream'
import { BOLD_STYLE, contentTypes, rootRels, sheetPath, styles, workbook, workbookRels } from './xlsx-parts'
import { rowXml, SHEET_END, SHEET_START, type XlsxRow } from './xlsx-sheet-xml'

export type { XlsxCell, XlsxRow } from './xlsx-sheet-xml'
export type XlsxBatches = Iterable<readonly XlsxRow[]> | AsyncIterable<readonly XlsxRow[]>
export type XlsxSheetOptions = { headerRows?: number }

const MAX_ROWS = 1_048_576

// Excel refuses (or "repairs") a workbook whose sheet names break these rules.
function checkSheetName(name: string, taken: readonly string[]): void {
  const bad = name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)
  if (bad) throw new Error(`invalid sheet name "${name}": 1 to 31 characters, none of : \\ / ? * [ ], no ' at either end`)
  if (taken.some((t) => t.toLowerCase() === name.toLowerCase())) throw new Error(`duplicate sheet name "${name}"`)
}

// An .xlsx written as it goes: sheets are streamed a batch of rows at a time into a streaming ZIP, so
// memory holds one batch whatever the row count. The sink is ended by finish().
export class XlsxStreamWriter {
  readonly #zip: ZipWriter
  readonly #names: string[] = []

  constructor(sink: Writable, options?: ZipOptions) {
    this.#zip = new ZipWriter(sink, options)
  }

  // Each batch becomes one string and one write; the event loop gets a turn after every batch, even when
  // nothing pushed back, so a synchronous source (SQLite pages) never holds it for the whole sheet.
  async sheet(name: string, batches: XlsxBatches, options: XlsxSheetOptions = {}): Promise<void> {
    checkSheetName(name, this.#names)
    if (this.#names.length === 0) await this.#part('xl/styles.xml', styles())
    this.#names.push(name)
    const entry = await this.#zip.addEntry(sheetPath(this.#names.length))
    const headerRows = options.headerRows ?? 0
    let rowNumber = 0
    await entry.write(SHEET_START)
    for await (const batch of batches) {
      let xml = ''
      for (const row of batch) {
        rowNumber++
        xml += rowXml(row, rowNumber, rowNumber <= headerRows ? BOLD_STYLE : 0)
      }
      if (rowNumber > MAX_ROWS) throw new Error(`sheet "${name}" has more than ${MAX_ROWS} rows, the most Excel opens`)
      await entry.write(xml)
      await nextTurn()
    }
    await entry.write(SHEET_END)
    await entry.end()
  }

  async finish(): Promise<void> {
    const count = this.#names.length
    if (count === 0) throw new Error('an xlsx needs at least one sheet')
    await this.#part('xl/workbook.xml', workbook(this.#names))
    await this.#part('xl/_rels/workbook.xml.rels', workbookRels(count))
    await this.#part('_rels/.rels', rootRels())
    await this.#part('[Content_Types].xml', contentTypes(count))
    await this.#zip.finish()
  }

  #part(path: string, xml: string): Promise<void> {
    return this.#zip.entry(path, [xml])
  }
}

import { posix } from 'node:path'
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import yauzl from 'yauzl'
import { utf8SafeReader } from './xlsx-utf8'

// ExcelJS 4.4's streaming reader takes a workbook's parts in the order the zip stores them, through
// unzipper 0.10. When a worksheet comes before the shared strings it waits in a temporary file, and
// unzipper's parser can then end its list of parts early (it reports the end when its input is written,
// not when it is parsed): the workbook part is never read and a valid file is refused, about once in
// 500 reads of a file ExcelJS itself wrote. Here the parts are opened by name with yauzl, from the
// bytes already in memory, in the order the reader needs them: relationships, workbook, shared
// strings, styles, then the worksheets in tab order. No temporary file, nothing left to timing.

type Rel = { Id: string; Target: string }
type Event = { eventType: string; value: unknown }
type ReaderInternals = {
  workbookRels?: Rel[]
  model?: { sheets?: { rId: string }[] }
  parse(): AsyncGenerator<Event>
  _parseRels(entry: Readable): Promise<void>
  _parseWorkbook(entry: Readable): Promise<void>
  _parseSharedStrings(entry: Readable): AsyncGenerator<Event>
  _parseStyles(entry: Readable): Promise<void>
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<Event>
}

const WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/

function zipEntries(body: Uint8Array): Promise<{ zip: yauzl.ZipFile; entries: Map<string, yauzl.Entry> }> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(body.buffer, body.byteOffset, body.byteLength), { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a zip'))
      const entries = new Map<string, yauzl.Entry>()
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.set(entry.fileName, entry)
        zip.readEntry()
      })
      zip.on('end', () => resolve({ zip, entries }))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
}

function open(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(err) : resolve(stream))))
}

// A relationship's target is relative to xl/ unless it starts with a slash ("./" and "../" allowed); some
// writers give the path from the package root without the slash.
function partOf(target: string, entries: Map<string, yauzl.Entry>): string {
  const part = posix.normalize(target.startsWith('/') ? target.slice(1) : `xl/${target}`)
  return entries.has(part) || !entries.has(target) ? part : target
}

// Worksheet parts in tab order (the workbook's <sheets> through its relationships), then any other
// worksheet part the workbook does not list, by number.
function worksheetParts(inner: ReaderInternals, entries: Map<string, yauzl.Entry>): string[] {
  const rels = new Map((inner.workbookRels ?? []).map((r) => [r.Id, partOf(r.Target, entries)]))
  const tabs = (inner.model?.sheets ?? []).map((s) => rels.get(s.rId)).filter((p): p is string => !!p && WORKSHEET.test(p) && entries.has(p))
  const rest = [...entries.keys()].filter((p) => WORKSHEET.test(p) && !tabs.includes(p))
    .sort((a, b) => Number(WORKSHEET.exec(a)![1]) - Number(WORKSHEET.exec(b)![1]))
  return [...tabs, ...rest]
}

// ExcelJS's streaming workbook reader over an xlsx held in memory; iterate it for worksheet readers.
// Rejects (when iterated) if the body is not a zip.
export function workbookReader(body: Uint8Array, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>): ExcelJS.stream.xlsx.WorkbookReader {
  // The input stream is never read: parse() below replaces the one that would unzip it.
  const reader = utf8SafeReader(new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), options))
  const inner = reader as unknown as ReaderInternals
  inner.parse = async function* parse() {
    const { zip, entries } = await zipEntries(body)
    const part = (name: string) => {
      const entry = entries.get(name)
      return entry ? open(zip, entry) : null
    }
    const rels = part('xl/_rels/workbook.xml.rels')
    if (rels) await inner._parseRels(await rels)
    const workbook = part('xl/workbook.xml')
    if (workbook) await inner._parseWorkbook(await workbook)
    const strings = part('xl/sharedStrings.xml')
    if (strings) yield* inner._parseSharedStrings(await strings)
    const styles = part('xl/styles.xml')
    if (styles) await inner._parseStyles(await styles)
    for (const name of worksheetParts(inner, entries)) {
      yield* inner._parseWorksheet(await open(zip, entries.get(name)!), WORKSHEET.exec(name)![1])
    }
  }
  return reader
}

import { StringDecoder } from 'node:string_decoder'
import type { Readable } from 'node:stream'
import type ExcelJS from 'exceljs'

// ExcelJS 4.4's streaming reader decodes every chunk of XML on its own, so a Vietnamese letter split
// across two 16 KB chunks becomes "��" (exceljs issue #2084, unfixed). Its XML step passes strings
// through as they are, so the chunks are decoded here with a StringDecoder, which keeps letters whole.
type ReaderInternals = {
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>
}

async function* wholeLetters(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8')
  for await (const chunk of chunks) {
    yield typeof chunk === 'string' ? chunk : decoder.write(chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk)))
  }
  const rest = decoder.end()
  if (rest) yield rest
}

// A cast into ExcelJS internals (pinned at 4.4.0), as is xlsx-workbook-reader.ts; the xlsx round-trip
// test on a large Vietnamese bank fails if a new version changes them.
export function utf8SafeReader(reader: ExcelJS.stream.xlsx.WorkbookReader): ExcelJS.stream.xlsx.WorkbookReader {
  const inner = reader as unknown as ReaderInternals
  const sharedStrings = inner._parseSharedStrings.bind(reader)
  const worksheet = inner._parseWorksheet.bind(reader)
  inner._parseSharedStrings = (entry) => {
    entry.setEncoding('utf8')
    return sharedStrings(entry)
  }
  inner._parseWorksheet = (iterator, sheetNo) => worksheet(wholeLetters(iterator), sheetNo)
  return reader
}

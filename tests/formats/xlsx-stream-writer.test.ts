import { crc32, inflateRawSync } from 'node:zlib'
import { createHash, randomBytes } from 'node:crypto'
import { PassThrough, Readable, Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { columnName } from '../../api/formats/xlsx-sheet-xml'
import { XlsxStreamWriter, type XlsxBatches, type XlsxRow } from '../../api/formats/xlsx-stream-writer'
import { utf8SafeReader } from '../../api/formats/xlsx-utf8'
import { ZipWriter } from '../../api/lib/zip-stream'

function collect(sink: PassThrough): Promise<Buffer> {
  const chunks: Buffer[] = []
  sink.on('data', (c: Buffer) => chunks.push(c))
  return new Promise((resolve, reject) => sink.on('end', () => resolve(Buffer.concat(chunks))).on('error', reject))
}

async function workbookBytes(sheets: [string, XlsxBatches, number][]): Promise<Buffer> {
  const sink = new PassThrough()
  const bytes = collect(sink)
  const xlsx = new XlsxStreamWriter(sink)
  for (const [name, batches, headerRows] of sheets) await xlsx.sheet(name, batches, { headerRows })
  await xlsx.finish()
  return bytes
}

async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  return wb
}

// Every sheet's rows through ExcelJS's streaming reader (which names sheets Sheet1, Sheet2, … itself).
async function streamedSheets(bytes: Buffer): Promise<unknown[][][]> {
  const reader = utf8SafeReader(new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore',
  }))
  const sheets: unknown[][][] = []
  for await (const sheet of reader) {
    const rows: unknown[][] = []
    for await (const row of sheet) rows[row.number - 1] = Array.from((row.values as unknown[]).slice(1), (v) => v ?? null)
    sheets.push(rows)
  }
  return sheets
}

// Reads an archive back the way unzip does, from the end: the central directory lists each entry, its
// local header and compressed bytes are then inflated and checked against the directory's CRC and size.
// An independent path from the writer's own bookkeeping: a wrong offset, size or CRC anywhere shows here.
function readZip(bytes: Buffer): { bad: string | null; entries: { name: string; flags: number; method: number; size: number; sha256: string }[] } {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (eocd < 0) throw new Error('no end of central directory record')
  const count = bytes.readUInt16LE(eocd + 10)
  let at = bytes.readUInt32LE(eocd + 16)
  const entries = []
  let bad: string | null = null
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error(`central directory entry ${i} has a wrong signature`)
    const flags = bytes.readUInt16LE(at + 8)
    const method = bytes.readUInt16LE(at + 10)
    const crc = bytes.readUInt32LE(at + 16)
    const packed = bytes.readUInt32LE(at + 20)
    const size = bytes.readUInt32LE(at + 24)
    const nameLength = bytes.readUInt16LE(at + 28)
    const extra = bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)
    const local = bytes.readUInt32LE(at + 42)
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString(flags & 0x800 ? 'utf8' : 'latin1')
    at += 46 + nameLength + extra
    if (bytes.readUInt32LE(local) !== 0x04034b50) throw new Error(`${name}: local header has a wrong signature`)
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28)
    const raw = bytes.subarray(dataAt, dataAt + packed)
    const data = method === 8 ? inflateRawSync(raw) : raw
    if ((data.length !== size || crc32(data) !== crc) && bad == null) bad = name
    entries.push({ name, flags, method, size, sha256: sha256(data) })
  }
  return { bad, entries }
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const WIDTH = 28 // columns A..AB
const generated = (i: number): XlsxRow => [i, `Người thứ ${i}: Đặng Thị Ước`, `0${900000000 + i}`, i / 4, -i, ...Array(WIDTH - 6).fill(null), `ô AB${i}`]
function* generatedBatches(from: number, count: number, size = 1000) {
  for (let start = from; start < from + count; start += size) yield Array.from({ length: Math.min(size, from + count - start) }, (_, j) => generated(start + j))
}

const rankingRow = (i: number): XlsxRow => [i, `Nguyễn Văn Ước ${i % 997}`, '1985-03-12', `09${String((i * 7919) % 1e8).padStart(8, '0')}`,
  `Đảng bộ cơ sở ${i % 200}`, 20 - (i % 21) / 2, 20, (i % 6000) / 10, i % 3 ? null : i % 500, i < 3 ? 'Giải Nhất' : null, null]
function* rankingBatches(count: number) {
  for (let start = 1; start <= count; start += 2000) yield Array.from({ length: Math.min(2000, count - start + 1) }, (_, j) => rankingRow(start + j))
}

const header = Array.from({ length: WIDTH }, (_, i) => `Cột ${columnName(i)}`)
const special: XlsxRow = ['A & B <c> "d" \'e\'', 'tab\there', 'dòng 1\ndòng 2', ' lề hai bên ', 'điều\u0001khiển\u001F\u000B', 12.5, -3, -0.25, 0,
  0.1 + 0.2, 1234567890123, null, '', undefined, Number.NaN, ...Array(WIDTH - 17).fill(null), 'ô AA']
const SECOND = 'Đơn vị & "Thông tin" <2>'

describe('XlsxStreamWriter', { timeout: 30_000 }, () => {
  it('writes Vietnamese text, XML-special characters, numbers and empty cells past column Z that ExcelJS reads back exactly', async () => {
    const bytes = await workbookBytes([
      ['Xếp hạng', (function* () { yield [header, special]; yield* generatedBatches(1, 5000) })(), 1],
      [SECOND, [[['Mã', 'Tên đơn vị'], ['ĐB01', 'Đảng bộ Khối Cơ quan']], [['ĐB02', 'Chi bộ "Phòng" <Hành chính> & Tổng hợp']]], 1],
    ])
    const wb = await loadWorkbook(bytes)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Xếp hạng', SECOND])
    const ranking = wb.getWorksheet('Xếp hạng')!
    expect(ranking.actualRowCount).toBe(2 + 5000)
    const cells = (r: number) => Array.from({ length: WIDTH }, (_, c) => ranking.getRow(r).getCell(c + 1).value ?? null)
    expect(cells(1)).toEqual(header)
    expect(ranking.getCell('AB1').value).toBe('Cột AB')
    expect(ranking.getCell('A1').font?.bold).toBe(true)
    expect(ranking.getCell('A2').font?.bold).toBeFalsy()
    expect(cells(2)).toEqual(['A & B <c> "d" \'e\'', 'tab\there', 'dòng 1\ndòng 2', ' lề hai bên ', 'điềukhiển', 12.5, -3, -0.25, 0,
      0.30000000000000004, 1234567890123, ...Array(WIDTH - 13).fill(null), 'ô AA', null])
    expect(ranking.getCell('AA2').value).toBe('ô AA')
    for (const r of [3, 4, 1000, 5002]) expect(cells(r)).toEqual(generated(r - 2))
    expect(ranking.getCell('C3').value).toBe('0900000001')
    const units = wb.getWorksheet(SECOND)!
    expect(units.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1))).toEqual([
      ['Mã', 'Tên đơn vị'], ['ĐB01', 'Đảng bộ Khối Cơ quan'], ['ĐB02', 'Chi bộ "Phòng" <Hành chính> & Tổng hợp'],
    ])

    const streamed = await streamedSheets(bytes)
    expect(streamed.map((rows) => rows.length)).toEqual([5002, 3])
    expect(streamed[0][1][4]).toBe('điềukhiển')
    expect(streamed[0][5001]).toEqual(generated(5000))
    expect(streamed[1][2]).toEqual(['ĐB02', 'Chi bộ "Phòng" <Hành chính> & Tổng hợp'])
  })

  it('refuses sheet names Excel cannot open, before writing anything for them', async () => {
    const xlsx = new XlsxStreamWriter(new PassThrough())
    await expect(xlsx.sheet('Kết quả: đợt 1', [])).rejects.toThrow(/invalid sheet name/)
    await expect(xlsx.sheet('x'.repeat(32), [])).rejects.toThrow(/invalid sheet name/)
    await xlsx.sheet('Xếp hạng', [])
    await expect(xlsx.sheet('XẾP HẠNG', [])).rejects.toThrow(/duplicate sheet name/)
  })

  it('the event loop keeps turning while 200,000 ranking rows go to a slow reader, and the file has every row', async () => {
    const chunks: Buffer[] = []
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk)
        setImmediate(done)
      },
    })
    let ticks = 0
    let longestGap = 0
    let last = performance.now()
    const ticker = setInterval(() => {
      ticks++
      longestGap = Math.max(longestGap, performance.now() - last)
      last = performance.now()
    }, 5)
    const xlsx = new XlsxStreamWriter(slow)
    await xlsx.sheet('Xếp hạng', rankingBatches(200_000))
    await xlsx.finish()
    await finished(slow)
    clearInterval(ticker)
    // Written in one go, the rows would hold the loop for a second or more; a page of 2,000 takes milliseconds.
    expect(ticks).toBeGreaterThan(20)
    expect(longestGap).toBeLessThan(500)
    const [sheet] = await streamedSheets(Buffer.concat(chunks))
    expect(sheet).toHaveLength(200_000)
    expect(sheet[199_997]).toEqual(rankingRow(199_998).slice(0, 9)) // trailing empty cells are no cells at all
  })

  it('a reader that stops reading stops the writer with little buffered, and closing it fails the write', async () => {
    let produced = 0
    const stalled = new Writable({ highWaterMark: 1024, write: () => {} })
    const xlsx = new XlsxStreamWriter(stalled)
    const writing = xlsx.sheet('Xếp hạng', (function* () {
      for (const batch of rankingBatches(200_000)) {
        produced += batch.length
        yield batch
      }
    })())
    writing.catch(() => {})
    await sleep(500)
    expect(produced).toBeLessThan(200_000)
    expect(stalled.writableLength).toBeLessThan(512 * 1024)
    stalled.destroy()
    await expect(writing).rejects.toThrow(/closed before the archive was finished/)
  })
})

describe('ZipWriter', { timeout: 30_000 }, () => {
  it('writes UTF-8 names, empty and multi-megabyte entries that a central-directory reader inflates with matching CRCs', async () => {
    const sink = new PassThrough()
    const bytes = collect(sink)
    const zip = new ZipWriter(sink)
    const big = Buffer.from(randomBytes(3 * 1024 * 1024).toString('base64'))
    await zip.entry('chào.txt', ['Xin chào ', Buffer.from('thế giới')])
    await zip.entry('thư mục/rỗng.txt', [])
    const entry = await zip.addEntry('big.txt')
    for (let i = 0; i < big.length; i += 100_000) await entry.write(big.subarray(i, i + 100_000))
    await entry.end()
    await zip.finish()
    const read = readZip(await bytes)
    expect(read.bad).toBeNull()
    expect(read.entries).toEqual([
      { name: 'chào.txt', flags: 0x0808, method: 8, size: Buffer.byteLength('Xin chào thế giới'), sha256: sha256(Buffer.from('Xin chào thế giới')) },
      { name: 'thư mục/rỗng.txt', flags: 0x0808, method: 8, size: 0, sha256: sha256(Buffer.alloc(0)) },
      { name: 'big.txt', flags: 0x0808, method: 8, size: big.length, sha256: sha256(big) },
    ])
  })

  it('a write waiting on a reader that goes away fails instead of waiting forever', async () => {
    const sink = new PassThrough()
    const entry = await new ZipWriter(sink).addEntry('big.txt')
    const writing = (async () => {
      for (let i = 0; i < 1000; i++) await entry.write(randomBytes(64 * 1024).toString('base64'))
    })()
    await sleep(100)
    sink.destroy()
    await expect(writing).rejects.toThrow(/closed before the archive was finished/)
  })
})

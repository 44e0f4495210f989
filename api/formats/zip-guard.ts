import yauzl from 'yauzl'
import { AppError } from '../errors'

// An .xlsx is a zip, and a zip can inflate a few megabytes into gigabytes (a "zip bomb": a
// sharedStrings.xml of 4.6 GB took the server down). Before a workbook reaches ExcelJS, every entry is
// inflated once here and counted: entries, bytes each and in all, and shared strings. yauzl checks each
// entry's real size against the size it declares, so a lying header is caught too.
export type ZipLimits = { entries: number; entryBytes: number; totalBytes: number; sharedStrings: number }
export const XLSX_LIMITS: ZipLimits = { entries: 2000, entryBytes: 128 * 1024 * 1024, totalBytes: 256 * 1024 * 1024, sharedStrings: 1_000_000 }

const MB = 1024 * 1024
const tooLarge = (what: string) => new AppError('PAYLOAD_TOO_LARGE', `Tệp Excel vượt giới hạn: ${what}. Hãy chia thành nhiều tệp nhỏ hơn.`)
const notZip = () => new AppError('VALIDATION_FAILED', 'Tệp không phải bảng tính Excel .xlsx hợp lệ (tệp .xls cũ hãy lưu lại dưới dạng .xlsx).')
const SHARED_STRINGS = /^xl\/sharedStrings\.xml$/i

// Counts `<si>` / `<si …>` openings across chunk boundaries: the last three characters of a chunk are
// read again with the next, and a four-character opening cannot lie within them alone.
function stringCounter() {
  let tail = ''
  let count = 0
  return {
    add(chunk: Buffer) {
      const text = tail + chunk.toString('latin1')
      count += text.match(/<si[\s>]/g)?.length ?? 0
      tail = text.slice(-3)
    },
    get count() { return count },
  }
}

export async function checkZip(body: Uint8Array, limits: ZipLimits = XLSX_LIMITS): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(body.buffer, body.byteOffset, body.byteLength), { lazyEntries: true, validateEntrySizes: true }, (err, file) => (err || !file ? reject(notZip()) : resolve(file)))
  })
  if (zip.entryCount > limits.entries) {
    zip.close()
    throw tooLarge(`${zip.entryCount.toLocaleString('vi-VN')} tệp con, tối đa ${limits.entries.toLocaleString('vi-VN')}`)
  }
  let total = 0
  await new Promise<void>((resolve, reject) => {
    const fail = (err: unknown) => {
      zip.close()
      reject(err instanceof AppError ? err : notZip())
    }
    zip.on('error', fail)
    zip.on('end', resolve)
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry()
      if (entry.uncompressedSize > limits.entryBytes) return fail(tooLarge(`phần "${entry.fileName}" giải nén ra ${Math.ceil(entry.uncompressedSize / MB)} MB, tối đa ${limits.entryBytes / MB} MB`))
      if (total + entry.uncompressedSize > limits.totalBytes) return fail(tooLarge(`giải nén ra hơn ${limits.totalBytes / MB} MB`))
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return fail(err)
        const strings = SHARED_STRINGS.test(entry.fileName) ? stringCounter() : null
        stream.on('data', (chunk: Buffer) => {
          total += chunk.length
          if (total > limits.totalBytes) {
            stream.destroy()
            return fail(tooLarge(`giải nén ra hơn ${limits.totalBytes / MB} MB`))
          }
          if (strings) {
            strings.add(chunk)
            if (strings.count > limits.sharedStrings) {
              stream.destroy()
              fail(tooLarge(`hơn ${limits.sharedStrings.toLocaleString('vi-VN')} chuỗi văn bản dùng chung`))
            }
          }
        })
        stream.on('error', fail)
        stream.on('end', () => zip.readEntry())
      })
    })
    zip.readEntry()
  })
}

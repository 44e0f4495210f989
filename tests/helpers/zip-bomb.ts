import { crc32, deflateRawSync } from 'node:zlib'
import { centralHeader, dosStamp, endOfCentralDirectory, localHeader, dataDescriptor, type ZipRecord } from '../../api/lib/zip-records'

// A small .xlsx whose shared strings inflate to `mb` megabytes (spaces compress a thousandfold), built
// with the same ZIP records as our writer. `lie`: the central directory says the part is 1 KB.
export function xlsxBomb(mb: number, opts: { lie?: boolean; strings?: number } = {}): Uint8Array {
  const head = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
  const strings = '<si><t>x</t></si>'.repeat(opts.strings ?? 1)
  const filler = Buffer.alloc(1024 * 1024, 0x20)
  const parts: Buffer[] = [Buffer.from(head + strings)]
  for (let i = 0; i < mb; i++) parts.push(filler)
  parts.push(Buffer.from('</sst>'))
  const shared = Buffer.concat(parts)
  const files: [string, Buffer][] = [
    ['[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')],
    ['xl/workbook.xml', Buffer.from('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>')],
    ['xl/sharedStrings.xml', shared],
  ]
  const stamp = dosStamp(new Date(Date.UTC(2026, 0, 1)))
  const out: Buffer[] = []
  const records: ZipRecord[] = []
  let offset = 0
  for (const [name, data] of files) {
    const nameBytes = Buffer.from(name)
    const compressed = deflateRawSync(data, { level: 9 })
    const record = { name: nameBytes, offset, crc: crc32(data), compressed: compressed.length, size: opts.lie && data === shared ? 1024 : data.length }
    const chunk = [localHeader(nameBytes, stamp), compressed, dataDescriptor(record)]
    for (const b of chunk) out.push(b)
    offset += chunk.reduce((n, b) => n + b.length, 0)
    records.push(record)
  }
  const central = records.map((r) => centralHeader(r, stamp))
  const size = central.reduce((n, b) => n + b.length, 0)
  return new Uint8Array(Buffer.concat([...out, ...central, endOfCentralDirectory(records.length, size, offset)]))
}

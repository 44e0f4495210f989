// The fixed binary records of a ZIP archive (APPNOTE 6.3.x, §4.3), for entries streamed with deflate
// and their sizes in a data descriptor after the data. No ZIP64: callers guard against 4 GB.
export const ZIP_MAX_32 = 0xffffffff
export const ZIP_MAX_ENTRIES = 0xffff

// Bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8 (Vietnamese sheet paths stay readable).
const FLAGS = 0x0808
const DEFLATE = 8
const VERSION = 20

export type DosStamp = { time: number; date: number }
export type ZipRecord = { name: Buffer; offset: number; crc: number; compressed: number; size: number }

export function dosStamp(at: Date): DosStamp {
  const year = Math.max(at.getFullYear(), 1980)
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  }
}

export function localHeader(name: Buffer, stamp: DosStamp): Buffer {
  const b = Buffer.alloc(30 + name.length)
  b.writeUInt32LE(0x04034b50, 0)
  b.writeUInt16LE(VERSION, 4)
  b.writeUInt16LE(FLAGS, 6)
  b.writeUInt16LE(DEFLATE, 8)
  b.writeUInt16LE(stamp.time, 10)
  b.writeUInt16LE(stamp.date, 12)
  // CRC and sizes (14..25) stay zero: they are in the data descriptor.
  b.writeUInt16LE(name.length, 26)
  name.copy(b, 30)
  return b
}

export function dataDescriptor(r: ZipRecord): Buffer {
  const b = Buffer.alloc(16)
  b.writeUInt32LE(0x08074b50, 0)
  b.writeUInt32LE(r.crc, 4)
  b.writeUInt32LE(r.compressed, 8)
  b.writeUInt32LE(r.size, 12)
  return b
}

export function centralHeader(r: ZipRecord, stamp: DosStamp): Buffer {
  const b = Buffer.alloc(46 + r.name.length)
  b.writeUInt32LE(0x02014b50, 0)
  b.writeUInt16LE(VERSION, 4)
  b.writeUInt16LE(VERSION, 6)
  b.writeUInt16LE(FLAGS, 8)
  b.writeUInt16LE(DEFLATE, 10)
  b.writeUInt16LE(stamp.time, 12)
  b.writeUInt16LE(stamp.date, 14)
  b.writeUInt32LE(r.crc, 16)
  b.writeUInt32LE(r.compressed, 20)
  b.writeUInt32LE(r.size, 24)
  b.writeUInt16LE(r.name.length, 28)
  // Extra and comment lengths, disk number and attributes (30..41) stay zero.
  b.writeUInt32LE(r.offset, 42)
  r.name.copy(b, 46)
  return b
}

export function endOfCentralDirectory(entries: number, size: number, offset: number): Buffer {
  const b = Buffer.alloc(22)
  b.writeUInt32LE(0x06054b50, 0)
  b.writeUInt16LE(entries, 8)
  b.writeUInt16LE(entries, 10)
  b.writeUInt32LE(size, 12)
  b.writeUInt32LE(offset, 16)
  return b
}

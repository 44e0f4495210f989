import type { TransformOptions, Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import zlib from 'node:zlib'
import {
  centralHeader, dataDescriptor, dosStamp, endOfCentralDirectory, localHeader,
  ZIP_MAX_32, ZIP_MAX_ENTRIES, type DosStamp, type ZipRecord,
} from './zip-records'

export type ZipChunk = string | Uint8Array
export type ZipEntryWriter = { write(chunk: ZipChunk): Promise<void>; end(): Promise<void> }
export type ZipOptions = { level?: number; date?: Date }

// zlib level 4 compresses worksheet XML about 3x faster than the default 6 for some 15% more bytes,
// which keeps compression off the critical path of a million-row export.
const DEFAULT_LEVEL = 4
// Large zlib calls let one threadpool call compress a whole batch while JavaScript builds the next one;
// the buffers allowed before write() waits are what bound memory per entry.
const DEFLATE_STREAM: zlib.ZlibOptions & TransformOptions = {
  chunkSize: 256 * 1024, writableHighWaterMark: 2 * 1024 * 1024, readableHighWaterMark: 1024 * 1024,
}

// Resolves on 'drain'; rejects if the stream fails or closes first, so a dropped client never leaves a writer waiting.
function drained(stream: Writable): Promise<void> {
  if (stream.destroyed) return Promise.reject(stream.errored ?? new Error('stream closed while writing the ZIP'))
  return new Promise((resolve, reject) => {
    const settle = (err?: Error | null) => {
      stream.off('drain', onDrain).off('error', onError).off('close', onClose)
      if (err) reject(err)
      else resolve()
    }
    const onDrain = () => settle()
    const onError = (err: Error) => settle(err)
    const onClose = () => settle(stream.errored ?? new Error('stream closed while writing the ZIP'))
    stream.on('drain', onDrain).on('error', onError).on('close', onClose)
  })
}

function within32(value: number, what: string): void {
  if (value > ZIP_MAX_32) throw new Error(`ZIP too large: ${what} would pass 4 GB, and ZIP64 is not supported`)
}

// A streaming ZIP writer: entries one after another, each deflated in libuv's threadpool (so awaiting it
// yields to the event loop) with sizes in a data descriptor, then the central directory. It waits on the
// sink and on the deflate stream, so memory stays bounded however slowly the sink is read.
export class ZipWriter {
  readonly #sink: Writable
  readonly #stamp: DosStamp
  readonly #level: number
  readonly #records: ZipRecord[] = []
  #offset = 0
  #open: zlib.DeflateRaw | null = null
  #failure: Error | null = null
  #finished = false

  constructor(sink: Writable, options: ZipOptions = {}) {
    this.#sink = sink
    this.#stamp = dosStamp(options.date ?? new Date())
    this.#level = options.level ?? DEFAULT_LEVEL
    sink.on('error', (err) => this.#abort(err))
    sink.on('close', () => {
      if (!this.#finished) this.#abort(new Error('the ZIP output was closed before the archive was finished'))
    })
  }

  async entry(name: string, source: Iterable<ZipChunk> | AsyncIterable<ZipChunk>): Promise<void> {
    const entry = await this.addEntry(name)
    for await (const chunk of source) await entry.write(chunk)
    await entry.end()
  }

  async addEntry(name: string): Promise<ZipEntryWriter> {
    if (this.#open || this.#finished) throw new Error(`ZIP entry ${name}: the previous entry is still open or the archive is finished`)
    if (this.#records.length >= ZIP_MAX_ENTRIES) throw new Error(`ZIP entry ${name}: more than ${ZIP_MAX_ENTRIES} entries`)
    within32(this.#offset, `the offset of ${name}`)
    const record: ZipRecord = { name: Buffer.from(name, 'utf8'), offset: this.#offset, crc: 0, compressed: 0, size: 0 }
    await this.#put(localHeader(record.name, this.#stamp))
    const deflate = this.#startDeflate(record)
    return {
      write: async (chunk) => {
        if (this.#failure) throw this.#failure
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
        record.crc = zlib.crc32(bytes, record.crc)
        record.size += bytes.length
        within32(record.size, `the size of ${name}`)
        if (!deflate.write(bytes)) await drained(deflate)
      },
      end: async () => {
        deflate.end()
        await finished(deflate)
        this.#open = null
        within32(record.compressed, `the compressed size of ${name}`)
        await this.#put(dataDescriptor(record))
        this.#records.push(record)
      },
    }
  }

  // Ends the sink after the central directory; a file sink's caller awaits its 'finish' for the flush.
  async finish(): Promise<void> {
    if (this.#open) throw new Error('ZIP finish: an entry is still open')
    const start = this.#offset
    const directory = Buffer.concat(this.#records.map((r) => centralHeader(r, this.#stamp)))
    within32(start + directory.length, 'the central directory')
    await this.#put(directory)
    await this.#put(endOfCentralDirectory(this.#records.length, directory.length, start))
    this.#finished = true
    this.#sink.end()
  }

  #startDeflate(record: ZipRecord): zlib.DeflateRaw {
    const deflate = zlib.createDeflateRaw({ ...DEFLATE_STREAM, level: this.#level })
    // Errors surface through write() and end(); without a listener, one arriving between them would crash the process.
    deflate.on('error', () => {})
    deflate.on('data', (chunk: Buffer) => {
      record.compressed += chunk.length
      this.#offset += chunk.length
      if (!this.#sink.write(chunk)) {
        deflate.pause()
        this.#sink.once('drain', () => deflate.resume())
      }
    })
    this.#open = deflate
    return deflate
  }

  async #put(bytes: Buffer): Promise<void> {
    if (this.#failure) throw this.#failure
    this.#offset += bytes.length
    if (!this.#sink.write(bytes)) await drained(this.#sink)
  }

  #abort(err: Error): void {
    this.#failure ??= err
    this.#open?.destroy(err)
  }
}

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ByteWriter } from '../../api/lib/byte-writer'

// Any UTF-16 code unit, lone surrogates included ('binary' gives whole code points only).
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))

// The page writer must give JSON.stringify's bytes for any string and number, however long the body grows.
describe('ByteWriter', () => {
  it('writes strings and numbers as JSON.stringify does, as UTF-8', () => {
    const w = new ByteWriter()
    fc.assert(fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: anyCodeUnit }), fc.constant('Lê \ud800 lẻ'), fc.double(), fc.integer(), fc.maxSafeInteger(), fc.constant(-0))), (values) => {
      w.reset().ascii('[')
      values.forEach((v, i) => {
        if (i) w.ascii(',')
        if (typeof v === 'string') w.json(v)
        else w.num(v)
      })
      const bytes = w.ascii(']').take()
      expect(bytes.equals(Buffer.from(JSON.stringify(values)))).toBe(true)
    }), { numRuns: 500 })
  })

  it('grows past its first buffer and keeps what it wrote; a body taken is a copy', () => {
    const w = new ByteWriter()
    const name = 'Nguyễn Thị Ánh Tuyết '.repeat(2000) // ~50 KB of UTF-8, beyond the first 16 KB
    const first = w.reset().json(name).take()
    expect(first.toString('utf8')).toBe(JSON.stringify(name))
    const held = Buffer.from('"held"')
    const second = w.reset().bytes(held, 1, 5).take()
    expect(second.toString()).toBe('held')
    expect(first.toString('utf8')).toBe(JSON.stringify(name))
  })

  it('copies short and long text and bytes alike (a loop below 128 bytes, Buffer natives above)', () => {
    const w = new ByteWriter()
    for (const n of [0, 1, 127, 128, 129, 300, 20_000]) {
      const text = 'ab,:"{}0123456789'.repeat(Math.ceil(n / 17)).slice(0, n)
      const bytes = Buffer.from(`<${text}>`)
      expect(w.reset().ascii(text).bytes(bytes, 1, bytes.length - 1).ascii(text).take().toString('latin1')).toBe(text + text + text)
    }
  })
})

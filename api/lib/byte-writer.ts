// A JSON body written as UTF-8 bytes into one buffer that is reused from body to body, then copied out
// at its length. For pages built from bytes already held (the name book's UTF-8): no text is decoded and
// encoded again, and the heap sees one buffer a body instead of a string per field (a 900,000-person
// board's random page built ~32 KB of strings, which live long enough under load to be promoted).
// A body must be written in one synchronous stretch, from reset() to take().

// What JSON.stringify would escape in a string (or write as \u escapes: lone surrogates; a pair is let
// through to it as well, as the rare case it is).
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/

// Up to this many bytes, a loop here is cheaper than a call into Buffer's native copy or write.
const SHORT = 128

export function plainJsonText(s: string): boolean {
  return !NEEDS_ESCAPE.test(s)
}

export class ByteWriter {
  private buf = Buffer.allocUnsafe(1 << 14)
  private at = 0

  reset(): this {
    this.at = 0
    return this
  }

  private room(n: number) {
    if (this.at + n <= this.buf.length) return
    const next = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.at + n))
    this.buf.copy(next, 0, 0, this.at)
    this.buf = next
  }

  // Text known to be ASCII (numbers, keys, punctuation): one byte a character. Short text is copied here,
  // not by Buffer#write: a page makes some 800 small writes, and each call into C++ cost more than its bytes.
  ascii(s: string): this {
    const n = s.length
    this.room(n)
    if (n > SHORT) {
      this.at += this.buf.write(s, this.at, 'latin1')
    } else {
      const buf = this.buf
      let at = this.at
      for (let i = 0; i < n; i++) buf[at++] = s.charCodeAt(i)
      this.at = at
    }
    return this
  }

  // Any text, as UTF-8.
  utf8(s: string): this {
    this.room(3 * s.length)
    this.at += this.buf.write(s, this.at, 'utf8')
    return this
  }

  // Bytes taken as they are (copied without a view over them: a view is an object a field; short ones here).
  bytes(src: Buffer, start = 0, end = src.length): this {
    this.room(end - start)
    if (end - start > SHORT) {
      this.at += src.copy(this.buf, this.at, start, end)
    } else {
      const buf = this.buf
      let at = this.at
      for (let i = start; i < end; i++) buf[at++] = src[i]
      this.at = at
    }
    return this
  }

  // A string as JSON.stringify writes it.
  json(s: string): this {
    if (!plainJsonText(s)) return this.utf8(JSON.stringify(s))
    this.room(3 * s.length + 2)
    this.buf[this.at++] = 0x22
    this.at += this.buf.write(s, this.at, 'utf8')
    this.buf[this.at++] = 0x22
    return this
  }

  // A number as JSON.stringify writes it; an integer (ranks, times, most scores) digit by digit, without a string.
  num(n: number): this {
    if (!Number.isSafeInteger(n)) return this.ascii(Number.isFinite(n) ? String(n) : 'null')
    this.room(17)
    if (n < 0) {
      this.buf[this.at++] = 0x2d
      n = -n
    }
    let digits = 1
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++
    this.at += digits
    for (let i = 1; i <= digits; i++) {
      this.buf[this.at - i] = 0x30 + (n % 10)
      n = Math.floor(n / 10)
    }
    return this
  }

  // A copy of what was written since reset().
  take(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.at))
  }
}

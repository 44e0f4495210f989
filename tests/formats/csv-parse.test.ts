import { describe, expect, it } from 'vitest'
import { detectDelimiter, parseCsv } from '../../api/formats/csv-parse'

describe('CSV parser (RFC 4180)', () => {
  it('handles quotes, doubled quotes, delimiters and line breaks inside quotes, CRLF, and tracks start lines', () => {
    const text = 'a,b,c\r\n"x, y","he said ""hi""","line 1\r\nline 2"\r\nplain,,end\r\n'
    expect(parseCsv(text).records).toEqual([
      { cells: ['a', 'b', 'c'], line: 1 },
      { cells: ['x, y', 'he said "hi"', 'line 1\r\nline 2'], line: 2 },
      { cells: ['plain', '', 'end'], line: 4 },
    ])
  })

  it('reads a last record without a final line break, LF only, and blank lines as empty records', () => {
    expect(parseCsv('a,b\n\nc,"d\nd"\ne,f').records).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: [''], line: 2 },
      { cells: ['c', 'd\nd'], line: 3 },
      { cells: ['e', 'f'], line: 5 },
    ])
  })

  it('reports an unclosed quote with the line where it opened', () => {
    const parsed = parseCsv('a,b\n1,"never closed\n2,3\n')
    expect(parsed.records).toEqual([{ cells: ['a', 'b'], line: 1 }])
    expect(parsed.unclosedQuoteLine).toBe(2)
  })

  it('detects a semicolon or tab delimiter from the first record, ignoring quoted text', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';')
    expect(detectDelimiter('"a;b;c",d,e\n')).toBe(',')
    expect(detectDelimiter('a\tb\tc')).toBe('\t')
    expect(detectDelimiter('only')).toBe(',')
  })
})

import { describe, expect, it } from 'vitest'
import { BankQuestion } from '../../questions/schema'
import { parseImport, writeExport } from '../../api/formats/index'
import { sampleBank } from './sample-bank'

// ExcelJS work is slow on a busy shared machine; the default 5 s is too tight there.
describe('export then import gives back the same bank', { timeout: 30_000 }, () => {
  const bank = sampleBank()

  it('the sample bank is valid and varied', () => {
    expect(bank).toHaveLength(30)
    expect(new Set(bank.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'true_false']))
  })

  for (const format of ['json', 'csv', 'xlsx'] as const) {
    it(`${format}: every question comes back deep-equal, in order, with no issues`, async () => {
      const file = await writeExport(format, bank, { exact: true })
      const result = await parseImport(format, file)
      expect(result.errors).toEqual([])
      expect(result.warnings).toEqual([])
      expect(result.skipped).toBe(0)
      expect(result.questions.map((p) => BankQuestion.parse(p.question))).toEqual(bank)
    })

    it(`${format}: exporting the re-imported bank gives the same bytes`, async () => {
      const first = await writeExport(format, bank, { exact: true })
      const again = await parseImport(format, first)
      const second = await writeExport(format, again.questions.map((p) => p.question), { exact: true })
      if (format === 'xlsx') expect(second.length).toBeGreaterThan(0) // zip timestamps differ
      else expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true)
    })
  }

  // ExcelJS's streaming reader decodes 16 KB chunks separately; a large Vietnamese bank crosses many
  // chunk boundaries inside letters, which api/formats/xlsx-utf8.ts must keep whole.
  it('xlsx: a large Vietnamese bank comes back without a broken letter', async () => {
    const large = sampleBank(900)
    const result = await parseImport('xlsx', await writeExport('xlsx', large))
    expect(result.errors).toEqual([])
    expect(result.questions.map((p) => p.question)).toEqual(large)
  })

  it('csv starts with a UTF-8 BOM and uses CRLF', async () => {
    const bytes = await writeExport('csv', bank.slice(0, 1))
    const text = new TextDecoder().decode(bytes)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(text).toContain('\r\n')
  })

  it('an empty bank exports and imports as empty', async () => {
    for (const format of ['json', 'csv', 'xlsx'] as const) {
      const result = await parseImport(format, await writeExport(format, []))
      expect(result.questions).toEqual([])
      expect(result.errors).toEqual([])
    }
  })
})

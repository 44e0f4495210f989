import { describe, expect, it } from 'vitest'
import { sheetReader } from '../../api/formats/sheet-rows'
import { newCollector } from '../../api/formats/types'

const header = ['id', 'topic', 'type', 'difficulty', 'stem', 'A', 'B', 'correct', 'explanation', 'source_document']
const row = (n: number) => [`q${n}`, 'thu', 'single', '2', `Câu hỏi số ${n}?`, 'Một', 'Hai', 'A', 'Vì một.', 'Tài liệu']

describe('reading a sheet a row at a time', () => {
  it('finds the header below a title row and reads every later row', () => {
    const c = newCollector()
    const sheet = sheetReader(c)
    const rows = [['NGÂN HÀNG CÂU HỎI'], header, row(1), [], row(2)]
    rows.forEach((cells, i) => expect(sheet.push({ cells, row: i + 1 })).toBe(true))
    sheet.end()
    expect(c.errors).toEqual([])
    expect(c.candidates.map((q) => q.row)).toEqual([3, 5])
    expect(c.warnings.some((w) => w.row === 1)).toBe(true)
  })

  it('stops at the cap with an error naming the row, so one import never holds an unbounded file', () => {
    const c = newCollector()
    const sheet = sheetReader(c, 3)
    sheet.push({ cells: header, row: 1 })
    // The first rows wait while the header is chosen among the first ten; after that reading stops at once.
    const kept = Array.from({ length: 14 }, (_, i) => sheet.push({ cells: row(i + 2), row: i + 2 }))
    expect(kept.slice(9)).toEqual([false, false, false, false, false])
    sheet.end()
    expect(c.candidates).toHaveLength(3)
    expect(c.errors).toEqual([{ row: 5, message: 'Hàng 5: tệp có hơn 3 câu hỏi; hãy chia thành nhiều tệp nhỏ hơn.' }])
  })

  it('reports an empty sheet', () => {
    const c = newCollector()
    sheetReader(c).end()
    expect(c.errors[0].message).toContain('tệp trống')
  })
})

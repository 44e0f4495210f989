import { PassThrough } from 'node:stream'
import { buffer } from 'node:stream/consumers'
import ExcelJS from 'exceljs'
import yauzl from 'yauzl'
import { describe, expect, it } from 'vitest'
import { parseImport } from '../../api/formats/index'
import { newCollector } from '../../api/formats/types'
import { xlsxEachRow } from '../../api/formats/xlsx-import'
import { ZipWriter } from '../../api/lib/zip-stream'
import { messages } from './helpers'

async function workbook(fill: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  fill(book.addWorksheet('Câu hỏi'), book)
  return new Uint8Array(await book.xlsx.writeBuffer())
}

// The workbook's parts, by name.
async function parts(body: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(Buffer.from(body), { lazyEntries: true }, (err, z) => (err ? reject(err) : resolve(z))))
  const out = new Map<string, Buffer>()
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err)
      buffer(stream).then((data) => { out.set(entry.fileName, data); zip.readEntry() }, reject)
    }))
    zip.on('end', resolve)
    zip.readEntry()
  })
  return out
}

// The same parts stored in another order, as other spreadsheet programs write them.
async function repack(files: Map<string, Buffer>, order: string[]): Promise<Uint8Array> {
  const sink = new PassThrough()
  const bytes = buffer(sink)
  const zip = new ZipWriter(sink)
  for (const name of order) await zip.entry(name, [files.get(name)!])
  await zip.finish()
  return new Uint8Array(await bytes)
}

describe('XLSX import', { timeout: 30_000 }, () => {
  it('reads Vietnamese headers and cells of every kind: numbers, rich text, formulas, links', async () => {
    const file = await workbook((sheet, book) => {
      sheet.addRow(['MÃ', 'chu de', 'Loại', 'Độ khó', 'Câu hỏi', 'A', 'B', 'C', 'Đáp án', 'Nguồn', 'Đường dẫn', 'Trọng số'])
      sheet.addRow(['q1', 'dai-hoi-13', 'một đáp án', 3, { richText: [{ text: 'Đại hội ' }, { font: { bold: true }, text: 'XIII' }, { text: ' họp năm nào?' }] }, 2016, { formula: '2020+1', result: 2021 }, '2026', 'B', 'NQ13', { text: 'https://example.vn/nq', hyperlink: 'https://example.vn/nq' }, 0.5])
      sheet.addRow([])
      sheet.addRow(['q2', 'dai-hoi-13', 'đúng sai', 1, 'Đại hội XIII họp năm 2021.', '', '', '', 'A'])
      book.addWorksheet('Ghi chú').addRow(['không phải câu hỏi'])
    })
    const r = await parseImport('xlsx', file)
    expect(r.errors).toEqual([])
    expect(r.questions.map((q) => q.row)).toEqual([2, 4])
    expect(r.questions[0].question).toMatchObject({
      id: 'q1', difficulty: 3, stem: 'Đại hội XIII họp năm nào?', correct: ['B'], weight: 0.5,
      options: [{ key: 'A', text: '2016' }, { key: 'B', text: '2021' }, { key: 'C', text: '2026' }],
      source: { document: 'NQ13', url: 'https://example.vn/nq' },
    })
    expect(r.questions[1].question).toMatchObject({ type: 'true_false', correct: ['A'] })
  })

  it('a date typed as an answer is read as d/m/yyyy with a warning naming the row', async () => {
    const file = await workbook((sheet) => {
      sheet.addRow(['id', 'topic', 'stem', 'A', 'B', 'correct'])
      sheet.addRow(['q1', 't', 'Ngày thành lập Đảng?', new Date(Date.UTC(1930, 1, 3)), '2/9/1945', 'A'])
    })
    const r = await parseImport('xlsx', file)
    expect(r.questions[0].question.options[0].text).toBe('3/2/1930')
    expect(messages(r.warnings)).toEqual(['Hàng 2: ô D2 là ngày tháng, đã đọc thành "3/2/1930"; hãy kiểm tra lại.'])
  })

  it('problems carry the spreadsheet row number; a title row above the header is passed over', async () => {
    const file = await workbook((sheet) => {
      sheet.addRow(['NGÂN HÀNG CÂU HỎI ĐẠI HỘI XIII'])
      sheet.addRow(['id', 'topic', 'stem', 'A', 'B', 'correct'])
      sheet.addRow(['q1', 't', 'Câu?', 'a', 'b', 'A'])
      sheet.addRow(['q2', 't', '', 'a', 'b', 'Z'])
    })
    const r = await parseImport('xlsx', file)
    expect(r.errors).toEqual([{ row: 4, message: 'Hàng 4: đáp án "Z" phải là các chữ A–F, ví dụ "B" hoặc "A,C".' }])
    expect(r.questions.map((q) => q.row)).toEqual([3])
    expect(messages(r.warnings)).toEqual(['Hàng 1: dòng trước dòng tiêu đề cột, đã bỏ qua.'])
  })

  it('a file that is not an xlsx workbook, or a cut one, is one clear error', async () => {
    const whole = await workbook((sheet) => sheet.addRow(['id', 'stem', 'A', 'B', 'correct']))
    for (const body of [new TextEncoder().encode('id,topic\n1,2\n'), whole.slice(0, 30), whole.slice(0, whole.length - 200), new Uint8Array()]) {
      const r = await parseImport('xlsx', body)
      expect(r.questions).toEqual([])
      expect(messages(r.errors)).toEqual(['Tệp không phải bảng tính Excel .xlsx hợp lệ (tệp .xls cũ hãy lưu lại dưới dạng .xlsx).'])
    }
  })

  it.each(['relative', 'absolute'])('reads the first tab, whatever order the parts are stored in (%s part names)', async (names) => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('Ghi chú').addRow(['không phải câu hỏi'])
    const questions = book.addWorksheet('Câu hỏi')
    questions.addRow(['id', 'topic', 'stem', 'A', 'B', 'correct'])
    questions.addRow(['q1', 't', 'Đại hội XIII họp năm nào?', '2016', '2021', 'B'])
    const files = await parts(new Uint8Array(await book.xlsx.writeBuffer()))
    // The questions' tab dragged in front of the notes: Excel reorders <sheets> and keeps each part's name.
    const workbookXml = files.get('xl/workbook.xml')!.toString()
    const tabs = workbookXml.match(/<sheet [^>]*\/>/g)!
    expect(tabs).toHaveLength(2)
    files.set('xl/workbook.xml', Buffer.from(workbookXml.replace(tabs.join(''), tabs[1] + tabs[0])))
    // Parts named from the package root, as some writers give them.
    if (names === 'absolute') {
      const rels = files.get('xl/_rels/workbook.xml.rels')!.toString()
      expect(rels).toContain('Target="worksheets/sheet2.xml"')
      files.set('xl/_rels/workbook.xml.rels', Buffer.from(rels.replace(/Target="worksheets\//g, 'Target="/xl/worksheets/')))
    }
    // Worksheets before the shared strings, the workbook part last.
    const last = ['xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml']
    const worksheetsFirst = [...[...files.keys()].filter((n) => !last.includes(n)).sort((a, b) => Number(b.includes('worksheets/')) - Number(a.includes('worksheets/'))), ...last]
    const r = await parseImport('xlsx', await repack(files, worksheetsFirst))
    expect(r.errors).toEqual([])
    expect(r.questions.map((q) => [q.row, q.question.stem, q.question.correct])).toEqual([[2, 'Đại hội XIII họp năm nào?', ['B']]])
  })

  it('stops reading a sheet when the reader has enough (a cap reached), and reads the next file whole', async () => {
    const file = await workbook((sheet) => { for (let i = 1; i <= 500; i++) sheet.addRow([`q${i}`, 'Câu hỏi', 'a', 'b', 'A']) })
    const c = newCollector()
    const seen: number[] = []
    expect(await xlsxEachRow(c, file, (r) => seen.push(r.row) < 3)).toBe(true)
    expect(seen).toEqual([1, 2, 3])
    expect(c.errors).toEqual([])
    let all = 0
    expect(await xlsxEachRow(newCollector(), file, () => ++all > 0)).toBe(true)
    expect(all).toBe(500)
  })
})

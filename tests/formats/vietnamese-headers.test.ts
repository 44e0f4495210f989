import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { BankQuestion } from '../../questions/schema'
import { COLUMNS } from '../../api/formats/columns'
import { parseImport, writeExport } from '../../api/formats/index'
import { questionCells } from '../../api/formats/sheet-write'
import { sampleBank } from './sample-bank'

const HEADER_VI = 'Mã,Chủ đề,Loại,Độ khó,Câu hỏi,A,B,C,D,E,F,Đáp án đúng,Giải thích,Nguồn,Mục,Đường dẫn,Thẻ,Nhóm,Trọng số,Trạng thái,Cố định'

// The bank's files are read by people: Vietnamese headers and words, which the importer reads back.
describe('bank export in Vietnamese', { timeout: 30_000 }, () => {
  const bank = sampleBank()

  it('the csv has the Vietnamese header row and Vietnamese words for type and status', async () => {
    const text = new TextDecoder().decode(await writeExport('csv', bank))
    const lines = text.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe(HEADER_VI)
    expect(text).toMatch(/,Một đáp án,/)
    expect(text).toMatch(/,Đúng\/Sai,/)
    expect(text).not.toMatch(/,(single|multiple|true_false|published|draft),/)
  })

  it('the xlsx has the Vietnamese header row', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await writeExport('xlsx', bank)) as unknown as ArrayBuffer)
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1).join(',')).toBe(HEADER_VI)
  })

  it('a file written by an older version (English headers and codes) still imports', async () => {
    const cells = bank.slice(0, 5).map(questionCells).map((c, i) => ({ ...c, type: bank[i].type, status: bank[i].status ?? '' }))
    const quote = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))
    const csv = [COLUMNS.join(','), ...cells.map((c) => COLUMNS.map((col) => quote(c[col])).join(','))].join('\r\n')
    const result = await parseImport('csv', new TextEncoder().encode(csv))
    expect(result.errors).toEqual([])
    expect(result.questions.map((p) => BankQuestion.parse(p.question))).toEqual(bank.slice(0, 5))
  })
})

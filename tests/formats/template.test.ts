import { describe, expect, it } from 'vitest'
import { EXPORT_CONTENT_TYPES, importTemplate, parseImport } from '../../api/formats/index'

describe('import template', { timeout: 30_000 }, () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`${format}: Vietnamese headers and one example row that imports cleanly`, async () => {
      const result = await parseImport(format, await importTemplate(format))
      expect(result.errors).toEqual([])
      expect(result.warnings).toEqual([])
      expect(result.questions).toHaveLength(1)
      expect(result.questions[0]).toMatchObject({
        row: 2,
        question: {
          id: 'mau-001', topic: 'dai-hoi-13', type: 'single', correct: ['B'], status: 'draft', tags: ['Đại hội XIII', 'nhân sự'],
          source: { document: 'Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng', section: 'Mục VI' },
        },
      })
    })
  }

  it('the csv template starts with the BOM and the Vietnamese header row', async () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await importTemplate('csv'))
    expect(text.startsWith('\ufeffMã,Chủ đề,Loại,Độ khó,Câu hỏi,A,B,C,D,E,F,Đáp án đúng,Giải thích,Nguồn,Mục,Đường dẫn,Thẻ,Nhóm,Trọng số,Trạng thái,Cố định\r\n')).toBe(true)
    expect(text).toContain('Một đáp án')
  })

  it('content types are declared for every export format', () => {
    expect(EXPORT_CONTENT_TYPES).toEqual({
      json: 'application/json; charset=utf-8',
      csv: 'text/csv; charset=utf-8',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      gift: 'text/plain; charset=utf-8',
    })
  })
})

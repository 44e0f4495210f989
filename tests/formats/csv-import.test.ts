import { describe, expect, it } from 'vitest'
import { parseImport } from '../../api/formats/index'
import { fixture, messages, parseText } from './helpers'

const HEADER = 'id,topic,type,difficulty,stem,A,B,C,D,E,F,correct,explanation,source_document,source_section,source_url,tags,group,weight,status,pinned'

const result = await parseImport('csv', fixture('vi-headers.csv'))

describe('CSV import: Vietnamese headers, semicolons, BOM', () => {
  it('maps Vietnamese header aliases, ignoring case and diacritics, and warns about unknown columns', () => {
    expect(result.errors).toEqual([])
    expect(messages(result.warnings)).toEqual(['Hàng 1: cột "Ghi chú" không được nhận ra, đã bỏ qua.'])
  })

  it('reads words for type, difficulty and status, a decimal comma weight, tags and sources', () => {
    expect(result.questions[0]).toEqual({
      row: 2,
      line: 2,
      question: {
        id: 'dh13-01', topic: 'dai-hoi-13', type: 'single', difficulty: 1,
        stem: 'Đại hội XIII họp năm nào;\n(ghi năm)',
        options: [{ key: 'A', text: '2016' }, { key: 'B', text: '2021' }, { key: 'C', text: '2026' }],
        correct: ['B'], explanation: 'Họp từ 25/1 đến 1/2/2021; tại Hà Nội.',
        source: { document: 'Nghị quyết Đại hội XIII', section: 'Mục I', url: 'https://example.vn/nq13' },
        tags: ['Đại hội XIII', 'thời gian'], weight: 1.5, status: 'draft',
      },
    })
  })

  it('row numbers count records as a spreadsheet does; lines are physical lines', () => {
    expect(result.questions.map((q) => [q.row, q.line])).toEqual([[2, 2], [3, 4], [4, 5]])
  })

  it('keys "A; C", pinned letters, generated ids and true/false rows with empty options', () => {
    expect(result.questions[1].question).toMatchObject({ type: 'multiple', difficulty: 3, correct: ['A', 'C'], group: 'nhom-1', status: 'published' })
    expect(result.questions[1].question.options[3]).toEqual({ key: 'D', text: 'Tất cả', pinned: true })
    expect(result.questions[1].question.id).toMatch(/^imp-[0-9a-f]{12}$/)
    expect(result.questions[2].question).toMatchObject({ type: 'true_false', difficulty: 2, options: [{ key: 'A', text: 'Đúng' }, { key: 'B', text: 'Sai' }], correct: ['A'], source: { document: '' }, explanation: '' })
  })
})

describe('CSV import: problems name their row (and line)', () => {
  it('bad cells are gathered into one error for the row', async () => {
    const r = await parseText('csv', `${HEADER}\nq1,t,kiểu lạ,5,Câu?,a,b,,,,,X,,,,,,,abc,xong,E\n`)
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0].row).toBe(2)
    expect(r.errors[0].message).toBe(
      'Hàng 2: đáp án "X" phải là các chữ A–F, ví dụ "B" hoặc "A,C"; loại "kiểu lạ" không hợp lệ (single / một đáp án, multiple / nhiều đáp án, true_false / đúng sai); độ khó "5" phải là 1, 2 hoặc 3; trọng số "abc" không phải là số; trạng thái "xong" không hợp lệ (draft, published, retired); phương án cố định E không có nội dung.',
    )
  })

  it('schema problems come back in Vietnamese with the field named, row and line both given after a multi-line cell', async () => {
    const r = await parseText('csv', `${HEADER}\nq1,t,single,2,"Hai\ndòng",a,b,,,,,A,,,,,,,,,\nq2,,single,2,Câu?,a,a,,,,,C,,,,,,,,,\n`)
    expect(r.questions).toHaveLength(1)
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toMatchObject({ row: 3, line: 4 })
    expect(r.errors[0].message).toMatch(/^Hàng 3 \(dòng 4\): chủ đề: không được để trống; /)
    expect(r.errors[0].message).toContain('phương án: hai phương án trùng nội dung')
    expect(r.errors[0].message).toContain('đáp án: đáp án C không có trong các phương án')
  })

  it('keys may be written "A,C", "A;C" or "AC"; an empty type follows the number of keys', async () => {
    const rows = ['x1,t,,2,Một?,a,b,c,,,,"A,C",,,,,,,,,', 'x2,t,,2,Hai?,a,b,c,,,,A;C,,,,,,,,,', 'x3,t,,2,Ba?,a,b,c,,,,ac,,,,,,,,,', 'x4,t,,2,Bốn?,a,b,c,,,,b,,,,,,,,,']
    const r = await parseText('csv', [HEADER, ...rows].join('\n'))
    expect(r.errors).toEqual([])
    expect(r.questions.map((q) => [q.question.type, q.question.correct])).toEqual([
      ['multiple', ['A', 'C']], ['multiple', ['A', 'C']], ['multiple', ['A', 'C']], ['single', ['B']],
    ])
  })

  it('missing required columns is one error on the header row', async () => {
    const r = await parseText('csv', 'Chủ đề,Câu hỏi,A\nt,Câu?,a\n')
    expect(messages(r.errors)).toEqual(['Hàng 1: thiếu cột bắt buộc: B (B), correct (Đáp án đúng). Xem mẫu trong tài liệu định dạng nhập.'])
  })

  it('an unclosed quote is an error at the row and line where it opened', async () => {
    const r = await parseText('csv', `${HEADER}\nq1,t,single,2,Câu?,a,b,,,,,A,,,,,,,,,\nq2,t,single,2,"Chưa đóng,a,b,,,,,A,,,,,,,,,\n`)
    expect(r.questions).toHaveLength(1)
    expect(r.errors).toEqual([{ row: 3, line: 3, message: 'Hàng 3: dấu ngoặc kép (") mở ở đây chưa được đóng; phần còn lại của tệp không đọc được.' }])
  })

  it('an id used twice for different questions is an error; the same row twice is a skipped duplicate', async () => {
    const row = 'q1,t,single,2,Câu?,a,b,,,,,A,,,,,,,,,'
    const r = await parseText('csv', [HEADER, row, row, 'q1,t,single,2,Khác?,a,b,,,,,B,,,,,,,,,'].join('\n'))
    expect(r.questions).toHaveLength(1)
    expect(r.skipped).toBe(1)
    expect(messages(r.warnings)).toEqual(['Hàng 3: câu hỏi trùng với câu ở hàng 2, đã bỏ qua.'])
    expect(messages(r.errors)).toEqual(['Hàng 4: mã câu hỏi "q1" đã dùng cho câu khác ở hàng 2.'])
  })

  it('generated ids are the same on every import of the same file', async () => {
    const text = `${HEADER}\n,t,single,2,Câu?,a,b,,,,,A,,,,,,,,,\n`
    const [a, b] = [await parseText('csv', text), await parseText('csv', text)]
    expect(a.questions[0].question.id).toBe(b.questions[0].question.id)
  })

  it('an empty file is an error; invalid UTF-8 is refused', async () => {
    expect(messages((await parseText('csv', '\n\n')).errors)).toEqual(['Hàng 1: tệp trống: không có dòng tiêu đề cột và câu hỏi nào.'])
    const r = await parseImport('csv', new Uint8Array([0x69, 0x64, 0x0a, 0xff, 0xfe]))
    expect(r.errors[0].message).toMatch(/^Tệp không phải UTF-8/)
  })
})

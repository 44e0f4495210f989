import { describe, expect, it } from 'vitest'
import { parseImport } from '../../api/formats/index'
import { fixture, messages, parseText } from './helpers'

const result = await parseImport('gift', fixture('vi-questions.gift.txt'))
const at = (line: number) => result.questions.find((q) => q.line === line)?.question

describe('GIFT import: the Vietnamese fixture', () => {
  it('imports the supported questions and skips the rest with a warning each', () => {
    expect(result.errors).toEqual([])
    expect(result.questions.map((q) => q.line)).toEqual([6, 14, 20, 22, 24, 26, 28, 33, 35, 50])
    expect(result.skipped).toBe(5)
    const skips = result.warnings.filter((w) => w.message.includes('không được hỗ trợ'))
    expect(skips.map((w) => w.line)).toEqual([38, 40, 42, 44, 46])
    expect(skips[0].message).toBe('Dòng 38: câu hỏi dạng số (numerical, {#…}) không được hỗ trợ, đã bỏ qua.')
    expect(skips[1].message).toContain('ghép đôi')
    expect(skips[2].message).toContain('trả lời ngắn')
    expect(skips[3].message).toContain('tự luận')
    expect(skips[4].message).toContain('mô tả')
  })

  it('single choice: = is the key, general feedback is the explanation, per-answer feedback is dropped', () => {
    expect(at(6)).toMatchObject({
      topic: 'Đại hội XIII',
      type: 'single',
      stem: 'Đại hội đại biểu toàn quốc lần thứ XIII của Đảng họp năm nào?',
      options: [{ key: 'A', text: '2016' }, { key: 'B', text: '2021' }, { key: 'C', text: '2026' }],
      correct: ['B'],
      explanation: 'Đại hội XIII họp từ ngày 25/1 đến 1/2/2021 tại Hà Nội.',
      difficulty: 2,
      source: { document: '' },
      status: 'draft',
    })
    expect(at(6)?.id).toBe('dh13-nam') // a title that is a valid id is kept (issue 15)
  })

  it('weighted answers without = make a multiple question; positive weights are the keys', () => {
    expect(at(14)).toMatchObject({ type: 'multiple', correct: ['A', 'C'], options: [{ text: 'Hoàn thiện đồng bộ thể chế phát triển' }, { text: 'Giảm biên chế' }, { text: 'Phát triển nguồn nhân lực' }] })
  })

  it('escapes \\: \\{ \\} \\= \\~ \\# \\\\ give the characters back', () => {
    expect(at(20)).toMatchObject({ type: 'true_false', correct: ['A'], stem: 'Ký tự đặc biệt: dấu { }, dấu = và ~, dấu # và dấu \\ đều giữ nguyên?' })
  })

  it('true/false: {TRUE}, {F} with feedback, {FALSE} with general feedback', () => {
    expect(at(22)).toMatchObject({ type: 'true_false', options: [{ key: 'A', text: 'Đúng' }, { key: 'B', text: 'Sai' }], correct: ['A'], explanation: '' })
    expect(at(24)).toMatchObject({ correct: ['B'], explanation: 'Đại hội I họp tại Ma Cao (Trung Quốc) năm 1935.' })
    expect(at(26)).toMatchObject({ correct: ['B'], explanation: 'Phản hồi chung được ưu tiên.' })
  })

  it('[html] becomes text with entities decoded; [plain] and [markdown] stay as typed; images are dropped with a warning', () => {
    expect(at(28)).toMatchObject({ stem: 'Nghị quyết có bao nhiêu phần & mục?', options: [{ text: '<Mười lăm> phần' }, { text: 'Mười bốn phần' }] })
    expect(messages(result.warnings)).toContain('Dòng 28: câu "html": hình ảnh hoặc tệp nhúng đã bị bỏ, câu hỏi vẫn được nhập.')
    expect(at(33)).toMatchObject({ stem: 'Câu **đậm** vẫn giữ nguyên như gõ.', correct: ['A'] })
  })

  it('text after the answer block leaves a blank _____ in the stem', () => {
    expect(at(35)).toMatchObject({ stem: 'Đại hội _____ họp năm 1960 tại Hà Nội.', correct: ['B'] })
  })

  it('$CATEGORY takes the last path segment as topic, until the next category', () => {
    expect(at(50)).toMatchObject({ topic: 'Kỷ niệm 2020', correct: ['B'] })
  })
})

describe('GIFT import: problems are located', () => {
  it('an unclosed { names the line where the question starts and the line of the {', async () => {
    const text = 'Câu đầu{=a ~b}\n\n// chú thích\n::mo::Câu hai dòng\nvẫn tiếp {\n~a =b\n\nCâu sau{=x ~y}\n'
    const r = await parseText('gift', text)
    expect(r.errors).toEqual([{ line: 4, message: 'Dòng 4: câu "mo" có dấu { ở dòng 5 chưa được đóng bằng }.' }])
    expect(r.questions.map((q) => q.line)).toEqual([1, 8])
  })

  it('line numbers stay right when the title stands on its own line', async () => {
    const r = await parseText('gift', '::tiêu đề::\nCâu hỏi\nở dòng ba {\n~a =b\n')
    expect(messages(r.errors)).toEqual(['Dòng 1: câu "tiêu đề" có dấu { ở dòng 3 chưa được đóng bằng }.'])
  })

  it('a } without {, nested braces, a second block and an unclosed title are errors', async () => {
    const r = await parseText('gift', 'Thiếu mở}\n\nLồng {=a {b} ~c}\n\nHai {=a ~b} khối {=c ~d}\n\n::tiêu đề chưa đóng {=a ~b}\n')
    expect(r.errors.map((e) => e.line)).toEqual([1, 3, 5, 7])
    expect(r.errors[0].message).toBe('Dòng 1: câu hỏi có dấu } ở dòng 1 nhưng thiếu dấu { mở khối đáp án.')
    expect(r.errors[1].message).toContain('viết \\{ nếu đó là chữ')
    expect(r.errors[2].message).toContain('nhiều hơn một khối')
    expect(r.errors[3].message).toContain('không có :: đóng')
  })

  it('too few answers, no positive weight and a grade Moodle refuses are errors', async () => {
    const r = await parseText('gift', 'Một phương án{~%100%a}\n\nKhông đúng{~a ~b}\n\nĐiểm lạ{~%33%a ~%33%b ~%34%c}\n')
    expect(r.errors.map((e) => e.line)).toEqual([1, 3, 5])
    expect(r.errors[0].message).toContain('ít nhất 2 phương án')
    expect(r.errors[1].message).toContain('không có phương án nào đúng')
    expect(r.errors[2].message).toContain('mức điểm 33%, 33%, 34% không phải mức Moodle cho phép')
  })

  it('two 100% answers in a single-choice question are skipped; partial credit is a warning', async () => {
    const r = await parseText('gift', 'Hai đúng{=a =b ~c}\n\nMột phần{=a ~%50%b ~c}\n')
    expect(r.skipped).toBe(1)
    expect(r.questions).toHaveLength(1)
    expect(r.questions[0].question).toMatchObject({ type: 'single', correct: ['A'] })
    expect(messages(r.warnings)).toEqual([
      'Dòng 1: câu hỏi: có 2 đáp án đúng 100% trong câu một lựa chọn (đúng một trong nhiều đáp án); dạng này không được hỗ trợ, đã bỏ qua.',
      'Dòng 3: câu hỏi: điểm một phần của "b" bị bỏ; chỉ đáp án 100% được tính là đúng.',
    ])
  })

  it('lower-case {true} is a short answer for Moodle: skipped, with a hint', async () => {
    const r = await parseText('gift', 'Đảng ra đời năm 1930.{true}\n')
    expect(r.skipped).toBe(1)
    expect(r.warnings[0].message).toContain('{T}, {TRUE}, {F} hoặc {FALSE}')
  })

  it('more than six options is an error, not a truncation', async () => {
    const r = await parseText('gift', 'Bảy{=1 ~2 ~3 ~4 ~5 ~6 ~7}\n')
    expect(r.errors).toEqual([{ line: 1, message: 'Dòng 1: câu hỏi có 7 phương án, tối đa 6 (A–F).' }])
  })

  it('CRLF line endings, a BOM and a category followed directly by a question', async () => {
    const r = await parseText('gift', '\ufeff$CATEGORY: Văn kiện\r\n::a::Câu?{=Có ~Không}\r\n')
    expect(r.errors).toEqual([])
    expect(r.questions[0]).toMatchObject({ line: 2, question: { topic: 'Văn kiện', stem: 'Câu?' } })
  })

  it('the same question twice is imported once, the repeat skipped as a duplicate', async () => {
    const r = await parseText('gift', 'Câu?{=Có ~Không}\n\n::khac::Câu?{=Có ~Không####giải thích khác}\n')
    expect(r.questions).toHaveLength(1)
    expect(r.skipped).toBe(1)
    expect(r.warnings[0]).toEqual({ line: 3, message: 'Dòng 3: câu hỏi trùng với câu ở dòng 1, đã bỏ qua.' })
  })

  it('ids are deterministic: the same file gives the same ids', async () => {
    const text = 'Câu một?{=Có ~Không}\n\nCâu hai?{T}\n'
    const [a, b] = await Promise.all([parseText('gift', text), parseText('gift', text)])
    expect(a.questions.map((q) => q.question.id)).toEqual(b.questions.map((q) => q.question.id))
  })

  it('a file that is not UTF-8 is refused with one error', async () => {
    const latin1 = new Uint8Array([0x43, 0xe2, 0x75, 0x7b, 0x54, 0x7d]) // "Câu{T}" in Windows-1252
    const r = await parseImport('gift', latin1)
    expect(r.questions).toEqual([])
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0].message).toMatch(/^Tệp không phải UTF-8/)
  })
})

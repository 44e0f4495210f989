import { describe, expect, it } from 'vitest'
import { parseImport } from '../../api/formats/index'
import { fixture, messages, parseText } from './helpers'

const result = await parseImport('moodlexml', fixture('vi-quiz.moodle.xml'))

describe('Moodle XML import: the Vietnamese fixture', () => {
  it('imports multichoice (single and multiple) and truefalse under their categories', () => {
    expect(result.questions.map((q) => [q.line, q.question.type, q.question.topic])).toEqual([
      [9, 'single', 'Đại hội XIII'],
      [23, 'multiple', 'Đại hội XIII'],
      [35, 'true_false', 'Kỷ niệm 2020'],
    ])
  })

  it('turns CDATA HTML into clean text, keeps plain_text as typed, drops the image with a warning', () => {
    expect(result.questions[0].question).toMatchObject({
      stem: 'Đại hội XIII họp năm nào?',
      options: [{ key: 'A', text: '2016' }, { key: 'B', text: '2021' }, { key: 'C', text: '<2026>' }],
      correct: ['B'],
      explanation: 'Đại hội XIII họp từ 25/1 đến 1/2/2021.',
      difficulty: 2, status: 'draft', source: { document: '' },
    })
    expect(messages(result.warnings)).toContain('Dòng 9: câu "Một đáp án": hình ảnh hoặc tệp đính kèm đã bị bỏ, câu hỏi vẫn được nhập.')
  })

  it('multiple: answers with a positive fraction are the keys; moodle_auto_format keeps line breaks', () => {
    expect(result.questions[1].question).toMatchObject({ stem: 'Chọn các đột phá chiến lược\n(hai đáp án)', correct: ['A', 'C'] })
  })

  it('truefalse: the true answer by its text; feedback of the wrong answer explains when there is no general feedback', () => {
    expect(result.questions[2].question).toMatchObject({ options: [{ key: 'A', text: 'Đúng' }, { key: 'B', text: 'Sai' }], correct: ['A'], explanation: 'Đảng ra đời ngày 3/2/1930.' })
  })

  it('skips unsupported types naming the question, and refuses a grade Moodle does not allow', () => {
    expect(result.skipped).toBe(2)
    expect(messages(result.warnings)).toContain('Dòng 41: câu "Trả lời ngắn" dạng trả lời ngắn (shortanswer) không được hỗ trợ, đã bỏ qua.')
    expect(messages(result.warnings)).toContain('Dòng 46: câu "Kéo thả" dạng kéo thả vào văn bản (ddwtos) không được hỗ trợ, đã bỏ qua.')
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatchObject({ line: 50 })
    expect(result.errors[0].message).toContain('Dòng 50: câu "Điểm lạ": mức điểm 33%, 67% không phải mức Moodle cho phép')
  })
})

describe('Moodle XML import: broken files', () => {
  it('malformed XML is one error with its line', async () => {
    const r = await parseText('moodlexml', '<?xml version="1.0"?>\n<quiz>\n  <question type="truefalse">\n    <name><text>x</name>\n  </question>\n</quiz>\n')
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0].line).toBe(4)
    expect(r.errors[0].message).toMatch(/^Dòng 4: tệp XML không hợp lệ/)
    expect(r.questions).toEqual([])
  })

  it('XML that is not a Moodle quiz is refused', async () => {
    const r = await parseText('moodlexml', '<assessmentItem identifier="x"/>')
    expect(messages(r.errors)).toEqual(['Dòng 1: tệp không phải Moodle XML: thiếu thẻ <quiz>.'])
  })

  it('a truefalse question whose two answers have the same grade is an error', async () => {
    const r = await parseText('moodlexml', '<quiz><question type="truefalse"><name><text>Mơ hồ</text></name><questiontext><text>Câu?</text></questiontext><answer fraction="0"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>')
    expect(r.errors[0].message).toContain('không xác định được đáp án đúng')
  })

  it('a single-choice question with two 100% answers is skipped, not guessed', async () => {
    const r = await parseText('moodlexml', '<quiz><question type="multichoice"><name><text>Hai</text></name><questiontext><text>Câu?</text></questiontext><answer fraction="100"><text>a</text></answer><answer fraction="100"><text>b</text></answer></question></quiz>')
    expect(r.skipped).toBe(1)
    expect(r.questions).toEqual([])
  })

  it('without a category the topic is "imported"', async () => {
    const r = await parseText('moodlexml', '<quiz><question type="multichoice"><questiontext format="html"><text>Câu &amp; hỏi?</text></questiontext><answer fraction="100"><text>Có</text></answer><answer fraction="0"><text>Không</text></answer></question></quiz>')
    expect(r.questions[0].question).toMatchObject({ topic: 'imported', stem: 'Câu & hỏi?', type: 'single' })
  })
})

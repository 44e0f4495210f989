import { describe, expect, it } from 'vitest'
import { parseImport } from '../../api/formats/index'
import { fixture, parseText } from './helpers'

const result = await parseImport('aiken', fixture('vi-questions.aiken.txt'))

describe('Aiken import', () => {
  it('reads options "A." and "A)" (with or without a space) and the ANSWER line; text stays as typed', () => {
    expect(result.questions).toHaveLength(2)
    expect(result.questions[0]).toMatchObject({
      line: 1,
      question: {
        topic: 'imported', type: 'single', difficulty: 2, status: 'draft', source: { document: '' }, explanation: '',
        stem: 'Đại hội đại biểu toàn quốc lần thứ nhất của Đảng họp ở đâu?',
        options: [{ key: 'A', text: 'Ma Cao (Trung Quốc)' }, { key: 'B', text: 'Tuyên Quang' }, { key: 'C', text: 'Hà Nội' }],
        correct: ['A'],
      },
    })
    expect(result.questions[1]).toMatchObject({
      line: 7,
      question: {
        stem: 'Câu hỏi\nviết trên hai dòng, giữ <b>nguyên</b> & như gõ:',
        options: [{ key: 'A', text: 'Đúng là "như gõ"' }, { key: 'B', text: 'Không cần dấu cách' }],
        correct: ['B'],
      },
    })
  })

  it('reports every bad question with its line', () => {
    expect(result.errors).toEqual([
      { line: 13, message: 'Dòng 13: câu hỏi chỉ có 1 phương án, cần ít nhất 2 (dòng ANSWER: ở dòng 15).' },
      { line: 20, message: 'Dòng 20: đáp án C không có trong các phương án (A–B).' },
      { line: 24, message: 'Dòng 24: phương án C không đúng thứ tự, cần B.' },
      { line: 27, message: 'Dòng 27: thiếu dòng ANSWER: (câu hỏi tiếp theo đã bắt đầu ở dòng 31).' },
      { line: 31, message: 'Dòng 31: thiếu dòng ANSWER: (đã hết tệp).' },
    ])
    expect(result.skipped).toBe(0)
  })

  it('options or ANSWER with no question above are errors at their own line', async () => {
    const r = await parseText('aiken', 'A) Chưa có câu hỏi\n\nANSWER: A\n')
    expect(r.errors.map((e) => [e.line, e.message])).toEqual([
      [1, 'Dòng 1: phương án A không thuộc câu hỏi nào (thiếu dòng câu hỏi phía trên).'],
      [3, 'Dòng 3: dòng ANSWER: không thuộc câu hỏi nào (thiếu dòng câu hỏi và các phương án phía trên).'],
    ])
  })

  it('an answer that is not a single letter, and more than six options, are errors', async () => {
    const r = await parseText('aiken', 'Câu?\nA. a\nB. b\nANSWER: A,B\n\nBảy?\nA. 1\nB. 2\nC. 3\nD. 4\nE. 5\nF. 6\nG. 7\nANSWER: A\n')
    expect(r.errors.map((e) => e.line)).toEqual([4, 13])
    expect(r.errors[0].message).toContain('phải là một chữ cái')
    expect(r.errors[1].message).toContain('quá 6 phương án')
  })

  it('accepts CRLF and a BOM', async () => {
    const r = await parseText('aiken', '\ufeffCâu?\r\nA. Có\r\nB. Không\r\nANSWER: A\r\n')
    expect(r.errors).toEqual([])
    expect(r.questions[0].question.options[1].text).toBe('Không')
  })
})

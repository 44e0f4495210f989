import { describe, expect, it } from 'vitest'
import { messages, parseText } from './helpers'

const question = (over: Record<string, unknown> = {}) => ({
  id: 'q1', topic: 'dai-hoi-13', difficulty: 2, type: 'single', stem: 'Câu hỏi?',
  options: [{ key: 'A', text: 'Có' }, { key: 'B', text: 'Không' }], correct: ['A'], explanation: '', source: { document: 'NQ13' },
  ...over,
})

describe('JSON import', () => {
  it('reads an array of bank questions, each with the line where it starts', async () => {
    const text = JSON.stringify([question(), question({ id: 'q2', stem: 'Câu "hai" {có} [ngoặc]?' })], null, 2)
    const r = await parseText('json', text)
    expect(r.errors).toEqual([])
    const q2 = text.split('\n').findIndex((l) => l.includes('"id": "q2"')) // the line after the element's "{"
    expect(r.questions.map((q) => [q.line, q.question.id])).toEqual([[2, 'q1'], [q2, 'q2']])
  })

  it('accepts { "questions": [...] } as the admin list returns it, ignoring extra fields such as revision', async () => {
    const r = await parseText('json', JSON.stringify({ total: 1, questions: [{ ...question(), revision: 3 }] }))
    expect(r.errors).toEqual([])
    expect(r.questions[0].question).toEqual(question())
  })

  it('each invalid question is an error at its line, in Vietnamese, naming the field', async () => {
    const text = '[\n' + JSON.stringify(question()) + ',\n' + JSON.stringify(question({ id: 'q2', difficulty: 5, correct: ['C'] })) + ',\n7\n]'
    const r = await parseText('json', text)
    expect(r.questions).toHaveLength(1)
    expect(r.errors.map((e) => e.line)).toEqual([3, 4])
    expect(r.errors[0].message).toMatch(/^Dòng 3: độ khó: /)
    expect(r.errors[1].message).toBe('Dòng 4: phần tử thứ 3 không phải một câu hỏi (đối tượng { … }).')
  })

  it('a missing id is generated from the content, the same on every import', async () => {
    const { id: _unused, ...noId } = question()
    const a = await parseText('json', JSON.stringify([noId]))
    const b = await parseText('json', JSON.stringify([noId]))
    expect(a.questions[0].question.id).toMatch(/^imp-[0-9a-f]{12}$/)
    expect(a.questions[0].question.id).toBe(b.questions[0].question.id)
  })

  it('text that is not JSON is one error with its line; JSON that is not a list is refused', async () => {
    const broken = await parseText('json', '[\n  {"id": "q1",\n  "topic": }\n]')
    expect(broken.errors).toHaveLength(1)
    expect(broken.errors[0].line).toBe(3)
    expect(broken.errors[0].message).toMatch(/^Dòng 3: tệp JSON không hợp lệ/)
    const comma = await parseText('json', '[\n  {"id": "q1"}\n  {"id": "q2"}\n]')
    expect(comma.errors[0].line).toBe(3)
    expect(messages((await parseText('json', '{"a": 1}')).errors)).toEqual(['Dòng 1: tệp JSON phải là một mảng câu hỏi [ … ] hoặc { "questions": [ … ] }.'])
  })

  it('a BOM is allowed', async () => {
    const r = await parseText('json', '\ufeff' + JSON.stringify([question()]))
    expect(r.questions).toHaveLength(1)
  })
})

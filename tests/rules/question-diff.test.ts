import { describe, expect, it } from 'vitest'
import { diffQuestions } from '../../api/rules/question-diff'
import { makeQuestion } from '../helpers/bank'

describe('diffQuestions', () => {
  it('lists only the fields that changed, in the form\'s order, texts word by word', () => {
    const before = makeQuestion('d1', { explanation: 'Theo Văn kiện Đại hội XII.' })
    const after = makeQuestion('d1', {
      explanation: 'Theo Văn kiện Đại hội XIII.', options: [...before.options.slice(0, 3), { key: 'D', text: 'Sai bốn' }], weight: 1.5,
    })
    const changes = diffQuestions(before, after)
    expect(changes.map((c) => c.field)).toEqual(['options', 'explanation', 'weight'])
    expect(changes[0].parts?.filter((p) => p.op !== 'same')).toEqual([{ text: 'ba', op: 'removed' }, { text: 'bốn', op: 'added' }])
    expect(changes[1].parts?.filter((p) => p.op !== 'same')).toEqual([{ text: 'XII', op: 'removed' }, { text: 'XIII', op: 'added' }])
    expect(changes[2]).toEqual({ field: 'weight', label: 'Trọng số', before: '1', after: '1,5' })
    expect(diffQuestions(before, structuredClone(before))).toEqual([])
  })

  it('names topics through the given lookup and an emptied text without a word diff', () => {
    const changes = diffQuestions(makeQuestion('d2', { topic: 'a' }), makeQuestion('d2', { topic: 'b', explanation: '' }), (id) => `Chủ đề ${id.toUpperCase()}`)
    expect(changes).toEqual([
      { field: 'explanation', label: 'Giải thích', before: 'Giải thích d2.', after: '' },
      { field: 'topic', label: 'Chủ đề', before: 'Chủ đề A', after: 'Chủ đề B' },
    ])
  })
})

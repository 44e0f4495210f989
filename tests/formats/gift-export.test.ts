import { describe, expect, it } from 'vitest'
import { parseImport, writeExport } from '../../api/formats/index'
import type { BankQuestion } from '../../questions/schema'
import { sampleBank } from './sample-bank'

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

describe('GIFT export (lossy)', () => {
  const bank = sampleBank()

  it('re-importing keeps stems, options, keys, types, topics and explanations', async () => {
    const result = await parseImport('gift', await writeExport('gift', bank))
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    const pick = (q: BankQuestion) => ({ topic: q.topic, type: q.type, stem: q.stem, options: q.options.map((o) => ({ key: o.key, text: o.text })), correct: q.correct, explanation: q.explanation })
    expect(result.questions.map((p) => pick(p.question))).toEqual(bank.map(pick))
  })

  it('drops what GIFT cannot hold and says so in its header', async () => {
    const text = decode(await writeExport('gift', bank))
    expect(text).toContain('// Không giữ: độ khó, nguồn, thẻ, nhóm, trọng số, trạng thái, phương án cố định.')
    const result = await parseImport('gift', await writeExport('gift', bank))
    expect(result.questions.every((p) => p.question.status === 'draft' && p.question.difficulty === 2 && p.question.source.document === '')).toBe(true)
  })

  it('writes categories, titles, escapes, Moodle weights and general feedback', async () => {
    const q = (over: Partial<BankQuestion>): BankQuestion => ({
      id: 'vk:01', topic: 'Văn kiện/XIII', difficulty: 1, type: 'single', stem: 'Câu {1}: a=b?', correct: ['A'], explanation: 'Vì #1.',
      options: [{ key: 'A', text: 'Có' }, { key: 'B', text: 'Không' }], source: { document: 'x' }, ...over,
    })
    const text = decode(await writeExport('gift', [
      q({}),
      q({ id: 'm', type: 'multiple', correct: ['A', 'C'], explanation: '', options: [{ key: 'A', text: 'a' }, { key: 'B', text: 'b' }, { key: 'C', text: 'c' }] }),
      q({ id: 't', type: 'true_false', options: [{ key: 'A', text: 'Đúng' }, { key: 'B', text: 'Sai' }], correct: ['B'], explanation: 'Dòng 1\nDòng 2' }),
    ]))
    expect(text).toContain('$CATEGORY: $course$/top/Văn kiện//XIII\n\n::vk\\:01::[plain]Câu \\{1\\}\\: a\\=b?{\n\t=Có\n\t~Không\n\t####Vì \\#1.\n}')
    expect(text).toContain('::m::[plain]Câu \\{1\\}\\: a\\=b?{\n\t~%50%a\n\t~%-100%b\n\t~%50%c\n}')
    expect(text).toContain('::t::[plain]Câu \\{1\\}\\: a\\=b?{\n\tFALSE\n\t####Dòng 1\\nDòng 2\n}')
    const back = await parseImport('gift', new TextEncoder().encode(text))
    expect(back.questions.map((p) => p.question.topic)).toEqual(['Văn kiện/XIII', 'Văn kiện/XIII', 'Văn kiện/XIII'])
    expect(back.questions[2].question.explanation).toBe('Dòng 1\nDòng 2')
  })

  it('a multiple question with three keys uses 33.33333% each, which Moodle accepts', async () => {
    const q = sampleBank().find((x) => x.correct.length === 3)
    expect(q).toBeDefined()
    const text = decode(await writeExport('gift', [q!]))
    expect(text.match(/~%33\.33333%/g)).toHaveLength(3)
    expect(text.match(/~%-100%/g)).toHaveLength(3)
  })
})

import { TRUE_FALSE_OPTIONS } from '../../questions/schema'
import { addError } from './issues'
import { addCandidate, type Collector, type Where } from './types'

export const KEYS = ['A', 'B', 'C', 'D', 'E', 'F'] as const

export type ImportedQuestion = {
  topic: string
  type: 'single' | 'multiple' | 'true_false'
  stem: string
  options: string[] // in order; keys are given A, B, C…
  correct: number[] // indices into options
  explanation: string
  id?: string // a GIFT title that is a valid id
}

// GIFT, Aiken and Moodle XML questions get the defaults of API.md: difficulty 2, an empty source,
// status draft; the id is the file's title when it has a valid one, else the deterministic hash made by finalize().
export function addImported(c: Collector, where: Where, q: ImportedQuestion): void {
  if (q.type !== 'true_false' && q.options.length > KEYS.length) {
    addError(c, where, `câu hỏi có ${q.options.length} phương án, tối đa ${KEYS.length} (A–F).`)
    return
  }
  const options = q.type === 'true_false' ? TRUE_FALSE_OPTIONS.map((o) => ({ ...o })) : q.options.map((text, i) => ({ key: KEYS[i], text }))
  addCandidate(c, {
    ...where,
    ...(q.id ? { titled: true as const } : {}),
    data: {
      ...(q.id ? { id: q.id } : {}),
      topic: q.topic,
      difficulty: 2,
      type: q.type,
      stem: q.stem,
      options,
      correct: q.correct.map((i) => KEYS[i]),
      explanation: q.explanation,
      source: { document: '' },
      status: 'draft',
    },
  })
}

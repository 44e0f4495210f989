import type { ImportedQuestion } from './imported'
import { invalidGradeMessage, isMoodleGrade } from './moodle-grades'

type Convert = (raw: string) => string
type Shape = Pick<ImportedQuestion, 'type' | 'options' | 'correct'>
export type AnswerRead = { error: string } | { skip: string } | { question: Shape; warnings: string[]; feedback: string }

const WEIGHT = /^%(-?\d+(?:\.\d*)?)%/

// Multiple choice as Moodle reads it: with an "=" answer the question is single choice; with only
// "~" answers it is multiple response, and every answer with a positive weight is a correct one.
export function readChoices(answers: string, convert: Convert): AnswerRead {
  const pieces = answers.replace(/=/g, '~=').split('~').map((p) => p.trim())
  if (pieces[0] === '') pieces.shift()
  if (pieces.length < 2) return { error: 'câu nhiều lựa chọn cần ít nhất 2 phương án.' }
  const options: string[] = []
  const weights: number[] = []
  for (const piece of pieces) {
    let rest = piece
    let weight = 0
    if (rest.startsWith('=')) {
      weight = 100
      rest = rest.slice(1)
    } else {
      const m = WEIGHT.exec(rest)
      if (m) {
        weight = Number(m[1])
        rest = rest.slice(m[0].length)
      }
    }
    options.push(convert(rest.split('#')[0]))
    weights.push(weight)
  }
  const invalid = weights.filter((w) => !isMoodleGrade(w))
  if (invalid.length > 0) return { error: invalidGradeMessage(invalid) }
  const warnings: string[] = []
  if (answers.includes('=')) {
    const full = weights.flatMap((w, i) => (w === 100 ? [i] : []))
    if (full.length !== 1) return { skip: `có ${full.length} đáp án đúng 100% trong câu một lựa chọn (đúng một trong nhiều đáp án); dạng này không được hỗ trợ, đã bỏ qua.` }
    const partial = weights.flatMap((w, i) => (w > 0 && w < 100 ? [options[i]] : []))
    if (partial.length > 0) warnings.push(`điểm một phần của ${partial.map((o) => `"${o}"`).join(', ')} bị bỏ; chỉ đáp án 100% được tính là đúng.`)
    return { question: { type: 'single', options, correct: full }, warnings, feedback: '' }
  }
  const correct = weights.flatMap((w, i) => (w > 0 ? [i] : []))
  if (correct.length === 0) return { error: 'không có phương án nào đúng (cần dấu = hoặc trọng số dương ~%50%).' }
  const sum = correct.reduce((s, i) => s + weights[i], 0)
  if (Math.abs(sum - 100) > 0.5) warnings.push(`tổng trọng số các đáp án đúng là ${Math.round(sum * 1000) / 1000}%, không phải 100%; các phương án có trọng số dương được coi là đáp án đúng.`)
  return { question: { type: 'multiple', options, correct }, warnings, feedback: '' }
}

// {T}/{TRUE}/{F}/{FALSE}, optionally "#feedback for a wrong answer#feedback for a right answer".
// With no general feedback, the first of those becomes the explanation: it says why the key is right.
export function readTrueFalse(answers: string, convert: Convert): AnswerRead {
  const [head, wrong = '', ...rest] = answers.split('#')
  const right = rest.join('#')
  const isTrue = head.trim() === 'T' || head.trim() === 'TRUE'
  const feedback = convert(wrong) || convert(right)
  return { question: { type: 'true_false', options: [], correct: [isTrue ? 0 : 1] }, warnings: [], feedback }
}

import type { ImportedQuestion } from './imported'
import { invalidGradeMessage, isMoodleGrade } from './moodle-grades'
import { attr, nodes, plainText, textOf, type XNode } from './xml-node'

type Shape = Pick<ImportedQuestion, 'type' | 'options' | 'correct'> & { feedback: string }
export type XmlRead = { error: string } | { skip: string } | { shape: Shape; warnings: string[]; media: boolean }

const fractionOf = (answer: XNode) => Number(attr(answer, 'fraction') ?? '0')

// <question type="multichoice">: <single>true</single> is single choice (Moodle's default), otherwise
// multiple response where every answer with a positive fraction is a correct one.
export function readMultichoice(q: XNode): XmlRead {
  const answers = nodes(q.answer)
  if (answers.length < 2) return { error: 'câu nhiều lựa chọn cần ít nhất 2 phương án.' }
  const fractions = answers.map(fractionOf)
  const invalid = fractions.filter((f) => Number.isNaN(f) || !isMoodleGrade(f))
  if (invalid.length > 0) return { error: invalidGradeMessage(invalid) }
  let media = false
  const options = answers.map((a) => {
    const out = plainText(a)
    media ||= out.media
    return out.text
  })
  const warnings: string[] = []
  const single = !['false', '0'].includes(textOf(q.single).trim().toLowerCase())
  if (single) {
    const full = fractions.flatMap((f, i) => (Math.abs(f - 100) < 0.001 ? [i] : []))
    if (full.length === 0) return { error: 'câu một lựa chọn không có đáp án nào được 100% điểm.' }
    if (full.length > 1) return { skip: `có ${full.length} đáp án đúng 100% trong câu một lựa chọn; dạng này không được hỗ trợ, đã bỏ qua.` }
    const partial = fractions.flatMap((f, i) => (f > 0 && i !== full[0] ? [options[i]] : []))
    if (partial.length > 0) warnings.push(`điểm một phần của ${partial.map((o) => `"${o}"`).join(', ')} bị bỏ; chỉ đáp án 100% được tính là đúng.`)
    return { shape: { type: 'single', options, correct: full, feedback: '' }, warnings, media }
  }
  const correct = fractions.flatMap((f, i) => (f > 0 ? [i] : []))
  if (correct.length === 0) return { error: 'không có phương án nào có điểm dương.' }
  return { shape: { type: 'multiple', options, correct, feedback: '' }, warnings, media }
}

// <question type="truefalse">: answers "true" and "false" (by text, else by order) become A "Đúng", B "Sai".
export function readTrueFalse(q: XNode): XmlRead {
  const answers = nodes(q.answer)
  if (answers.length !== 2) return { error: `câu đúng/sai cần đúng 2 đáp án "true" và "false", tệp có ${answers.length}.` }
  const byText = answers.findIndex((a) => textOf(a).trim().toLowerCase() === 'true')
  const trueAnswer = answers[byText >= 0 ? byText : 0]
  const falseAnswer = answers[byText >= 0 ? 1 - byText : 1]
  if (fractionOf(trueAnswer) === fractionOf(falseAnswer)) return { error: 'hai đáp án "true" và "false" cùng mức điểm, không xác định được đáp án đúng.' }
  const trueIsRight = fractionOf(trueAnswer) > fractionOf(falseAnswer)
  // Without general feedback, the feedback shown to a wrong answer explains the key best.
  const wrong = plainText(nodes((trueIsRight ? falseAnswer : trueAnswer).feedback)[0], 'html')
  const right = plainText(nodes((trueIsRight ? trueAnswer : falseAnswer).feedback)[0], 'html')
  return {
    shape: { type: 'true_false', options: [], correct: [trueIsRight ? 0 : 1], feedback: wrong.text || right.text },
    warnings: [],
    media: wrong.media || right.media,
  }
}

import type { BankQuestion } from '../../questions/schema'
import { topicCategory } from './category'
import { escapeGift } from './gift-text'

// Moodle-valid weights for k correct answers of a multiple-response question; wrong answers get
// -100% so that, as in this engine, one wrong choice loses the question.
const SHARE: Record<number, string> = { 1: '100', 2: '50', 3: '33.33333', 4: '25', 5: '20', 6: '16.66667' }

const HEADER = [
  '// Ngân hàng câu hỏi xuất từ hoithi, định dạng GIFT của Moodle.',
  '// Giữ: mã (là tiêu đề ::…::), câu hỏi, phương án, đáp án, chủ đề (là danh mục $CATEGORY), giải thích (là phản hồi chung ####).',
  '// Không giữ: độ khó, nguồn, thẻ, nhóm, trọng số, trạng thái, phương án cố định.',
]

// A leading "[html]" would be read as a format and "%50%" as a weight: guard such texts.
const answerText = (text: string) => (/^\[(html|moodle|plain|markdown)\]/.test(text) ? '[plain]' : '') + escapeGift(text)
const guardWeight = (text: string) => (/^%-?\d+(\.\d*)?%/.test(text) ? '%0%' : '')

function answerLines(q: BankQuestion): string[] {
  if (q.type === 'true_false') return [q.correct[0] === 'A' ? '\tTRUE' : '\tFALSE']
  return q.options.map((o) => {
    const right = q.correct.includes(o.key)
    if (q.type === 'single') return right ? `\t=${answerText(o.text)}` : `\t~${guardWeight(o.text)}${answerText(o.text)}`
    return `\t~%${right ? SHARE[q.correct.length] : '-100'}%${answerText(o.text)}`
  })
}

export function writeGift(questions: BankQuestion[]): Uint8Array {
  const blocks = [HEADER.join('\n')]
  let topic: string | null = null
  for (const q of questions) {
    if (q.topic !== topic) {
      topic = q.topic
      blocks.push(`$CATEGORY: ${topicCategory(q.topic)}`)
    }
    const lines = [`::${escapeGift(q.id)}::[plain]${escapeGift(q.stem)}{`, ...answerLines(q)]
    if (q.explanation.trim() !== '') lines.push(`\t####${escapeGift(q.explanation)}`)
    lines.push('}')
    blocks.push(lines.join('\n'))
  }
  return new TextEncoder().encode(blocks.join('\n\n') + '\n')
}

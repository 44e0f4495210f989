import { addError, addSkip, addWarning } from './issues'
import { addImported } from './imported'
import { giftText, protectEscapes, restoreEscapes, splitFormat, type GiftFormat } from './gift-text'
import { readChoices, readTrueFalse, type AnswerRead } from './gift-answers'
import { ID_RULE, isQuestionId } from './question-id'
import type { Collector } from './types'

export type GiftBlock = { text: string; lines: number[]; topic: string }

const UNSUPPORTED = {
  description: 'mô tả (description, không có khối đáp án { })',
  essay: 'tự luận (essay, khối đáp án rỗng {})',
  numerical: 'số (numerical, {#…})',
  matching: 'ghép đôi (matching, =… -> …)',
  shortanswer: 'trả lời ngắn (short answer, chỉ có đáp án =)',
}

// One blank-line separated GIFT question, read as Moodle's qformat_gift::readquestion() reads it.
export function readGiftQuestion(c: Collector, block: GiftBlock): void {
  const where = { line: block.lines[0] }
  const full = protectEscapes(block.text)
  let start = 0 // where the question text begins in `full`, after the title
  let title = ''
  if (full.startsWith('::')) {
    const end = full.indexOf('::', 2)
    if (end < 0) return addError(c, where, 'tiêu đề mở bằng :: nhưng không có :: đóng.')
    title = restoreEscapes(full.slice(2, end)).trim()
    for (start = end + 2; /\s/.test(full[start] ?? ''); ) start++
  }
  const text = full.slice(start)
  const lineAt = (offset: number) => block.lines[full.slice(0, start + offset).split('\n').length - 1] ?? where.line
  const label = title ? `câu "${title}"` : 'câu hỏi'
  const skip = (kind: keyof typeof UNSUPPORTED, hint = '') =>
    addSkip(c, where, `${label} dạng ${UNSUPPORTED[kind]} không được hỗ trợ, đã bỏ qua.${hint}`)

  const open = text.indexOf('{')
  const close = text.indexOf('}')
  if (open < 0 && close < 0) return skip('description')
  if (open < 0) return addError(c, where, `${label} có dấu } ở dòng ${lineAt(close)} nhưng thiếu dấu { mở khối đáp án.`)
  if (close < 0) return addError(c, where, `${label} có dấu { ở dòng ${lineAt(open)} chưa được đóng bằng }.`)
  if (close < open) return addError(c, where, `${label} có dấu } ở dòng ${lineAt(close)} đứng trước dấu { mở khối đáp án.`)
  const nested = text.indexOf('{', open + 1)
  if (nested >= 0 && nested < close) {
    return addError(c, where, `${label}: khối đáp án mở ở dòng ${lineAt(open)} có dấu { lồng bên trong (dòng ${lineAt(nested)}); viết \\{ nếu đó là chữ.`)
  }
  const stray = text.slice(close + 1).search(/[{}]/)
  if (stray >= 0) {
    return addError(c, where, `${label} có nhiều hơn một khối { } (dòng ${lineAt(close + 1 + stray)}); hệ thống chỉ nhận một khối đáp án mỗi câu.`)
  }

  let answers = text.slice(open + 1, close).trim()
  // Text after the answer block makes a missing-word question: the block becomes a blank.
  const stemRaw = text.endsWith('}') ? text.slice(0, open) : text.slice(0, open) + '_____' + text.slice(close + 1)
  let feedbackRaw = ''
  const general = answers.lastIndexOf('####')
  if (general >= 0) {
    feedbackRaw = answers.slice(general + 4)
    answers = answers.slice(0, general).trim()
  }

  const stemFormat = splitFormat(stemRaw.trim(), 'moodle')
  let media = false
  const convert = (raw: string, fallback: GiftFormat = stemFormat.format) => {
    const part = splitFormat(raw.trim(), fallback)
    const out = giftText(part.text, part.format)
    media ||= out.media
    return out.text
  }
  const stem = convert(stemFormat.text, stemFormat.format)
  const explanation = convert(feedbackRaw)

  if (answers === '') return skip('essay')
  if (answers.startsWith('#')) return skip('numerical')
  let read: AnswerRead
  if (answers.includes('~')) {
    read = readChoices(answers, convert)
  } else if (answers.includes('=') && answers.includes('->')) {
    return skip('matching')
  } else {
    const head = answers.split('#')[0].trim()
    if (!['T', 'TRUE', 'F', 'FALSE'].includes(head)) {
      const hint = /^(t|true|f|false)$/i.test(head) ? ' Câu đúng/sai viết {T}, {TRUE}, {F} hoặc {FALSE} (chữ hoa).' : ''
      return skip('shortanswer', hint)
    }
    read = readTrueFalse(answers, convert)
  }
  if ('error' in read) return addError(c, where, `${label}: ${read.error}`)
  if ('skip' in read) return addSkip(c, where, `${label}: ${read.skip}`)
  if (media) addWarning(c, where, `${label}: hình ảnh hoặc tệp nhúng đã bị bỏ, câu hỏi vẫn được nhập.`)
  for (const w of read.warnings) addWarning(c, where, `${label}: ${w}`)
  // A title is the question's id when it can be one (issue 15), so an exported bank re-imports under its ids.
  const id = title && isQuestionId(title) ? title : undefined
  if (title && !id) addWarning(c, where, `${label}: tiêu đề không dùng được làm mã (${ID_RULE}), câu được gán mã tự sinh.`)
  addImported(c, where, { topic: block.topic, stem, explanation: explanation || read.feedback, ...read.question, ...(id ? { id } : {}) })
}

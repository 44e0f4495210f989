import { DEFAULT_TOPIC } from './category'
import { splitLines } from './decode'
import { addImported, KEYS } from './imported'
import { addError } from './issues'
import { newCollector, type Collector } from './types'

type Open = { stem: string[]; line: number; options: string[]; broken: boolean }

const OPTION = /^([A-Z])[.)][ \t]*(.*)$/
const ANSWER = /^ANSWER\s*:(.*)$/i

// Aiken: a question (one or more lines), options "A." or "A)", then "ANSWER: X". Text is kept as typed.
export function parseAiken(text: string): Collector {
  const c = newCollector()
  const lines = splitLines(text)
  let open: Open | null = null

  const close = (q: Open, line: number, value: string) => {
    if (q.broken) return
    if (q.options.length < 2) return addError(c, { line: q.line }, `câu hỏi chỉ có ${q.options.length} phương án, cần ít nhất 2 (dòng ANSWER: ở dòng ${line}).`)
    const key = value.toUpperCase()
    if (!/^[A-Z]$/.test(key)) return addError(c, { line }, `đáp án phải là một chữ cái, ví dụ "ANSWER: B"; đang là "${value}".`)
    const index = key.charCodeAt(0) - 65
    if (index >= q.options.length) return addError(c, { line }, `đáp án ${key} không có trong các phương án (A–${KEYS[q.options.length - 1]}).`)
    addImported(c, { line: q.line }, { topic: DEFAULT_TOPIC, type: 'single', stem: q.stem.join('\n'), options: q.options, correct: [index], explanation: '' })
  }

  for (const [i, raw] of lines.entries()) {
    const line = i + 1
    const content = raw.trim()
    if (content === '') continue
    const answer = ANSWER.exec(content)
    const option = answer ? null : OPTION.exec(content)
    if (answer) {
      if (open) close(open, line, answer[1].trim())
      else addError(c, { line }, 'dòng ANSWER: không thuộc câu hỏi nào (thiếu dòng câu hỏi và các phương án phía trên).')
      open = null
    } else if (option) {
      if (!open) {
        addError(c, { line }, `phương án ${option[1]} không thuộc câu hỏi nào (thiếu dòng câu hỏi phía trên).`)
        continue
      }
      const expected = String.fromCharCode(65 + open.options.length)
      if (!open.broken && open.options.length >= KEYS.length) {
        addError(c, { line }, `câu hỏi có quá 6 phương án (tối đa A–F).`)
        open.broken = true
      } else if (!open.broken && option[1] !== expected) {
        addError(c, { line }, `phương án ${option[1]} không đúng thứ tự, cần ${expected}.`)
        open.broken = true
      }
      open.options.push(option[2].trim())
    } else if (open && open.options.length === 0) {
      open.stem.push(content) // a question may run over several lines before its options
    } else {
      if (open && !open.broken) addError(c, { line: open.line }, `thiếu dòng ANSWER: (câu hỏi tiếp theo đã bắt đầu ở dòng ${line}).`)
      open = { stem: [content], line, options: [], broken: false }
    }
  }
  if (open && !open.broken) addError(c, { line: open.line }, 'thiếu dòng ANSWER: (đã hết tệp).')
  return c
}

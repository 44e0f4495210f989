import { categoryTopic, DEFAULT_TOPIC, fitTopic } from './category'
import { splitLines } from './decode'
import { readGiftQuestion } from './gift-question'
import { addWarning } from './issues'
import { newCollector, type Collector } from './types'

// GIFT: questions are separated by blank lines; lines starting with // are comments; a block starting
// with "$CATEGORY: path" sets the topic (last path segment) for the questions after it.
export function parseGift(text: string): Collector {
  const c = newCollector()
  let topic = DEFAULT_TOPIC
  let block: { text: string; line: number }[] = []
  const flush = () => {
    const lines = block.filter((l) => !l.text.startsWith('//'))
    block = []
    if (lines.length === 0) return
    const first = lines[0]
    if (/^\$CATEGORY:/.test(first.text)) {
      const fitted = fitTopic(categoryTopic(first.text.slice('$CATEGORY:'.length)))
      if (fitted.cut) addWarning(c, { line: first.line }, `tên danh mục dài quá 80 ký tự, chủ đề được cắt thành "${fitted.topic}".`)
      topic = fitted.topic
      lines.shift()
      if (lines.length === 0) return
    }
    readGiftQuestion(c, { text: lines.map((l) => l.text).join('\n'), lines: lines.map((l) => l.line), topic })
  }
  splitLines(text).forEach((raw, i) => {
    const trimmed = raw.trim()
    if (trimmed === '') flush()
    else block.push({ text: trimmed, line: i + 1 })
  })
  flush()
  return c
}

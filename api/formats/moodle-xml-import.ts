import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { categoryTopic, DEFAULT_TOPIC, fitTopic } from './category'
import { htmlToText } from './html-text'
import { addImported } from './imported'
import { addError, addSkip, addWarning, lineFinder } from './issues'
import { readMultichoice, readTrueFalse, type XmlRead } from './moodle-xml-question'
import { newCollector, type Collector } from './types'
import { attr, hasFileNode, isNode, nodes, plainText, textOf, type XNode } from './xml-node'

const TYPE_NAMES: Record<string, string> = {
  shortanswer: 'trả lời ngắn (shortanswer)', numerical: 'số (numerical)', essay: 'tự luận (essay)',
  match: 'ghép đôi (match)', matching: 'ghép đôi (matching)', description: 'mô tả (description)',
  multianswer: 'điền khuyết nhiều phần (cloze)', cloze: 'điền khuyết nhiều phần (cloze)',
  calculated: 'tính toán (calculated)', calculatedsimple: 'tính toán (calculatedsimple)', calculatedmulti: 'tính toán (calculatedmulti)',
  ddwtos: 'kéo thả vào văn bản (ddwtos)', ddimageortext: 'kéo thả lên ảnh (ddimageortext)', ddmarker: 'kéo thả điểm đánh dấu (ddmarker)',
  gapselect: 'chọn từ điền khuyết (gapselect)', randomsamatch: 'ghép đôi ngẫu nhiên (randomsamatch)', random: 'câu ngẫu nhiên (random)',
  ordering: 'sắp xếp thứ tự (ordering)',
}

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  captureMetaData: true,
  isArray: (name) => ['question', 'answer', 'file', 'subquestion', 'hint', 'tag'].includes(name),
})
// captureMetaData puts the element's start offset under a symbol key; it gives each question its line.
function startOf(q: XNode): number {
  for (const key of Object.getOwnPropertySymbols(q)) {
    const meta: unknown = Reflect.get(q, key)
    if (isNode(meta) && typeof meta.startIndex === 'number') return meta.startIndex
  }
  return 0
}

// Moodle XML: <quiz> with <question type="…"> elements; type="category" sets the topic of the ones after it.
export function parseMoodleXml(text: string): Collector {
  const c = newCollector()
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    addError(c, { line: valid.err.line }, `tệp XML không hợp lệ (cột ${valid.err.col}): ${valid.err.msg}`)
    return c
  }
  let root: unknown
  try {
    root = parser.parse(text)
  } catch (e) {
    // The parser's own limits (nesting depth, entity expansion) can refuse what the validator let by.
    addError(c, { line: 1 }, `tệp XML không đọc được: ${e instanceof Error ? e.message : String(e)}`)
    return c
  }
  const quiz = isNode(root) ? root.quiz : undefined
  if (!isNode(quiz)) {
    addError(c, { line: 1 }, 'tệp không phải Moodle XML: thiếu thẻ <quiz>.')
    return c
  }
  let topic = DEFAULT_TOPIC
  const lineOf = lineFinder(text)
  for (const q of nodes(quiz.question)) {
    const where = { line: lineOf(startOf(q)) }
    const type = attr(q, 'type') ?? ''
    if (type === 'category') {
      const fitted = fitTopic(categoryTopic(textOf(q.category)))
      if (fitted.cut) addWarning(c, where, `tên danh mục dài quá 80 ký tự, chủ đề được cắt thành "${fitted.topic}".`)
      topic = fitted.topic
      continue
    }
    const name = htmlToText(textOf(q.name)) // names may hold HTML, as in Moodle's own fixtures
    const label = name ? `câu "${name}"` : 'câu hỏi'
    let read: XmlRead
    if (type === 'multichoice') read = readMultichoice(q)
    else if (type === 'truefalse') read = readTrueFalse(q)
    else {
      addSkip(c, where, `${label} dạng ${TYPE_NAMES[type] ?? `"${type}"`} không được hỗ trợ, đã bỏ qua.`)
      continue
    }
    if ('error' in read) {
      addError(c, where, `${label}: ${read.error}`)
      continue
    }
    if ('skip' in read) {
      addSkip(c, where, `${label}: ${read.skip}`)
      continue
    }
    const stem = plainText(q.questiontext)
    const general = plainText(nodes(q.generalfeedback)[0])
    if (stem.media || general.media || read.media || hasFileNode(q)) {
      addWarning(c, where, `${label}: hình ảnh hoặc tệp đính kèm đã bị bỏ, câu hỏi vẫn được nhập.`)
    }
    for (const w of read.warnings) addWarning(c, where, `${label}: ${w}`)
    const { feedback, ...shape } = read.shape
    addImported(c, where, { topic, stem: stem.text, explanation: general.text || feedback, ...shape })
  }
  return c
}

import { addError, lineFinder } from './issues'
import { jsonFaultOffset } from './json-locate'
import { isRecord } from './guards'
import { addCandidate, newCollector, type Collector } from './types'

// Start offsets of the elements of the first array (the top-level one, or "questions" of an object),
// found by a scan that skips strings, so each question's problems can name its line.
function elementOffsets(text: string): number[] {
  const offsets: number[] = []
  let depth = 0
  let target = -1
  let expecting = false
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (inString) {
      if (ch === '\\') i++
      else if (ch === '"') inString = false
      continue
    }
    if (expecting && !/\s/.test(ch) && ch !== ']') {
      offsets.push(i)
      expecting = false
    }
    if (ch === '"') inString = true
    else if (ch === '[' || ch === '{') {
      depth++
      if (target < 0 && ch === '[') target = depth
      if (depth === target && ch === '[') expecting = true
    } else if (ch === ']' || ch === '}') {
      if (depth === target) return offsets
      depth--
    } else if (ch === ',' && depth === target) expecting = true
  }
  return offsets
}

// The bank format: an array of questions, or { "questions": [...] } as the admin list returns it.
export function parseJsonImport(text: string): Collector {
  const c = newCollector()
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e)
    const at = jsonFaultOffset(text)
    addError(c, at === null ? {} : { line: lineFinder(text)(at) }, `tệp JSON không hợp lệ: ${detail}`)
    return c
  }
  const list = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.questions) ? value.questions : null
  if (list === null) {
    addError(c, { line: 1 }, 'tệp JSON phải là một mảng câu hỏi [ … ] hoặc { "questions": [ … ] }.')
    return c
  }
  // Lines are given only when the scan found exactly one start per element.
  const found = elementOffsets(text)
  const offsets = found.length === list.length ? found : []
  const lineOf = lineFinder(text)
  list.forEach((item: unknown, i: number) => {
    const line = offsets[i] === undefined ? undefined : lineOf(offsets[i])
    if (!isRecord(item)) return addError(c, { line }, `phần tử thứ ${i + 1} không phải một câu hỏi (đối tượng { … }).`)
    addCandidate(c, { data: item, line })
  })
  return c
}

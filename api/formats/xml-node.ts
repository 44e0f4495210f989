import { isRecord } from './guards'
import { dropMedia, hasMedia, htmlToText, tidyLines } from './html-text'

// fast-xml-parser output is untyped JSON; these helpers read it without casts sprinkled around.
export type XNode = Record<string, unknown>

export const isNode = isRecord
export const nodes = (x: unknown): XNode[] => (Array.isArray(x) ? x : x === undefined ? [] : [x]).filter(isNode)
export const attr = (x: unknown, name: string): string | undefined => {
  const v = isNode(x) ? x[`@_${name}`] : undefined
  return v === undefined ? undefined : String(v)
}

// <text> content of an element such as <questiontext>, or the element's own text (old files).
export function textOf(x: unknown): string {
  if (Array.isArray(x)) return textOf(x[0])
  if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') return String(x)
  if (!isNode(x)) return ''
  if ('text' in x) return textOf(x.text)
  return textOf(x['#text'])
}

// Files and the old <image> / <image_base64> fields anywhere in a question.
export function hasFileNode(x: unknown): boolean {
  if (Array.isArray(x)) return x.some(hasFileNode)
  if (!isNode(x)) return false
  return Object.entries(x).some(([k, v]) => ((k === 'file' || k === 'image' || k === 'image_base64') && v !== '') || hasFileNode(v))
}

// A Moodle text field as plain text, by its format attribute (Moodle's default is moodle_auto_format).
export function plainText(x: unknown, fallback = 'moodle_auto_format'): { text: string; media: boolean } {
  const raw = textOf(x)
  const format = attr(x, 'format') ?? fallback
  const media = hasMedia(raw)
  if (format === 'html') return { text: htmlToText(raw), media }
  if (format === 'moodle_auto_format') return { text: htmlToText(raw.replace(/\r\n|\r|\n/g, '<br>')), media }
  return { text: tidyLines(media ? dropMedia(raw) : raw), media }
}

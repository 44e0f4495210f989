import { isRecord } from './guards'

// An ExcelJS cell value as the text the user sees. Dates are rare in a question bank and are almost
// always a typed answer such as "2/9/1945" that Excel turned into a date; they come back as d/m/yyyy.
export function cellText(value: unknown): { text: string; date: boolean } {
  if (value === null || value === undefined) return { text: '', date: false }
  if (value instanceof Date) {
    return { text: `${value.getUTCDate()}/${value.getUTCMonth() + 1}/${value.getUTCFullYear()}`, date: true }
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { text: String(value), date: false }
  if (Array.isArray(value)) return { text: '', date: false }
  if (isRecord(value)) {
    if (Array.isArray(value.richText)) return { text: value.richText.map((run) => (isRecord(run) ? String(run.text ?? '') : '')).join(''), date: false }
    if ('result' in value) return cellText(value.result)
    if ('text' in value) return cellText(value.text)
  }
  return { text: '', date: false }
}

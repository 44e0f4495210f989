// Worksheet rows as SpreadsheetML text. Strings are inline (no shared-strings table to hold in memory),
// numbers are plain values, empty cells are left out.
export type XlsxCell = string | number | null | undefined
export type XlsxRow = readonly XlsxCell[]

export const SHEET_START = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
  + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
  + ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>'
export const SHEET_END = '</sheetData></worksheet>'

// XML 1.0 allows tab, LF and CR among the control characters, and neither U+FFFE nor U+FFFF.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
const KEEP_SPACE = /^\s|\s$|\n/

export function escapeXml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text
  return text.replace(NOT_XML, '').replace(/[&<>"]/g, (c) => ENTITIES[c])
}

const columns: string[] = []

// A1-style column letters: 0 → A, 25 → Z, 26 → AA, 701 → ZZ, 702 → AAA.
export function columnName(index: number): string {
  let name = columns[index]
  if (name === undefined) {
    name = ''
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
    columns[index] = name
  }
  return name
}

function textXml(text: string): string {
  const t = escapeXml(text)
  return KEEP_SPACE.test(t) ? `<t xml:space="preserve">${t}</t>` : `<t>${t}</t>`
}

// style is a cellXfs index of the stylesheet; 0 is the default.
export function rowXml(cells: XlsxRow, rowNumber: number, style = 0): string {
  const s = style ? ` s="${style}"` : ''
  let xml = `<row r="${rowNumber}">`
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i]
    if (typeof v === 'number') {
      // A fraction in a plain row takes the decimal format (style 2, DECIMAL_STYLE in xlsx-parts.ts).
      const own = s || Number.isInteger(v) ? s : ' s="2"'
      if (Number.isFinite(v)) xml += `<c r="${columnName(i)}${rowNumber}"${own}><v>${v}</v></c>`
    } else if (typeof v === 'string' && v !== '') {
      xml += `<c r="${columnName(i)}${rowNumber}"${s} t="inlineStr"><is>${textXml(v)}</is></c>`
    }
  }
  return `${xml}</row>`
}

export type CsvRecord = { cells: string[]; line: number }
export type CsvParse = { records: CsvRecord[]; unclosedQuoteLine?: number; recordLine?: number }

// The delimiter of the first record: a comma, or the semicolon (or tab) that spreadsheets in
// Vietnamese locales write because the comma is their decimal mark.
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]])
  let quoted = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  }
  return [...counts].reduce((best, cur) => (cur[1] > best[1] ? cur : best))[0]
}

// RFC 4180: quoted fields, doubled quotes, delimiters and line breaks inside quotes, CRLF or LF.
// Each record keeps the physical line it starts on, so messages can point into the file.
export function parseCsv(text: string, delimiter = detectDelimiter(text)): CsvParse {
  const records: CsvRecord[] = []
  let cells: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let recordLine = 1
  let quoteLine = 1
  let fieldStarted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++ }
      else if (ch === '"') quoted = false
      else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++
        field += ch
      }
    } else if (ch === '"' && !fieldStarted) {
      quoted = true
      fieldStarted = true
      quoteLine = line
    } else if (ch === delimiter) {
      cells.push(field)
      field = ''
      fieldStarted = false
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      cells.push(field)
      records.push({ cells, line: recordLine })
      cells = []
      field = ''
      fieldStarted = false
      line++
      recordLine = line
    } else {
      field += ch
      fieldStarted = true
    }
  }
  if (quoted) return { records, unclosedQuoteLine: quoteLine, recordLine }
  if (fieldStarted || cells.length > 0) {
    cells.push(field)
    records.push({ cells, line: recordLine })
  }
  return { records }
}

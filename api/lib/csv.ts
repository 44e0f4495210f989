export type CsvCell = string | number | null | undefined

// Report CSVs (results, audit, statistics) open in Excel: UTF-8 with a BOM so Vietnamese shows (SPEC §8),
// and text that Excel would run as a formula is prefixed with '. The bank export does not use this: it
// must round-trip text exactly (api/formats/csv-export.ts).
export const CSV_BOM = '\uFEFF'

// Text that a spreadsheet would run as a formula gets a leading ' (shown, never run).
export const formulaSafe = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s)

export function csvCell(v: CsvCell): string {
  let s = v == null ? '' : String(v)
  if (typeof v === 'string') s = formulaSafe(s)
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

// A number as people read it in a CSV: a decimal comma ("4,5"; quoted, since the separator is the comma).
// Whole numbers stay bare so a spreadsheet still reads them as numbers; XLSX files carry real numbers.
export const decimalComma = (n: number | null | undefined): CsvCell => (n == null || Number.isInteger(n) ? n : String(n).replace('.', ','))

export const csvLine = (cells: CsvCell[]) => `${cells.map(csvCell).join(',')}\r\n`

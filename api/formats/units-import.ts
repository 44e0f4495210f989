import { AppError } from '../errors'
import { hiddenCharacterProblem } from '../schemas/text'
import { headerKey } from './columns'
import { parseCsv } from './csv-parse'
import { decodeUtf8, NOT_UTF8 } from './decode'
import { issue } from './issues'
import type { SheetRow } from './sheet-rows'
import { newCollector, type ImportIssue, type Where } from './types'
import { xlsxRows } from './xlsx-import'

export type UnitColumn = 'code' | 'name' | 'parentCode' | 'headcount'
export type ImportedUnit = { code: string; name: string; parentCode?: string; headcount?: number } & Where
// A row with bad cells: every problem found in it, and its parent code, which the service checks against
// the contest too so that a row is reported whole, not one cell per upload.
export type RejectedUnit = { code: string; parentCode?: string; problems: string[] } & Where
export type UnitsParse = { units: ImportedUnit[]; rejected: RejectedUnit[]; warnings: ImportIssue[]; errors: ImportIssue[] }

// Template headers (Vietnamese) and the aliases accepted for each column.
export const UNIT_HEADERS: Record<UnitColumn, string> = { code: 'Mã đơn vị', name: 'Tên đơn vị', parentCode: 'Mã đơn vị cha', headcount: 'Số đảng viên' }
const ALIASES: Record<UnitColumn, string[]> = {
  code: ['code', 'unit code', 'mã', 'mã đơn vị'],
  name: ['name', 'unit name', 'tên', 'tên đơn vị', 'đơn vị'],
  parentCode: ['parent', 'parent code', 'parentcode', 'mã cấp trên', 'mã đơn vị cấp trên', 'mã đơn vị cha', 'mã cha'],
  headcount: ['headcount', 'số đảng viên', 'số lượng', 'số lượng đảng viên', 'đảng viên'],
}
const BY_KEY = new Map<string, UnitColumn>()
for (const [col, names] of Object.entries(ALIASES) as [UnitColumn, string[]][]) for (const n of names) BY_KEY.set(headerKey(n), col)
const columnOf = (cell: string) => BY_KEY.get(headerKey(cell))

const whereOf = (r: SheetRow): Where => (r.line === undefined || r.line === r.row ? { row: r.row } : { row: r.row, line: r.line })

// "1250", "1.250" or "1 250" (a thousands mark, as Vietnamese spreadsheets write it); null if not a count.
export function parseHeadcount(cell: string): number | null {
  const compact = cell.replace(/\s+/g, '')
  if (!/^\d+$/.test(compact) && !/^\d{1,3}([.,]\d{3})+$/.test(compact)) return null
  const n = Number(compact.replace(/[.,]/g, ''))
  return n <= 10_000_000 ? n : null
}

// Why a headcount cell is not a count, in words an organizer can act on.
export function headcountProblem(cell: string): string {
  const shown = `số đảng viên "${cell}"`
  const compact = cell.replace(/\s+/g, '')
  if (/^-\d/.test(compact)) return `${shown} không được là số âm`
  if (/^\d+([.,]\d+)?$/.test(compact)) return `${shown} phải là số nguyên (không có phần thập phân)`
  if (/^[\d.,]+$/.test(compact)) return `${shown} phải là số nguyên từ 0 đến 10.000.000`
  return `${shown} không phải là số`
}

// A contest's unit tree is thousands of units at most; a list longer than this is refused whole.
export const MAX_IMPORT_UNITS = 100_000

function readUnitRows(rows: SheetRow[], out: UnitsParse): void {
  const filled = rows.filter((r) => r.cells.some((cell) => cell.trim() !== ''))
  if (filled.length > MAX_IMPORT_UNITS + 1) throw new AppError('PAYLOAD_TOO_LARGE', `Tệp nhập vượt giới hạn: hơn ${MAX_IMPORT_UNITS.toLocaleString('vi-VN')} đơn vị; hãy chia thành nhiều tệp nhỏ hơn.`)
  if (filled.length === 0) return void out.errors.push(issue({ row: 1 }, 'tệp trống: không có dòng tiêu đề cột và đơn vị nào.'))
  const headerAt = Math.max(0, filled.slice(0, 10).findIndex((r) => r.cells.filter((cell) => columnOf(cell)).length >= 2))
  for (const r of filled.slice(0, headerAt)) out.warnings.push(issue(whereOf(r), 'dòng trước dòng tiêu đề cột, đã bỏ qua.'))
  const head = filled[headerAt]
  const index = new Map<UnitColumn, number>()
  head.cells.forEach((cell, i) => {
    const col = columnOf(cell)
    if (cell.trim() === '') return
    if (!col) out.warnings.push(issue(whereOf(head), `cột "${cell.trim()}" không được nhận ra, đã bỏ qua.`))
    else if (index.has(col)) out.errors.push(issue(whereOf(head), `cột "${cell.trim()}" trùng với một cột trước.`))
    else index.set(col, i)
  })
  const missing = (['code', 'name'] as const).filter((col) => !index.has(col))
  if (missing.length) return void out.errors.push(issue(whereOf(head), `thiếu cột bắt buộc: ${missing.map((col) => UNIT_HEADERS[col]).join(', ')}.`))
  const firstRow = new Map<string, number>()
  for (const r of filled.slice(headerAt + 1)) {
    const get = (col: UnitColumn) => { const i = index.get(col); return i === undefined ? '' : (r.cells[i] ?? '').trim() }
    const unit: ImportedUnit = { code: get('code'), name: get('name').normalize('NFC').replace(/\s+/g, ' '), ...whereOf(r) }
    const problems: string[] = []
    if (unit.code === '') problems.push('thiếu mã đơn vị')
    else if (unit.code.length > 50) problems.push('mã đơn vị dài quá 50 ký tự')
    if (unit.name === '') problems.push('thiếu tên đơn vị')
    else if (unit.name.length > 300) problems.push('tên đơn vị dài quá 300 ký tự')
    else if (hiddenCharacterProblem(unit.name)) problems.push(`tên đơn vị ${hiddenCharacterProblem(unit.name)}`)
    const parent = get('parentCode')
    if (parent !== '') unit.parentCode = parent
    if (parent.length > 50) problems.push('mã đơn vị cha dài quá 50 ký tự')
    if (parent !== '' && parent === unit.code) problems.push('đơn vị không thể là cấp trên của chính nó')
    const count = get('headcount')
    if (count !== '') {
      const n = parseHeadcount(count)
      if (n === null) problems.push(headcountProblem(count))
      else unit.headcount = n
    }
    const earlier = firstRow.get(unit.code)
    if (unit.code !== '' && earlier !== undefined) problems.push(`mã đơn vị "${unit.code}" đã có ở hàng ${earlier}`)
    if (unit.code !== '' && earlier === undefined) firstRow.set(unit.code, r.row)
    if (problems.length) out.rejected.push({ ...whereOf(r), code: unit.code, ...(unit.parentCode ? { parentCode: unit.parentCode } : {}), problems })
    else out.units.push(unit)
  }
}

// Pure: the bytes of a CSV or XLSX unit list in, units and located problems out.
export async function parseUnitsImport(format: 'csv' | 'xlsx', body: Uint8Array): Promise<UnitsParse> {
  const out: UnitsParse = { units: [], rejected: [], warnings: [], errors: [] }
  if (format === 'xlsx') {
    const c = newCollector()
    const rows = await xlsxRows(c, body)
    out.warnings.push(...c.warnings)
    out.errors.push(...c.errors)
    if (rows) readUnitRows(rows, out)
    return out
  }
  const text = decodeUtf8(body)
  if (text === null) return { ...out, errors: [{ message: NOT_UTF8 }] }
  const parsed = parseCsv(text)
  readUnitRows(parsed.records.map((r, i) => ({ cells: r.cells, row: i + 1, line: r.line })), out)
  if (parsed.unclosedQuoteLine !== undefined) out.errors.push(issue({ line: parsed.unclosedQuoteLine }, 'dấu ngoặc kép (") mở ở đây chưa được đóng; phần còn lại của tệp không đọc được.'))
  return out
}

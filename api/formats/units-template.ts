import ExcelJS from 'exceljs'
import { writeCsv } from './csv-export'
import { UNIT_HEADERS } from './units-import'

// Invented example units: a bloc committee, a grassroots committee under it, and a cell under that.
const HEADER = [UNIT_HEADERS.code, UNIT_HEADERS.name, UNIT_HEADERS.parentCode, UNIT_HEADERS.headcount]
const EXAMPLE: (string | number)[][] = [
  ['DBK', 'Đảng bộ Khối Mẫu', '', ''],
  ['CS01', 'Đảng bộ cơ sở Mẫu Một', 'DBK', 120],
  ['CB0101', 'Chi bộ Phòng Tổng hợp', 'CS01', 25],
]

export async function unitsTemplate(format: 'csv' | 'xlsx'): Promise<Uint8Array> {
  if (format === 'csv') return writeCsv([], HEADER, EXAMPLE)
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('Đơn vị', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = [{ width: 14 }, { width: 50 }, { width: 16 }, { width: 14 }]
  sheet.addRow(HEADER).font = { bold: true }
  for (const row of EXAMPLE) sheet.addRow(row)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

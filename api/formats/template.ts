import type { BankQuestion } from '../../questions/schema'
import { COLUMNS, EXPORT_HEADER } from './columns'
import { writeCsv } from './csv-export'
import { questionCells } from './sheet-write'
import { writeXlsx } from './xlsx-export'

// The downloadable template: Vietnamese headers and one worked example (fact from Nghị quyết Đại hội XIII, mục VI).
const EXAMPLE: BankQuestion = {
  id: 'mau-001',
  topic: 'dai-hoi-13',
  tags: ['Đại hội XIII', 'nhân sự'],
  difficulty: 2,
  type: 'single',
  stem: 'Đại hội đại biểu toàn quốc lần thứ XIII của Đảng đã bầu Ban Chấp hành Trung ương khóa XIII gồm bao nhiêu đồng chí?',
  options: [
    { key: 'A', text: '180 đồng chí' },
    { key: 'B', text: '200 đồng chí' },
    { key: 'C', text: '190 đồng chí' },
    { key: 'D', text: '210 đồng chí' },
  ],
  correct: ['B'],
  explanation: 'Đại hội XIII bầu 200 đồng chí vào Ban Chấp hành Trung ương khóa XIII: 180 ủy viên chính thức và 20 ủy viên dự khuyết.',
  source: { document: 'Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng', section: 'Mục VI' },
  status: 'draft',
}

export async function importTemplate(format: 'csv' | 'xlsx'): Promise<Uint8Array> {
  const cells = questionCells(EXAMPLE)
  const header = EXPORT_HEADER
  const row = COLUMNS.map((col) => cells[col])
  return format === 'csv' ? writeCsv([], header, [row]) : writeXlsx([], header, [row])
}

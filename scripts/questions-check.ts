import { fileURLToPath } from 'node:url'
import { checkBank, type TopicStats } from '../questions/check'
import { readBankFiles } from '../questions/load'

// Reads the files raw so every schema error is listed, rather than stopping at the first like loadBank.
const dir = fileURLToPath(new URL('../questions/', import.meta.url))
const loadErrors: string[] = []
const files = readBankFiles(dir).map(({ file, data }) => {
  if (Array.isArray(data)) return { file, questions: data as unknown[] }
  loadErrors.push(`${file}: phải là một mảng JSON các câu hỏi`)
  return { file, questions: [] }
})
const { errors, stats, totals } = checkBank(files)

const row = (s: TopicStats) => [s.topic, s.name, s.total, s.difficulty[1], s.difficulty[2], s.difficulty[3], s.type.single, s.type.multiple, s.type.true_false]
const header = ['topic', 'name', 'count', 'd1', 'd2', 'd3', 'single', 'multiple', 'true_false']
const rows = [header, ...stats.map(row), row(totals)].map((r) => r.map(String))
const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)))
for (const r of rows) console.log(r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '))

const all = [...loadErrors, ...errors]
if (all.length > 0) {
  console.error(`\n${all.length} lỗi:`)
  for (const e of all) console.error(`- ${e}`)
  process.exitCode = 1
} else {
  console.log('\nNgân hàng câu hỏi hợp lệ.')
}

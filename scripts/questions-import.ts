// Imports a question file into the database (DATABASE_URL's PostgreSQL database, or else DATABASE_PATH):
//   npm run questions:import -- FILE [--mode valid] [--format json|csv|xlsx|gift|aiken|moodlexml]
// As the HTTP import: with mode "all" (default) nothing is stored when any error is found (exit 1).
import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { parseArgs } from 'node:util'
import { loadEnv } from '../api/env'
import { parseImport, type ImportFormat, type ImportIssue } from '../api/formats/index'
import { SYSTEM_ACTOR } from '../api/services/audit'
import { importQuestions } from '../api/services/questions'
import { openStore } from '../db/open-store'

const FORMATS: ImportFormat[] = ['json', 'csv', 'xlsx', 'gift', 'aiken', 'moodlexml']
const BY_EXTENSION: Record<string, ImportFormat> = { '.json': 'json', '.csv': 'csv', '.xlsx': 'xlsx', '.gift': 'gift', '.txt': 'gift', '.aiken': 'aiken', '.xml': 'moodlexml' }
const USAGE = 'Cách dùng: npm run questions:import -- TỆP [--mode valid] [--format json|csv|xlsx|gift|aiken|moodlexml]'

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { mode: { type: 'string', default: 'all' }, format: { type: 'string' } } })
const file = positionals[0] ?? fail(USAGE)
const mode = values.mode === 'all' || values.mode === 'valid' ? values.mode : fail(`--mode phải là "all" hoặc "valid".\n${USAGE}`)
const format = values.format ? FORMATS.find((f) => f === values.format) : BY_EXTENSION[extname(file).toLowerCase()]
if (!format) fail(`Không biết định dạng của "${file}"; hãy thêm --format.\n${USAGE}`)

const print = (label: string, issues: ImportIssue[]) => {
  if (issues.length === 0) return
  console.log(`${label} (${issues.length}):`)
  for (const i of issues) console.log(`  - ${i.message}`)
}

const started = Date.now()
const parsed = await parseImport(format, readFileSync(file))
print('Cảnh báo', parsed.warnings)
print('Lỗi', parsed.errors)
if (parsed.errors.length > 0 && mode === 'all') {
  console.error(`Tệp có ${parsed.errors.length} lỗi; chưa nhập câu nào. Sửa các lỗi trên, hoặc dùng --mode valid để nhập các câu hợp lệ.`)
  process.exit(1)
}
const { store, close } = await openStore(loadEnv())
const stored = await store.write(() => importQuestions(SYSTEM_ACTOR, parsed.questions, Date.now(), `cli:${format}`)).finally(close)
print('Cảnh báo khi lưu', stored.warnings)
console.log(`Đã nhập ${stored.imported} câu mới, cập nhật ${stored.updated} câu, bỏ qua ${parsed.skipped + stored.skipped} câu (${format}, ${Date.now() - started} ms).`)

// Exports the question bank (DATABASE_URL's PostgreSQL database, or else DATABASE_PATH) to a file, the format taken from its extension:
//   npm run questions:export -- FILE.json|.csv|.xlsx|.gift [--topic T] [--status draft|published|retired]
// JSON, CSV and XLSX import back to the same bank; GIFT keeps less (docs/import-format.md).
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { loadEnv } from '../api/env'
import { writeExport, type ExportFormat } from '../api/formats/index'
import { readExportable } from '../api/services/question-export'
import { openStore } from '../db/open-store'

const USAGE = 'Cách dùng: npm run questions:export -- TỆP.json|.csv|.xlsx|.gift [--topic CHỦ_ĐỀ] [--status draft|published|retired]'
const { values, positionals } = parseArgs({ allowPositionals: true, options: { topic: { type: 'string' }, status: { type: 'string' } } })
const file = positionals[0]
const format: ExportFormat | undefined = file?.toLowerCase().endsWith('.json') ? 'json' : file?.toLowerCase().endsWith('.csv') ? 'csv'
  : file?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : /\.(gift|txt)$/i.test(file ?? '') ? 'gift' : undefined
const status = values.status === undefined || values.status === 'draft' || values.status === 'published' || values.status === 'retired' ? values.status : null
if (!file || !format || status === null) {
  console.error(USAGE)
  process.exit(2)
}

const { store, close } = await openStore(loadEnv())
const bank = await store.read(readExportable({ topic: values.topic, status })).finally(close)
writeFileSync(file, await writeExport(format, bank))
console.log(`Đã xuất ${bank.length} câu hỏi ra ${file} (${format}).`)

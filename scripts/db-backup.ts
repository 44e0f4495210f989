// Online backup: npm run db:backup -- FILE. Uses SQLite's backup API, so the copy is consistent even while
// the server is writing (WAL). Restore: stop the server, copy FILE to DATABASE_PATH (deleting any -wal and
// -shm files beside it), start the server. SQLite only: a PostgreSQL database is backed up with its own tools.
import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { loadEnv } from '../api/env'

const env = loadEnv()
if (env.DATABASE_URL) {
  console.error('Lệnh này chỉ sao lưu tệp SQLite. Với PostgreSQL (DATABASE_URL), hãy sao lưu bằng pg_basebackup hoặc pg_dump; xem docs/deploy-postgres.md.')
  process.exit(2)
}
const target = process.argv[2]
if (!target) {
  console.error('Cách dùng: npm run db:backup -- ĐƯỜNG_DẪN_TỆP_SAO_LƯU')
  process.exit(2)
}
if (existsSync(target)) {
  console.error(`Tệp ${target} đã tồn tại; chọn tên khác để không ghi đè.`)
  process.exit(2)
}
const source = env.DATABASE_PATH
if (!existsSync(source)) {
  console.error(`Không tìm thấy cơ sở dữ liệu ${source}.`)
  process.exit(1)
}
const db = new Database(source, { fileMustExist: true })
db.pragma('busy_timeout = 5000')
const started = Date.now()
await db.backup(target)
db.close()
const copy = new Database(target, { readonly: true })
const check = copy.pragma('integrity_check', { simple: true })
copy.close()
if (check !== 'ok') {
  console.error(`Bản sao lưu không toàn vẹn: ${String(check)}`)
  process.exit(1)
}
console.log(`Đã sao lưu ${source} → ${target} trong ${Date.now() - started} ms (integrity_check: ok).`)

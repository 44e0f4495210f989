import { all } from '../../db/program'
import type { Store } from '../../db/store'
import { CSV_BOM, csvLine } from '../lib/csv'
import { hanoiDateTime } from '../lib/time'
import { actionLabel, entityLabel, roleLabel } from '../schemas/audit-labels'
import { NAMED_AUDIT_SELECT, type NamedAuditRow } from './audit-view'

// People read the first columns (Vietnamese words, names, Hà Nội time); the last ones are the row as it was
// hashed (codes, the instant in milliseconds, the hashes), so anyone can re-verify the chain outside.
export const AUDIT_CSV_HEADER = [
  'STT', 'Thời gian (giờ Hà Nội)', 'Người thực hiện', 'Mã người thực hiện', 'Vai trò', 'Hành động', 'Đối tượng', 'Tên đối tượng', 'Mã đối tượng', 'Chi tiết',
  'Thời điểm (mili giây UTC)', 'Mã vai trò', 'Mã hành động', 'Mã loại đối tượng', 'Mã băm trước', 'Mã băm',
]
const SYSTEM_NAME = 'Hệ thống'

const csvRow = (r: NamedAuditRow) => csvLine([
  Number(r.seq), hanoiDateTime(Number(r.at)), r.actorName ?? (r.actorId === 'system' ? SYSTEM_NAME : ''), r.actorId, roleLabel(r.actorRole),
  actionLabel(r.action), entityLabel(r.entity), r.entityName ?? '', r.entityId, r.detail,
  Number(r.at), r.actorRole, r.action, r.entity, r.prevHash, r.hash,
])
const csvPage = (after: number) => all<NamedAuditRow>(`${NAMED_AUDIT_SELECT} WHERE a.seq > ? ORDER BY a.seq LIMIT 1000`, after)

// The whole log, oldest first. A page of 1000 rows is read each time the reader asks for more, each page on
// its own (rows appended meanwhile follow).
export function auditCsvStream(store: Pick<Store, 'read'>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let last = 0
  let started = false
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(AUDIT_CSV_HEADER)))
        return
      }
      const rows = await store.read(csvPage(last))
      if (!rows.length) return controller.close()
      last = Number(rows[rows.length - 1].seq)
      controller.enqueue(encoder.encode(rows.map(csvRow).join('')))
    },
  })
}

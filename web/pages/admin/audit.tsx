import { createAsync, useSearchParams } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { hanoiDateTime } from '../../../api/lib/time'
import { actionLabel, entityLabel, roleLabel } from '../../../api/schemas/audit-labels'
import { getMe } from '../../api/session'
import { getAudit, getStaff } from '../../api/staff'
import { Pager } from '../../components/pager'
import { AuditDetail } from './audit-detail'
import { AuditFilters, type AuditSearch } from './audit-filters'
import { AuditVerify } from './audit-verify'

const LIMIT = 50
const param = (v: string | string[] | undefined) => (typeof v === 'string' && v ? v : undefined)
// A Hà Nội calendar day's first instant; "to" is exclusive, so the day after the last one asked for.
const dayStart = (day: string, plus = 0) => new Date(Date.parse(`${day}T00:00:00+07:00`) + plus * 86_400_000).toISOString()

// The audit log for admins: who did what to which thing and when, in words, filtered and paged.
export default function AdminAudit() {
  const me = createAsync(() => getMe())
  const [search, setSearch] = useSearchParams()
  const current = (): AuditSearch => ({ action: param(search.action), actor: param(search.actor), from: param(search.from), to: param(search.to) })
  const offset = () => Math.max(0, Number(param(search.offset) ?? 0) || 0)
  const staff = createAsync(() => (me()?.role === 'admin' ? getStaff() : Promise.resolve([])))
  const page = createAsync(() => {
    if (me()?.role !== 'admin') return Promise.resolve(undefined)
    const s = current()
    return getAudit({ action: s.action, actorId: s.actor, from: s.from && dayStart(s.from), to: s.to && dayStart(s.to, 1), limit: LIMIT, offset: offset() })
  })
  const apply = (next: AuditSearch) => setSearch({ action: next.action, actor: next.actor, from: next.from, to: next.to, offset: undefined })
  return (
    <section class="page wide">
      <h1>Nhật ký kiểm toán</h1>
      <Show when={me()?.role === 'admin'} fallback={<p>Chỉ quản trị viên xem được nhật ký.</p>}>
        <div class="actions">
          <a class="button" href="/api/admin/audit.csv" download="">Tải nhật ký (CSV)</a>
          <AuditVerify />
        </div>
        <Show when={staff()} keyed>{(list) => <AuditFilters value={current()} staff={list} onApply={apply} />}</Show>
        <Show when={page()}>
          {(p) => (
            <>
              <p class="muted small" role="status">{p().total ? `${p().total.toLocaleString('vi-VN')} bản ghi khớp bộ lọc.` : 'Không có bản ghi nào khớp bộ lọc.'}</p>
              <div class="table-wrap">
                <table class="table" id="audit-table">
                  <thead><tr><th>Số</th><th>Thời gian (giờ Hà Nội)</th><th>Người thực hiện</th><th>Hành động</th><th>Đối tượng</th><th>Chi tiết</th></tr></thead>
                  <tbody>
                    <For each={p().entries}>
                      {(e) => (
                        <tr>
                          <td class="num">{e.seq}</td>
                          <td class="nowrap">{hanoiDateTime(Date.parse(e.at))}</td>
                          <td>{e.actorName ?? (e.actorId === 'system' ? 'Hệ thống' : e.actorId)}<br /><span class="muted small">{roleLabel(e.actorRole)}</span></td>
                          <td>{actionLabel(e.action)}</td>
                          <td>{entityLabel(e.entity)}<Show when={e.entityName}>: {e.entityName}</Show><br /><span class="muted small mono">{e.entityId}</span></td>
                          <td><AuditDetail detail={e.detail} /></td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <Pager offset={offset()} limit={LIMIT} total={p().total} onPage={(o) => setSearch({ offset: o ? String(o) : undefined })} noun="bản ghi" />
            </>
          )}
        </Show>
      </Show>
    </section>
  )
}

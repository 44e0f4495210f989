import { createSignal, For, Show } from 'solid-js'
import { AUDIT_ACTION_LABELS } from '../../../api/schemas/audit-labels'
import type { StaffMember } from '../../../api/schemas/wire'
import { parseDay } from '../../lib/day-input'
import { fmtIsoDay } from '../../lib/format'

export type AuditSearch = { action?: string; actor?: string; from?: string; to?: string }
type Props = { value: AuditSearch; staff: StaffMember[]; onApply: (next: AuditSearch) => void }

const ACTIONS = Object.entries(AUDIT_ACTION_LABELS).sort((a, b) => a[1].localeCompare(b[1], 'vi'))

// Days are typed as dd/mm/yyyy, whatever the browser's language; the range is inclusive of both days.
export function AuditFilters(props: Props) {
  const [action, setAction] = createSignal(props.value.action ?? '')
  const [actor, setActor] = createSignal(props.value.actor ?? '')
  const [from, setFrom] = createSignal(props.value.from ? fmtIsoDay(props.value.from) : '')
  const [to, setTo] = createSignal(props.value.to ? fmtIsoDay(props.value.to) : '')
  const [error, setError] = createSignal<string>()
  const apply = (e: SubmitEvent) => {
    e.preventDefault()
    const [f, t] = [parseDay(from()), parseDay(to())]
    if (f === null || t === null) return setError('Ngày phải viết dạng dd/mm/yyyy, ví dụ 02/03/2026.')
    if (f && t && f > t) return setError('“Từ ngày” phải trước hoặc bằng “Đến ngày”.')
    setError(undefined)
    props.onApply({ action: action() || undefined, actor: actor() || undefined, from: f || undefined, to: t || undefined })
  }
  return (
    <form class="card audit-filters" onSubmit={apply} aria-label="Lọc nhật ký">
      <div class="field">
        <label for="audit-action">Hành động</label>
        <select id="audit-action" value={action()} onChange={(e) => setAction(e.currentTarget.value)}>
          <option value="">Tất cả</option>
          <For each={ACTIONS}>{([code, label]) => <option value={code}>{label}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="audit-actor">Người thực hiện</label>
        <select id="audit-actor" value={actor()} onChange={(e) => setActor(e.currentTarget.value)}>
          <option value="">Tất cả</option>
          <For each={props.staff}>{(u) => <option value={u.id}>{u.name} ({u.username})</option>}</For>
          <option value="system">Hệ thống</option>
        </select>
      </div>
      <div class="field">
        <label for="audit-from">Từ ngày</label>
        <input id="audit-from" value={from()} onInput={(e) => { setFrom(e.currentTarget.value); setError(undefined) }} placeholder="dd/mm/yyyy" inputMode="numeric" size={10} />
      </div>
      <div class="field">
        <label for="audit-to">Đến ngày</label>
        <input id="audit-to" value={to()} onInput={(e) => { setTo(e.currentTarget.value); setError(undefined) }} placeholder="dd/mm/yyyy" inputMode="numeric" size={10} />
      </div>
      <div class="field"><button type="submit" class="primary">Lọc</button></div>
      <Show when={error()}><p class="error" role="alert">{error()}</p></Show>
    </form>
  )
}

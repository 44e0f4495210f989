import { For, Show } from 'solid-js'
import { FIELD_LABELS } from '../../../api/lib/field-labels'

const short = (v: unknown): string => {
  if (v == null) return '–'
  if (typeof v === 'object') return Array.isArray(v) ? `${v.length} mục` : '…'
  const s = String(v)
  return s.length > 60 ? `${s.slice(0, 57)}…` : s
}

// A row's detail as labelled pairs a person can scan, with the whole record (as hashed) one click away.
export function AuditDetail(props: { detail: unknown }) {
  const pairs = () => (props.detail && typeof props.detail === 'object' && !Array.isArray(props.detail) ? Object.entries(props.detail) : [])
  return (
    <Show when={props.detail != null} fallback={<span class="muted">–</span>}>
      <ul class="audit-detail">
        <For each={pairs().slice(0, 4)}>{([k, v]) => <li><span class="muted">{FIELD_LABELS[k] ?? k}:</span> {short(v)}</li>}</For>
      </ul>
      <details>
        <summary class="small">Xem đầy đủ</summary>
        <pre class="mono small">{JSON.stringify(props.detail, null, 2)}</pre>
      </details>
    </Show>
  )
}

import { createSignal, Show } from 'solid-js'
import { errorMessage } from '../../api/client'
import type { AuditVerification } from '../../../api/schemas/wire'
import { verifyAudit } from '../../api/staff'

// Re-computes every hash on the server and says in words whether the log is as it was written.
export function AuditVerify() {
  const [result, setResult] = createSignal<AuditVerification>()
  const [error, setError] = createSignal<string>()
  const [pending, setPending] = createSignal(false)
  const check = async () => {
    setPending(true)
    setError(undefined)
    setResult(undefined)
    try { setResult(await verifyAudit()) } catch (err) { setError(errorMessage(err)) } finally { setPending(false) }
  }
  return (
    <div class="audit-verify">
      <button type="button" id="audit-verify" onClick={() => void check()} disabled={pending()}>{pending() ? 'Đang kiểm tra…' : 'Kiểm tra chuỗi'}</button>
      <Show when={result()}>
        {(r) => {
          const v = r()
          return v.ok
            ? <p class="alert ok" role="status">Chuỗi nhật ký toàn vẹn: {v.count.toLocaleString('vi-VN')} bản ghi, không bản ghi nào bị sửa hay xóa. Mã băm cuối chuỗi: <span class="mono">{v.head.slice(0, 16)}…</span></p>
            : <p class="alert error" role="alert">Chuỗi nhật ký bị phá vỡ tại bản ghi số {v.brokenAt}: bản ghi này hoặc bản ghi ngay trước nó đã bị sửa hoặc xóa.</p>
        }}
      </Show>
      <Show when={error()}><p class="alert error" role="alert">{error()}</p></Show>
    </div>
  )
}

import { createSignal, For, Show } from 'solid-js'
import type { ImportIssue as Issue, Unit } from '../../../api/schemas/wire'
import { ApiError, errorMessage } from '../../api/client'
import { importUnits } from '../../api/units'
import { TextArea } from '../../components/field'

// The server writes each issue's place into its message ("Hàng 4: …"); it is shown as it comes.
type Props = { contestId: string; onImported: (units: Unit[]) => void }

// A CSV or Excel file (or CSV pasted here) goes to the server's import, which checks every row and
// stores nothing when any row is bad.
export function UnitImport(props: Props) {
  const [file, setFile] = createSignal<File>()
  const [text, setText] = createSignal('')
  const [issues, setIssues] = createSignal<Issue[]>([])
  const [message, setMessage] = createSignal<{ ok: boolean; text: string }>()
  const [busy, setBusy] = createSignal(false)
  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault()
    const f = file()
    const body = f ?? new Blob([text()], { type: 'text/csv' })
    const format = f && /\.xlsx$/i.test(f.name) ? 'xlsx' : 'csv'
    setBusy(true); setIssues([]); setMessage(undefined)
    try {
      const res = await importUnits(props.contestId, format, body)
      setMessage({ ok: true, text: `Đã nhập ${res.imported} đơn vị.` })
      setIssues(res.warnings)
      props.onImported(res.units)
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) })
      if (err instanceof ApiError) setIssues((err.details as { errors?: Issue[] } | undefined)?.errors ?? [])
    } finally {
      setBusy(false)
    }
  }
  return (
    <form class="card" onSubmit={onSubmit}>
      <h2 class="h3">Nhập từ tệp Excel hoặc CSV</h2>
      <p class="small muted">Cột: mã, tên, mã đơn vị cấp trên, số thành viên. Đơn vị trùng mã được cập nhật.
        Tải mẫu: <a href="/api/admin/units/template.xlsx" download="">Excel</a> · <a href="/api/admin/units/template.csv" download="">CSV</a>.</p>
      <div class="field">
        <label for="units-file">Chọn tệp (.xlsx hoặc .csv)</label>
        <input id="units-file" type="file" accept=".csv,text/csv,.xlsx" onChange={(e) => setFile(e.currentTarget.files?.[0])} />
      </div>
      <Show when={!file()}>
        <TextArea id="units-csv" label="Hoặc dán nội dung CSV" value={text()} onInput={setText} rows={6} />
      </Show>
      <Show when={message()}>{(m) => <p class={`alert ${m().ok ? 'ok' : 'error'}`} role={m().ok ? 'status' : 'alert'}>{m().text}</p>}</Show>
      <Show when={issues().length}>
        <ul class="issues"><For each={issues()}>{(i) => <li classList={{ error: !message()?.ok }}>{i.message}</li>}</For></ul>
      </Show>
      <button type="submit" class="primary" disabled={busy() || (!file() && !text().trim())}>Nhập đơn vị</button>
    </form>
  )
}

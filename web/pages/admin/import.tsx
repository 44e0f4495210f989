import { useAction, useSubmission } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import { ApiError } from '../../api/client'
import type { ImportFormat, ImportIssue as Issue } from '../../../api/schemas/wire'
import { importQuestions } from '../../api/questions'
import { FormError } from '../../components/field'

const FORMATS: [ImportFormat, string, string][] = [
  ['xlsx', 'Excel (.xlsx)', '.xlsx'], ['csv', 'CSV', '.csv'], ['json', 'JSON', '.json'],
  ['gift', 'Moodle GIFT', '.txt,.gift'], ['aiken', 'Aiken', '.txt'], ['moodlexml', 'Moodle XML', '.xml'],
]
// The server's message may already name the place; otherwise prefix the row (sheet) or line (text file).
const where = (i: Issue) => (/^(Dòng|Hàng)/.test(i.message) ? '' : i.row ? `Hàng ${i.row}: ` : i.line ? `Dòng ${i.line}: ` : '')

export default function AdminImport() {
  const [format, setFormat] = createSignal<ImportFormat>('xlsx')
  const [mode, setMode] = createSignal<'all' | 'valid'>('all')
  const [file, setFile] = createSignal<File>()
  const run = useAction(importQuestions)
  const sub = useSubmission(importQuestions)
  const errors = () => ((sub.error instanceof ApiError ? (sub.error.details as { errors?: Issue[] } | undefined)?.errors : undefined) ?? [])
  const pick = (f: File | undefined) => {
    setFile(f)
    const ext = f?.name.split('.').pop()?.toLowerCase()
    const guess = FORMATS.find(([, , exts]) => exts.split(',').includes(`.${ext}`))
    if (guess && ext !== 'txt') setFormat(guess[0])
  }
  return (
    <section class="page">
      <h1>Nhập câu hỏi</h1>
      <p>Tải mẫu: <a href="/api/admin/questions/template.xlsx" download="">mẫu Excel</a> · <a href="/api/admin/questions/template.csv" download="">mẫu CSV</a>.
        Câu hỏi nhập từ GIFT, Aiken, Moodle XML ở trạng thái nháp.</p>
      <form class="card" onSubmit={(e) => { e.preventDefault(); if (file()) void run(file()!, format(), mode()).catch(() => undefined) }}>
        <div class="field">
          <label for="import-file">Tệp câu hỏi</label>
          <input id="import-file" type="file" onChange={(e) => pick(e.currentTarget.files?.[0])} required />
        </div>
        <div class="field">
          <label for="import-format">Định dạng</label>
          <select id="import-format" value={format()} onChange={(e) => setFormat(e.currentTarget.value as ImportFormat)}>
            <For each={FORMATS}>{([v, l]) => <option value={v}>{l}</option>}</For>
          </select>
        </div>
        <fieldset>
          <legend>Khi tệp có lỗi</legend>
          <label class="check"><input type="radio" name="mode" checked={mode() === 'all'} onChange={() => setMode('all')} /><span>Không nhập gì (sửa tệp rồi nhập lại)</span></label>
          <label class="check"><input type="radio" name="mode" checked={mode() === 'valid'} onChange={() => setMode('valid')} /><span>Chỉ nhập các câu hợp lệ</span></label>
        </fieldset>
        <button type="submit" class="primary" disabled={!file() || !!sub.pending}>{sub.pending ? 'Đang nhập…' : 'Nhập'}</button>
      </form>
      <FormError message={sub.error instanceof Error ? sub.error.message : undefined} />
      <Show when={errors().length}>
        <ul class="issues"><For each={errors()}>{(i) => <li class="error">{where(i)}{i.message}</li>}</For></ul>
      </Show>
      <Show when={!sub.pending && sub.result}>
        {(r) => (
          <div class="card" role="status">
            <p class="ok"><strong>Đã nhập {r().imported} câu</strong>{r().updated ? `, cập nhật ${r().updated}` : ''}, bỏ qua {r().skipped}.</p>
            <Show when={r().errors.length}><h2 class="h3">Lỗi ({r().errors.length})</h2><ul><For each={r().errors}>{(i) => <li class="error">{where(i)}{i.message}</li>}</For></ul></Show>
            <Show when={r().warnings.length}><h2 class="h3">Cảnh báo ({r().warnings.length})</h2><ul><For each={r().warnings}>{(i) => <li>{where(i)}{i.message}</li>}</For></ul></Show>
          </div>
        )}
      </Show>
    </section>
  )
}

import { A, createAsync, useAction, useNavigate, useSubmission } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import { createContest, getAdminContests } from '../../api/admin'
import { canOrganize, getMe } from '../../api/session'
import { Field, FormError, TextArea } from '../../components/field'
import { RoundBadge } from '../../components/round-badge'

const STATUS: Record<string, string> = { draft: 'Bản nháp', published: 'Đã công bố', archived: 'Lưu trữ' }

export default function AdminContests() {
  const contests = createAsync(() => getAdminContests())
  const me = createAsync(() => getMe())
  const [title, setTitle] = createSignal('')
  const [slug, setSlug] = createSignal('')
  const [description, setDescription] = createSignal('')
  const [rules, setRules] = createSignal('')
  const create = useAction(createContest)
  const sub = useSubmission(createContest)
  const navigate = useNavigate()
  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault()
    const c = await create({ title: title(), description: description(), rules: rules(), ...(slug().trim() ? { slug: slug().trim() } : {}) }).catch(() => null)
    if (c) navigate(`/quan-tri/cuoc-thi/${c.id}`)
  }
  return (
    <section class="page">
      <h1>Cuộc thi</h1>
      <Show when={contests()?.length} fallback={<p>Chưa có cuộc thi nào.</p>}>
        <ul class="plain">
          <For each={contests()}>
            {(c) => (
              <li class="card">
                <h2 class="h3"><A href={`/quan-tri/cuoc-thi/${c.id}`}>{c.title}</A> <span class="badge">{STATUS[c.status]}</span></h2>
                <ul class="plain small">
                  <For each={c.rounds}>{(r) => <li>{r.title} <RoundBadge status={r.status} /> · <A href={`/quan-tri/dot/${r.id}/cham`}>Chấm thi</A></li>}</For>
                </ul>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={canOrganize(me()?.role)}>
        <form class="card" onSubmit={onSubmit}>
          <h2 class="h3">Tạo cuộc thi mới</h2>
          <FormError message={sub.error instanceof Error ? sub.error.message : undefined} />
          <Field id="contest-title" label="Tên cuộc thi" value={title()} onInput={setTitle} required />
          <Field id="contest-slug" label="Đường dẫn (không bắt buộc; chữ thường không dấu, số và dấu -)" value={slug()} onInput={setSlug} />
          <TextArea id="contest-description" label="Giới thiệu" value={description()} onInput={setDescription} rows={3} />
          <TextArea id="contest-rules" label="Thể lệ" value={rules()} onInput={setRules} rows={6} hint="Sửa được sau khi tạo, ở trang của cuộc thi." />
          <button type="submit" class="primary" disabled={sub.pending}>Tạo cuộc thi</button>
        </form>
      </Show>
    </section>
  )
}

import { A, createAsync, useAction, useSubmission } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import { createTopic, deleteTopic, getTopics, updateTopic, type Topic, type TopicInput } from '../../api/topics'
import { FormError } from '../../components/field'
import { TopicForm } from './topic-form'

const n = (x: number) => x.toLocaleString('vi-VN')

// The bank's topics (issue 15): what the bank filter and the blueprint builder offer. Imports add the
// categories they meet; here an organizer adds, renames and describes them, and deletes an unused one.
export default function AdminTopics() {
  const topics = createAsync(() => getTopics())
  const [editing, setEditing] = createSignal<Topic | null>(null)
  const [error, setError] = createSignal<string>()
  const add = useAction(createTopic)
  const update = useAction(updateTopic)
  const remove = useAction(deleteTopic)
  const busy = useSubmission(createTopic)
  const attempt = async (work: () => Promise<unknown>) => {
    setError(undefined)
    try { await work(); return true } catch (err) { setError(err instanceof Error ? err.message : String(err)); return false }
  }
  const save = async (input: TopicInput) => {
    const t = editing()
    const ok = await attempt(() => (t ? update(t.id, input) : add(input)))
    if (ok && t) setEditing(null)
    return ok
  }
  return (
    <section class="page wide">
      <p class="small"><A href="/quan-tri/cau-hoi">← Ngân hàng câu hỏi</A></p>
      <h1>Chủ đề câu hỏi</h1>
      <FormError message={error()} />
      <TopicForm editing={editing()} busy={!!busy.pending} onSave={save} onCancel={() => setEditing(null)} />
      <div class="table-wrap">
        <table class="table">
          <thead><tr><th scope="col">Mã</th><th scope="col">Tên</th><th scope="col">Mô tả</th><th scope="col" class="num">Số câu</th><th scope="col" class="num">Đã công bố</th><th scope="col"><span class="sr-only">Thao tác</span></th></tr></thead>
          <tbody>
            <For each={topics()} fallback={<tr><td colspan="6">Chưa có chủ đề nào.</td></tr>}>
              {(t) => (
                <tr>
                  <td class="small"><code>{t.id}</code></td>
                  <td><A href={`/quan-tri/cau-hoi?topic=${encodeURIComponent(t.id)}`}>{t.name}</A></td>
                  <td class="small">{t.description}</td>
                  <td class="num">{n(t.questionCount)}</td>
                  <td class="num">{n(t.publishedCount)}</td>
                  <td class="small">
                    <button type="button" class="small" aria-label={`Sửa chủ đề ${t.name}`} onClick={() => setEditing(t)}>Sửa</button>
                    <Show when={t.questionCount === 0}>
                      <button type="button" class="small" aria-label={`Xóa chủ đề ${t.name}`}
                        onClick={() => { if (confirm(`Xóa chủ đề "${t.name}"? Chủ đề này không còn câu hỏi nào.`)) void attempt(() => remove(t.id)) }}>Xóa</button>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  )
}

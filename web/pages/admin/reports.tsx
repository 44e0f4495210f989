import { A, createAsync } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { getReports } from '../../api/judging'
import { canOrganize, getMe } from '../../api/session'
import { fmtDateTime } from '../../lib/format'

// What participants reported as wrong after review opened; an organizer fixes the key, a judge regrades.
export default function AdminReports() {
  const reports = createAsync(() => getReports())
  const me = createAsync(() => getMe())
  return (
    <section class="page">
      <h1>Phản ánh câu hỏi</h1>
      <p class="muted">Sau khi sửa đáp án trong ngân hàng, vào trang chấm thi của đợt để chấm lại theo mã câu hỏi.</p>
      <Show when={reports()}>
        {(list) => (
          <Show when={list().length} fallback={<p>Chưa có phản ánh nào.</p>}>
            <ul class="plain">
              <For each={list()}>
                {(r) => (
                  <li class="card">
                    <p class="small muted">{fmtDateTime(r.createdAt)} · câu số {r.position} trong lượt thi · mã câu hỏi{' '}
                      <Show when={canOrganize(me()?.role)} fallback={<code>{r.questionId}</code>}>
                        <A href={`/quan-tri/cau-hoi/${encodeURIComponent(r.questionId)}`}>{r.questionId}</A>
                      </Show>
                    </p>
                    <p>{r.message}</p>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </section>
  )
}

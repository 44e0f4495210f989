import { createAsync } from '@solidjs/router'
import { For, Index, Show } from 'solid-js'
import { getTopics, topicName } from '../../api/topics'
import { cell, shortfalls, type BlueprintRow, type Counts } from './bank-counts'

type Props = { rows: BlueprintRow[]; onChange: (rows: BlueprintRow[]) => void; counts?: Counts }

// Rows of topic × difficulty × count, each beside what the bank has published for it. The topics are the
// bank's own, read from the API, so a topic an import just made is offered at once.
export function BlueprintBuilder(props: Props) {
  const topics = createAsync(() => getTopics())
  const topicLabel = (id: string) => topicName(topics(), id)
  const set = (i: number, patch: Partial<BlueprintRow>) => props.onChange(props.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const total = () => props.rows.reduce((s, r) => s + r.count, 0)
  const problems = () => (props.counts ? shortfalls(props.rows, props.counts, topics()) : [])
  const have = (r: BlueprintRow) => (props.counts ? (props.counts.get(cell(r.topic, r.difficulty)) ?? 0) : undefined)
  return (
    <fieldset class="blueprint">
      <legend>Cấu trúc đề (lấy bao nhiêu câu từ chủ đề, độ khó nào)</legend>
      <p class="small muted">Để trống: rút ngẫu nhiên từ toàn bộ câu hỏi đã công bố.</p>
      <Index each={props.rows}>
        {(r, i) => (
          <div class="bp-row" classList={{ invalid: (have(r()) ?? Infinity) < r().count }}>
            <div>
              <label for={`bp-topic-${i}`}>Chủ đề</label>
              <select id={`bp-topic-${i}`} value={r().topic} onChange={(e) => set(i, { topic: e.currentTarget.value })}>
                <option value="">Mọi chủ đề</option>
                <Show when={r().topic && !topics()?.some((t) => t.id === r().topic)}><option value={r().topic}>{r().topic}</option></Show>
                <For each={topics()}>{(t) => <option value={t.id}>{t.name}</option>}</For>
              </select>
            </div>
            <div>
              <label for={`bp-diff-${i}`}>Độ khó</label>
              <select id={`bp-diff-${i}`} value={String(r().difficulty)} onChange={(e) => set(i, { difficulty: e.currentTarget.value ? Number(e.currentTarget.value) : '' })}>
                <option value="">Mọi độ khó</option><option value="1">1 (dễ)</option><option value="2">2 (vừa)</option><option value="3">3 (khó)</option>
              </select>
            </div>
            <div>
              <label for={`bp-count-${i}`}>Số câu</label>
              <input id={`bp-count-${i}`} type="number" min="1" max="200" value={r().count} onInput={(e) => set(i, { count: Math.max(0, Number(e.currentTarget.value) || 0) })} />
            </div>
            <p class="bp-have small" aria-live="polite">Có {have(r()) ?? '…'} câu</p>
            <button type="button" class="small" aria-label={`Xóa dòng ${i + 1}`} onClick={() => props.onChange(props.rows.filter((_, j) => j !== i))}>Xóa</button>
          </div>
        )}
      </Index>
      <button type="button" class="small" onClick={() => props.onChange([...props.rows, { topic: topics()?.[0]?.id ?? '', difficulty: '', count: 1 }])}>+ Thêm dòng</button>
      <Show when={props.rows.length}><p><strong>Tổng: {total()} câu</strong></p></Show>
      <Show when={problems().length}>
        <div class="alert error" role="alert"><strong>Ngân hàng không đủ câu:</strong><ul><For each={problems()}>{(p) => <li>{p}</li>}</For></ul></div>
      </Show>
      <details class="bank-matrix">
        <summary>Số câu đã công bố theo chủ đề và độ khó</summary>
        <Show when={props.counts} fallback={<p>Đang đếm…</p>}>
          {(c) => (
            <div class="table-wrap">
              <table class="table small">
                <thead><tr><th scope="col">Chủ đề</th><th scope="col" class="num">Dễ</th><th scope="col" class="num">Vừa</th><th scope="col" class="num">Khó</th><th scope="col" class="num">Tổng</th></tr></thead>
                <tbody>
                  <For each={['', ...(topics() ?? []).map((t) => t.id)]}>
                    {(id) => (
                      <tr>
                        <th scope="row">{id ? topicLabel(id) : 'Tất cả'}</th>
                        <For each={[1, 2, 3, ''] as const}>{(d) => <td class="num">{c().get(cell(id, d)) ?? 0}</td>}</For>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          )}
        </Show>
      </details>
    </fieldset>
  )
}

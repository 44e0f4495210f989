import { createAsync } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { getItemStats } from '../../api/judging'
import { fmtPercent } from '../../lib/format'

const FLAG = { too_hard: 'Quá khó', too_easy: 'Quá dễ', negative_discrimination: 'Phân biệt ngược' }

// Per question after a round (SPEC §7): facility, discrimination and how often each option was chosen.
export function ItemStats(props: { roundId: string }) {
  const stats = createAsync(() => getItemStats(props.roundId).catch(() => null))
  return (
    <section>
      <h2>Thống kê câu hỏi</h2>
      <div class="actions">
        <a class="button small" href={`/api/admin/rounds/${props.roundId}/item-stats.xlsx`} download="">Tải thống kê (Excel)</a>
        <a class="button small" href={`/api/admin/rounds/${props.roundId}/item-stats.csv`} download="">Tải thống kê (CSV)</a>
      </div>
      <Show when={stats()} fallback={<p class="muted">Chưa có số liệu.</p>}>
        {(s) => (
          <details>
            <summary>{s().items.length} câu hỏi trong {s().attempts} bài đã nộp</summary>
            <div class="table-wrap">
              <table class="table small">
                <thead><tr><th scope="col">Câu hỏi</th><th scope="col" class="num">Số lần ra</th><th scope="col" class="num">Tỷ lệ đúng</th><th scope="col" class="num">Độ phân biệt</th><th scope="col">Phương án được chọn</th><th scope="col">Cảnh báo</th></tr></thead>
                <tbody>
                  <For each={s().items}>
                    {(i) => (
                      <tr>
                        <td><code>{i.questionId}</code> {i.stem.length > 90 ? `${i.stem.slice(0, 90)}…` : i.stem}</td>
                        <td class="num">{i.timesDrawn}</td>
                        <td class="num">{fmtPercent(i.facility)}</td>
                        <td class="num">{i.discrimination == null ? '–' : i.discrimination.toFixed(2).replace('.', ',')}</td>
                        <td>{i.options.map((o) => `${o.key}${o.correct ? '✓' : ''}: ${o.count}`).join(' · ')}</td>
                        <td><For each={i.flags}>{(f) => <span class="flag">⚑ {FLAG[f]}</span>}</For></td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </details>
        )}
      </Show>
    </section>
  )
}

import { A } from '@solidjs/router'
import { For, Show } from 'solid-js'
import type { DashboardRound } from '../../../api/schemas/dashboard'
import { RoundBadge } from '../../components/round-badge'
import { fmtDateTime, fmtScore } from '../../lib/format'

// Every round at a glance: state, window, attempts, finished, people and their mean best score.
export function DashboardRounds(props: { rounds: DashboardRound[] }) {
  return (
    <section class="dashboard-rounds" aria-labelledby="rounds-title">
      <h2 id="rounds-title">Các đợt thi</h2>
      <Show when={props.rounds.length} fallback={<p>Chưa có đợt thi nào.</p>}>
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Đợt</th><th scope="col">Thời gian (giờ Hà Nội)</th><th scope="col" class="num">Lượt thi</th>
                <th scope="col" class="num">Đã hoàn thành</th><th scope="col" class="num">Người dự thi</th><th scope="col" class="num">Điểm trung bình</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.rounds}>
                {(r) => (
                  <tr data-round={r.id}>
                    <td><A href={`/quan-tri/dot/${r.id}/cham`}>{r.number}. {r.title}</A> <RoundBadge status={r.status} /></td>
                    <td class="small">{fmtDateTime(r.opensAt)} – {fmtDateTime(r.closesAt)}</td>
                    <td class="num">{r.attempts}</td><td class="num">{r.finished}</td><td class="num">{r.participants}</td>
                    <td class="num">{r.meanScore == null ? '–' : `${fmtScore(r.meanScore)}${r.maxScore == null ? '' : ` / ${fmtScore(r.maxScore)}`}`}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  )
}

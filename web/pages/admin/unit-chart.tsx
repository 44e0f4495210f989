import { For, Show } from 'solid-js'
import type { UnitsLeaderboardEntry } from '../../../api/schemas/wire'
import { fmtPercent } from '../../lib/format'

type UnitBar = Pick<UnitsLeaderboardEntry, 'unitId' | 'unitName' | 'participants' | 'headcount' | 'participationRate'>

// Participation per unit as horizontal bars: the rate where a headcount exists, else the share of participants.
// Each bar's label says its numbers; the dashboard adds a full table.
export function UnitChart(props: { entries: UnitBar[]; caption?: string }) {
  const maxPeople = () => Math.max(1, ...props.entries.map((e) => e.participants))
  const width = (e: UnitBar) => (e.participationRate != null ? Math.min(1, e.participationRate) : e.participants / maxPeople()) * 100
  return (
    <Show when={props.entries.length} fallback={<p>Chưa có đơn vị.</p>}>
      <figure class="chart">
        <figcaption class="small muted">{props.caption ?? 'Tỷ lệ tham gia = số người dự thi / số thành viên của đơn vị (cả đơn vị con).'}</figcaption>
        <ul class="plain bars">
          <For each={props.entries}>
            {(e) => (
              <li data-unit={e.unitId}>
                <span class="bar-label">{e.unitName}</span>
                <span class="bar-track" role="img" aria-label={`${e.unitName}: ${e.participants} người, ${fmtPercent(e.participationRate)}`}>
                  <span class="bar" style={{ width: `${width(e)}%` }} />
                </span>
                <span class="bar-value">{e.participants}/{e.headcount ?? '–'} · {fmtPercent(e.participationRate)}</span>
              </li>
            )}
          </For>
        </ul>
      </figure>
    </Show>
  )
}

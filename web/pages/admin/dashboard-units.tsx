import { createMemo, createSignal, For, Show } from 'solid-js'
import type { DashboardUnit } from '../../../api/schemas/dashboard'
import { peopleExportHref } from '../../api/people'
import { fmtPercent } from '../../lib/format'
import { UnitChart } from './unit-chart'

const CHART_ROWS = 12

// Participation per unit, furthest behind first, one level of the tree at a time (a province has a
// thousand units: the chart shows the dozen furthest behind at the chosen level, the table all of them).
export function DashboardUnits(props: { contestId: string; units: DashboardUnit[] }) {
  const levels = createMemo(() => [...new Set(props.units.map((u) => u.depth))].sort((a, b) => a - b))
  // With one root, its children are the level worth comparing.
  const [level, setLevel] = createSignal<number | null>(null)
  const shown = () => level() ?? (props.units.filter((u) => u.depth === 0).length > 1 ? 0 : Math.min(1, levels().at(-1) ?? 0))
  const rows = createMemo(() => props.units.filter((u) => u.depth === shown()))
  const top = () => rows().slice(0, CHART_ROWS)
  return (
    <section class="dashboard-units" aria-labelledby="units-title">
      <h2 id="units-title">Tỷ lệ tham gia theo đơn vị</h2>
      <Show when={props.units.length} fallback={<p>Cuộc thi chưa có đơn vị.</p>}>
        <div class="field inline">
          <label for="units-level">Cấp đơn vị</label>
          <select id="units-level" value={shown()} onChange={(e) => setLevel(Number(e.currentTarget.value))}>
            <For each={levels()}>{(d) => <option value={d}>Cấp {d + 1}</option>}</For>
          </select>
        </div>
        <p class="small">
          {rows().length > CHART_ROWS ? `${CHART_ROWS} trong ${rows().length} đơn vị cấp ${shown() + 1} có tỷ lệ thấp nhất` : `${rows().length} đơn vị cấp ${shown() + 1}`},
          {' '}thấp nhất ở trên; đơn vị chưa có số thành viên xếp cuối.
        </p>
        <UnitChart entries={top()} caption="Tỷ lệ tham gia = số người đã thi (có ít nhất một lượt hoàn thành, không bị truất quyền) / số thành viên của đơn vị (cả đơn vị con)." />
        <details class="units-table">
          <summary>Xem dạng bảng ({rows().length} đơn vị)</summary>
          <div class="table-wrap">
            <table class="table">
              <thead>
                <tr><th scope="col">Đơn vị</th><th scope="col" class="num">Đã đăng ký</th><th scope="col" class="num">Đã thi</th><th scope="col" class="num">Thành viên</th><th scope="col" class="num">Tỷ lệ tham gia</th><th scope="col">Danh sách</th></tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(u) => (
                    <tr data-unit={u.unitId}>
                      <td>{u.unitName}</td><td class="num">{u.registered}</td><td class="num">{u.participants}</td>
                      <td class="num">{u.headcount ?? '–'}</td><td class="num">{fmtPercent(u.participationRate)}</td>
                      <td class="links"><a href={peopleExportHref(props.contestId, 'xlsx', { unitId: u.unitId })} download="" aria-label={`Tải danh sách thí sinh của ${u.unitName} (Excel)`}>Excel</a></td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </details>
      </Show>
    </section>
  )
}

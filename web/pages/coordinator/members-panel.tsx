import { createAsync } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { getUnitMembers, membersFileUrl, type MembersFilter } from '../../api/coordinators'
import { fmtDateTime, fmtPercent, fmtScore } from '../../lib/format'

const SHOWN = 1000
type Props = { unitId: string; filter: MembersFilter; onFilter: (f: Partial<MembersFilter>) => void }

// One unit's members (its whole subtree) in the chosen round: counts, the "Chưa thi" filter, a name
// search and the file exports with the same filters.
export function MembersPanel(props: Props) {
  const page = createAsync(() => getUnitMembers(props.unitId, props.filter))
  const tookTab = (value: MembersFilter['took'], label: string) => (
    <button type="button" role="tab" aria-selected={props.filter.took === value} onClick={() => props.onFilter({ took: value })}>{label}</button>
  )
  return (
    <Show when={page()}>
      {(p) => (
        <section class="coord-members" aria-labelledby="members-title">
          <h2 id="members-title">{p().unit.name}</h2>
          <p class="coord-counts" id="members-counts">
            Đã thi: <strong>{p().counts.took}</strong> / {p().counts.total} người đăng ký
            <Show when={p().counts.headcount}>{(h) => <> · Số đảng viên: {h()} (tham gia {fmtPercent(p().counts.took / h())})</>}</Show>
          </p>
          <div class="tabs" role="tablist" aria-label="Lọc theo tình trạng thi">
            {tookTab(undefined, 'Tất cả')}{tookTab('true', 'Đã thi')}{tookTab('false', 'Chưa thi')}
          </div>
          <div class="actions">
            <label class="sr-only" for="members-q">Tìm theo họ tên</label>
            <input id="members-q" type="search" placeholder="Tìm theo họ tên" value={props.filter.q ?? ''} onChange={(e) => props.onFilter({ q: e.currentTarget.value })} />
            <a class="button" href={membersFileUrl(props.unitId, props.filter, 'xlsx')} download="">Tải Excel</a>
            <a class="button" href={membersFileUrl(props.unitId, props.filter, 'csv')} download="">Tải CSV</a>
          </div>
          <Show when={p().members.length} fallback={<p>Không có ai trong danh sách này.</p>}>
            <div class="table-wrap">
              <table class="table" id="members-table">
                <thead><tr><th scope="col">Họ và tên</th><th scope="col">Đơn vị</th><th scope="col">Đã thi</th><th scope="col" class="num">Điểm cao nhất</th><th scope="col" class="when">Lần thi gần nhất</th></tr></thead>
                <tbody>
                  <For each={p().members.slice(0, SHOWN)}>
                    {(m) => (
                      <tr>
                        <td>{m.fullName}</td><td>{m.unitName}</td><td>{m.took ? 'Đã thi' : 'Chưa thi'}</td>
                        <td class="num">{m.bestScore == null ? '–' : `${fmtScore(m.bestScore)}/${fmtScore(m.maxScore ?? 0)}`}</td>
                        <td class="small when">{m.lastFinishedAt ? fmtDateTime(m.lastFinishedAt) : ''}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Show when={p().members.length > SHOWN}><p class="small muted">Hiển thị {SHOWN} trên {p().members.length} người; tải tệp để xem đủ.</p></Show>
          </Show>
        </section>
      )}
    </Show>
  )
}

import { createAsync, Navigate, useSearchParams } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { getCoordinatorOverview, type MembersFilter } from '../../api/coordinators'
import { getMe } from '../../api/session'
import { fmtDateTime } from '../../lib/format'
import { useTitle } from '../../lib/title'
import { MembersPanel } from './members-panel'
import { CoordinatorUnitTree } from './unit-tree'

type Search = { unit?: string; round?: string; took?: string; q?: string }
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined

// /dieu-phoi: a coordinator's console. The unit, round and filters live in the address, so "who has not
// taken the current round" is a link away (?took=false).
export default function CoordinatorConsole() {
  const me = createAsync(() => getMe())
  const [search, setSearch] = useSearchParams<Search>()
  const roundId = () => one(search.round)
  const overview = createAsync(async () => (me()?.role === 'coordinator' ? getCoordinatorOverview(roundId()) : undefined))
  useTitle(() => 'Điều phối đơn vị')
  const unitId = () => one(search.unit) ?? overview()?.rootUnitId
  const filter = (): MembersFilter => {
    const took = one(search.took)
    return { roundId: overview()?.round?.id, took: took === 'true' || took === 'false' ? took : undefined, q: one(search.q) }
  }
  const setFilter = (f: Partial<MembersFilter>) => setSearch({ ...('took' in f ? { took: f.took ?? '' } : {}), ...('q' in f ? { q: f.q ?? '' } : {}) })
  return (
    <Show when={me() !== undefined}>
      <Show when={me()?.role === 'coordinator'} fallback={<Navigate href="/dang-nhap?next=/dieu-phoi" />}>
        <Show when={overview()}>
          {(o) => (
            <section class="page coord">
              <h1>Điều phối đơn vị</h1>
              <p>{o().contest.title}</p>
              <div class="field coord-round">
                <label for="coord-round">Đợt thi</label>
                <Show when={o().rounds.length} fallback={<p>Cuộc thi chưa có đợt thi nào.</p>}>
                  <select id="coord-round" value={o().round?.id ?? ''} onChange={(e) => setSearch({ round: e.currentTarget.value })}>
                    <For each={o().rounds}>
                      {(r) => <option value={r.id}>{r.number}. {r.title} ({fmtDateTime(r.opensAt)} – {fmtDateTime(r.closesAt)}){r.id === o().currentRoundId ? ' · hiện tại' : ''}</option>}
                    </For>
                  </select>
                </Show>
              </div>
              <div class="coord-layout">
                <CoordinatorUnitTree units={o().units} rootId={o().rootUnitId} selected={unitId() ?? ''} onSelect={(id) => setSearch({ unit: id })} />
                <Show when={unitId()}>{(id) => <MembersPanel unitId={id()} filter={filter()} onFilter={setFilter} />}</Show>
              </div>
            </section>
          )}
        </Show>
      </Show>
    </Show>
  )
}

import { createSignal, For, Show } from 'solid-js'
import type { RoundSummary, Unit } from '../../../api/schemas/wire'
import type { PeopleFilters } from '../../api/people'
import { parseDay } from '../../lib/day-input'
import { unitTreeRows } from '../../lib/unit-tree-rows'

type Props = { units: Unit[]; rounds: RoundSummary[]; onApply: (f: PeopleFilters) => void }

// The list's filters, applied together with "Lọc". Dates are typed dd/mm/yyyy (Hà Nội days), so the
// field does not follow the browser's language.
export function PeopleFiltersForm(props: Props) {
  const [unitId, setUnitId] = createSignal('')
  const [from, setFrom] = createSignal('')
  const [to, setTo] = createSignal('')
  const [took, setTook] = createSignal('')
  const [roundId, setRoundId] = createSignal('')
  const [q, setQ] = createSignal('')
  const [error, setError] = createSignal('')
  const apply = (e: SubmitEvent) => {
    e.preventDefault()
    const f = parseDay(from())
    const t = parseDay(to())
    if (f === null || t === null) return setError('Ngày phải theo dạng ngày/tháng/năm, ví dụ 05/03/2026.')
    if (f && t && f > t) return setError('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.')
    setError('')
    props.onApply({ unitId: unitId() || undefined, from: f || undefined, to: t || undefined, took: (took() || undefined) as PeopleFilters['took'], roundId: roundId() || undefined, q: q().trim() || undefined })
  }
  return (
    <form class="card people-filters" aria-label="Lọc danh sách thí sinh" onSubmit={apply}>
      <div class="field">
        <label for="pf-unit">Đơn vị (gồm cả đơn vị con)</label>
        <select id="pf-unit" value={unitId()} onChange={(e) => setUnitId(e.currentTarget.value)}>
          <option value="">Tất cả đơn vị</option>
          <For each={unitTreeRows(props.units)}>{(r) => <option value={r.unit.id}>{'\u00a0\u00a0'.repeat(r.depth)}{r.unit.name}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="pf-from">Đăng ký từ ngày</label>
        <input id="pf-from" inputmode="numeric" placeholder="dd/mm/yyyy" value={from()} onInput={(e) => setFrom(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="pf-to">đến ngày</label>
        <input id="pf-to" inputmode="numeric" placeholder="dd/mm/yyyy" value={to()} onInput={(e) => setTo(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="pf-took">Đã thi</label>
        <select id="pf-took" value={took()} onChange={(e) => setTook(e.currentTarget.value)}>
          <option value="">Tất cả</option><option value="yes">Đã thi</option><option value="no">Chưa thi</option>
        </select>
      </div>
      <div class="field">
        <label for="pf-round">Trong đợt</label>
        <select id="pf-round" value={roundId()} onChange={(e) => setRoundId(e.currentTarget.value)}>
          <option value="">Bất kỳ đợt nào</option>
          <For each={props.rounds}>{(r) => <option value={r.id}>{r.number}. {r.title}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="pf-q">Họ tên chứa</label>
        <input id="pf-q" type="search" value={q()} onInput={(e) => setQ(e.currentTarget.value)} maxLength={100} autocomplete="off" />
      </div>
      <button type="submit" class="primary">Lọc</button>
      <Show when={error()}><p class="error" role="alert">{error()}</p></Show>
    </form>
  )
}

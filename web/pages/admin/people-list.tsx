import { A, createAsync } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import { getAdminContest, getAdminUnits } from '../../api/admin'
import { listPeople, peopleExportHref, type PeopleFilters } from '../../api/people'
import { Pager } from '../../components/pager'
import { fmtDateTime, fmtIsoDay, fmtScore } from '../../lib/format'
import { PeopleFiltersForm } from './people-filters'

type Sort = NonNullable<PeopleFilters['sort']>
const LIMIT = 50
const COLUMNS: { key: Sort | null; label: string; num?: boolean }[] = [
  { key: 'name', label: 'Họ và tên' }, { key: null, label: 'Ngày sinh' }, { key: null, label: 'Số điện thoại' }, { key: 'unit', label: 'Đơn vị' },
  { key: 'registeredAt', label: 'Đăng ký lúc' }, { key: 'attempts', label: 'Lượt đã thi', num: true }, { key: null, label: 'Điểm cao nhất', num: true },
]

// A contest's people: filtered, sorted by a column header, a page at a time, and exported as filtered.
export function PeopleList(props: { contestId: string }) {
  const contest = createAsync(() => getAdminContest(props.contestId))
  const units = createAsync(() => getAdminUnits(props.contestId))
  const [filters, setFilters] = createSignal<PeopleFilters>({})
  const [sort, setSort] = createSignal<Sort>('name')
  const [order, setOrder] = createSignal<'asc' | 'desc'>('asc')
  const [offset, setOffset] = createSignal(0)
  const page = createAsync(() => listPeople(props.contestId, { ...filters(), sort: sort(), order: order(), limit: LIMIT, offset: offset() }))
  const sortBy = (key: Sort) => {
    setOrder(sort() === key && order() === 'asc' ? 'desc' : 'asc')
    setSort(key)
    setOffset(0)
  }
  const ariaSort = (key: Sort | null) => (key && sort() === key ? (order() === 'asc' ? 'ascending' : 'descending') : undefined)
  return (
    <section class="people-list-section" aria-labelledby="people-list-title">
      <h2 id="people-list-title">Danh sách thí sinh<Show when={contest()}>{(c) => <> · {c().title}</>}</Show></h2>
      <PeopleFiltersForm units={units() ?? []} rounds={contest()?.rounds ?? []} onApply={(f) => { setFilters(f); setOffset(0) }} />
      <p class="links">
        Xuất danh sách đang lọc: <a href={peopleExportHref(props.contestId, 'xlsx', filters())} download="">Excel (.xlsx)</a>
        <a href={peopleExportHref(props.contestId, 'csv', filters())} download="">CSV</a>
      </p>
      <Show when={page()}>
        {(p) => (
          <>
            <p aria-live="polite" class="people-count">{p().total ? `${p().total} thí sinh.` : 'Không có thí sinh nào khớp với bộ lọc.'}</p>
            <Show when={p().people.length}>
              <div class="table-wrap">
                <table class="table people-list">
                  <thead>
                    <tr>
                      <For each={COLUMNS}>
                        {(col) => (
                          <th scope="col" classList={{ num: !!col.num }} aria-sort={ariaSort(col.key)}>
                            <Show when={col.key} fallback={col.label}>
                              {(key) => <button type="button" onClick={() => sortBy(key())}>{col.label}{sort() === key() ? (order() === 'asc' ? ' ▲' : ' ▼') : ''}</button>}
                            </Show>
                          </th>
                        )}
                      </For>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={p().people}>
                      {(r) => (
                        <tr data-participant={r.id}>
                          <td><A href={`/quan-tri/thi-sinh/${r.id}`}>{r.fullName}</A></td>
                          <td>{fmtIsoDay(r.dateOfBirth)}</td><td class="mono">{r.phone}</td><td>{r.unitName}</td>
                          <td class="small">{fmtDateTime(r.registeredAt)}</td><td class="num">{r.attempts}</td>
                          <td class="num">{r.bestScore == null ? '–' : fmtScore(r.bestScore)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <Pager offset={offset()} limit={LIMIT} total={p().total} onPage={setOffset} />
            </Show>
          </>
        )}
      </Show>
    </section>
  )
}

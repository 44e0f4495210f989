import { A, createAsync, revalidate, useAction, useParams, useSubmission } from '@solidjs/router'
import { createMemo, createSignal, For, Show } from 'solid-js'
import type { Unit } from '../../../api/schemas/wire'
import { getAdminContest, getAdminUnits, upsertUnits } from '../../api/admin'
import { deleteUnit } from '../../api/units'
import { Dialog } from '../../components/dialog'
import { FormError } from '../../components/field'
import { searchUnitRows, unitTreeRows, visibleUnitRows, type UnitTreeRow } from '../../lib/unit-tree-rows'
import { UnitForm } from './unit-form'
import { UnitImport } from './unit-import'

// A big tree opens folded to its top two levels; a small one opens whole.
const OPEN_WHOLE_UP_TO = 150

function membersText(r: UnitTreeRow) {
  if (r.members == null) return 'chưa có số thành viên'
  const n = r.members.toLocaleString('vi-VN')
  return r.summed ? `${n} thành viên (tổng các đơn vị con)` : `${n} thành viên`
}

export default function AdminUnits() {
  const params = useParams<{ contestId: string }>()
  const contest = createAsync(() => getAdminContest(params.contestId))
  const fetched = createAsync(() => getAdminUnits(params.contestId))
  const units = () => fetched() ?? []
  const rows = createMemo(() => unitTreeRows(units()))
  const [editing, setEditing] = createSignal<Unit | null>(null)
  const [query, setQuery] = createSignal('')
  // Folded units by id; null until the first list arrives, which then picks the opening state.
  const [folded, setFolded] = createSignal<Set<string> | null>(null)
  const [removing, setRemoving] = createSignal<Unit | null>(null)
  const save = useAction(upsertUnits)
  const sub = useSubmission(upsertUnits)
  const remove = useAction(deleteUnit)
  const removal = useSubmission(deleteUnit)
  const foldedNow = () => folded() ?? new Set(rows().length > OPEN_WHOLE_UP_TO ? rows().filter((r) => r.depth >= 1 && r.childCount).map((r) => r.unit.id) : [])
  const found = createMemo(() => searchUnitRows(rows(), query()))
  // While searching every match shows, whatever is folded.
  const shown = createMemo(() => (query().trim() ? found().rows : visibleUnitRows(rows(), foldedNow())))
  const toggle = (id: string) => {
    const next = new Set(foldedNow())
    if (next.has(id)) next.delete(id)
    else next.add(id)
    setFolded(next)
  }
  const submit = async (list: Parameters<typeof save>[1]) => {
    const result = await save(params.contestId, list).catch(() => null)
    if (result) setEditing(null)
    return !!result
  }
  const confirmRemove = async () => {
    const unit = removing()
    setRemoving(null)
    if (unit) await remove(params.contestId, unit.id).catch(() => undefined)
  }
  const codeOf = (id: string | null) => units().find((u) => u.id === id)?.code
  const errorOf = (e: unknown) => (e instanceof Error ? e.message : undefined)
  return (
    <section class="page">
      <p class="small"><A href={`/quan-tri/cuoc-thi/${params.contestId}`}>‹ {contest()?.title ?? 'Cuộc thi'}</A></p>
      <h1>Cây đơn vị</h1>
      <FormError message={errorOf(sub.error) ?? errorOf(removal.error)} />
      <div class="two-col">
        <div>
          <Show when={units().length} fallback={<p>Chưa có đơn vị nào.</p>}>
            <div class="unit-tools">
              <label for="unit-search">Tìm đơn vị (tên, mã; có dấu hoặc không dấu)</label>
              <input id="unit-search" type="search" value={query()} onInput={(e) => setQuery(e.currentTarget.value)} autocomplete="off" />
              <p class="small">
                <button type="button" class="link" onClick={() => setFolded(new Set())}>Mở rộng tất cả</button>{' · '}
                <button type="button" class="link" onClick={() => setFolded(new Set(rows().filter((r) => r.childCount).map((r) => r.unit.id)))}>Thu gọn tất cả</button>
                <Show when={query().trim()}> · <span role="status">{found().matched.size} đơn vị khớp</span></Show>
              </p>
            </div>
            <ul class="plain unit-tree">
              <For each={shown()}>
                {(row) => (
                  <li style={{ 'padding-left': `${row.depth * 1.25}rem` }} classList={{ match: found().matched.has(row.unit.id) }}>
                    <Show when={row.childCount && !query().trim()} fallback={<span class="tree-toggle" aria-hidden="true" />}>
                      <button type="button" class="tree-toggle link" aria-expanded={!foldedNow().has(row.unit.id)} onClick={() => toggle(row.unit.id)}
                        aria-label={`${foldedNow().has(row.unit.id) ? 'Mở' : 'Thu gọn'} ${row.unit.name}`}>{foldedNow().has(row.unit.id) ? '▸' : '▾'}</button>
                    </Show>
                    <span class="muted small">{row.unit.code}</span> {row.unit.name}
                    <span class="muted small"> · {membersText(row)}</span>{' '}
                    <button type="button" class="small link" onClick={() => setEditing(row.unit)} aria-label={`Sửa ${row.unit.name}`}>Sửa</button>{' '}
                    <button type="button" class="small link danger" onClick={() => setRemoving(row.unit)} aria-label={`Xóa ${row.unit.name}`}>Xóa</button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </div>
        <div>
          <UnitForm units={units()} editing={editing()} parentCode={codeOf(editing()?.parentId ?? null)} busy={!!sub.pending}
            onCancel={() => setEditing(null)} onSave={(u) => submit([u])} />
          <UnitImport contestId={params.contestId} onImported={() => void revalidate('admin-units')} />
        </div>
      </div>
      <Dialog id="delete-unit" open={!!removing()} title="Xóa đơn vị?" onClose={() => setRemoving(null)}>
        <p>Xóa đơn vị <strong>{removing()?.name}</strong> ({removing()?.code})? Chỉ xóa được đơn vị chưa có đơn vị con, người dự thi hay điều phối viên.</p>
        <div class="dialog-actions">
          <button type="button" onClick={() => setRemoving(null)}>Hủy</button>
          <button type="button" class="primary" id="confirm-delete-unit" onClick={() => void confirmRemove()}>Xóa đơn vị</button>
        </div>
      </Dialog>
    </section>
  )
}

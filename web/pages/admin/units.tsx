import { A, createAsync, revalidate, useAction, useParams, useSubmission } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import type { Unit } from '../../../api/schemas/wire'
import { getAdminContest, getAdminUnits, upsertUnits } from '../../api/admin'
import { FormError } from '../../components/field'
import { UnitForm } from './unit-form'
import { UnitImport } from './unit-import'

function ordered(units: Unit[]) {
  const kids = new Map<string | null, Unit[]>()
  for (const u of units) kids.set(u.parentId, [...(kids.get(u.parentId) ?? []), u])
  const out: { unit: Unit; depth: number }[] = []
  const walk = (p: string | null, d: number) => { for (const u of kids.get(p) ?? []) { out.push({ unit: u, depth: d }); walk(u.id, d + 1) } }
  walk(null, 0)
  return out
}

export default function AdminUnits() {
  const params = useParams<{ contestId: string }>()
  const contest = createAsync(() => getAdminContest(params.contestId))
  const fetched = createAsync(() => getAdminUnits(params.contestId))
  const units = () => fetched() ?? []
  const [editing, setEditing] = createSignal<Unit | null>(null)
  const save = useAction(upsertUnits)
  const sub = useSubmission(upsertUnits)
  const submit = async (rows: Parameters<typeof save>[1]) => {
    const result = await save(params.contestId, rows).catch(() => null)
    if (result) setEditing(null)
    return !!result
  }
  const codeOf = (id: string | null) => units().find((u) => u.id === id)?.code
  return (
    <section class="page">
      <p class="small"><A href={`/quan-tri/cuoc-thi/${params.contestId}`}>‹ {contest()?.title ?? 'Cuộc thi'}</A></p>
      <h1>Cây đơn vị</h1>
      <FormError message={sub.error instanceof Error ? sub.error.message : undefined} />
      <div class="two-col">
        <div>
          <Show when={units().length} fallback={<p>Chưa có đơn vị nào.</p>}>
            <ul class="plain unit-tree">
              <For each={ordered(units())}>
                {(row) => (
                  <li style={{ 'padding-left': `${row.depth * 1.25}rem` }}>
                    <span class="muted small">{row.unit.code}</span> {row.unit.name}
                    <span class="muted small"> · {row.unit.headcount ?? '–'} thành viên</span>{' '}
                    <button type="button" class="small link" onClick={() => setEditing(row.unit)} aria-label={`Sửa ${row.unit.name}`}>Sửa</button>
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
    </section>
  )
}

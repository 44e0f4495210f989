import { createEffect, createMemo, createSignal, Show } from 'solid-js'
import type { Unit } from '../../../api/schemas/wire'
import { Field } from '../../components/field'
import { UnitPicker } from '../../components/unit-picker'
import type { UnitsInput } from '../../../api/schemas/admin'

type UnitRow = UnitsInput['units'][number]

type Props = { units: Unit[]; editing: Unit | null; parentCode?: string; busy: boolean; onSave: (u: UnitRow) => Promise<boolean>; onCancel: () => void }

// An edit states every field (an empty one clears it: a top-level unit, a headcount summed from its children);
// the server keeps what a row omits, so a new unit simply leaves the empty fields out.
export function unitRow(code: string, name: string, parentCode: string, headcount: string, editing: boolean): UnitRow {
  const clear = editing ? null : undefined
  return { code: code.trim(), name: name.trim(), parentCode: parentCode || clear, headcount: headcount.trim() ? Number(headcount.trim()) : clear }
}

// Add a unit or edit one; the API upserts by code, so the code of an existing unit is fixed.
export function UnitForm(props: Props) {
  const [code, setCode] = createSignal('')
  const [name, setName] = createSignal('')
  const [parent, setParent] = createSignal('')
  const [headcount, setHeadcount] = createSignal('')
  const [error, setError] = createSignal<string>()
  createEffect(() => {
    const u = props.editing
    setCode(u?.code ?? ''); setName(u?.name ?? ''); setParent(props.parentCode ?? ''); setHeadcount(u?.headcount == null ? '' : String(u.headcount))
  })
  // A unit cannot hang under itself or anything below it: those are left out of the parent picker.
  const ownSubtree = createMemo(() => {
    const root = props.editing?.id
    const inside = new Set<string>(root ? [root] : [])
    if (!root) return inside
    for (let grew = true; grew;) {
      grew = false
      for (const u of props.units) if (u.parentId && inside.has(u.parentId) && !inside.has(u.id)) { inside.add(u.id); grew = true }
    }
    return inside
  })
  const parentId = () => props.units.find((u) => u.code === parent())?.id ?? null
  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault()
    if (headcount().trim() && !/^\d+$/.test(headcount().trim())) return setError('Số thành viên phải là số nguyên.')
    setError(undefined)
    const ok = await props.onSave(unitRow(code(), name(), parent(), headcount(), !!props.editing))
    if (ok && !props.editing) { setCode(''); setName(''); setHeadcount('') }
  }
  return (
    <form class="card" onSubmit={onSubmit}>
      <h2 class="h3">{props.editing ? `Sửa đơn vị ${props.editing.code}` : 'Thêm đơn vị'}</h2>
      <Show when={error()}><p class="error" role="alert">{error()}</p></Show>
      <Show when={!props.editing}><Field id="unit-code" label="Mã đơn vị" value={code()} onInput={setCode} required /></Show>
      <Field id="unit-name" label="Tên đơn vị" value={name()} onInput={setName} required />
      <UnitPicker id="unit-parent" label="Đơn vị cấp trên" units={props.units} value={parentId()} noneLabel="(cấp cao nhất)" showPath
        exclude={(u) => ownSubtree().has(u.id)} onChange={(id) => setParent(props.units.find((u) => u.id === id)?.code ?? '')} />
      <Field id="unit-headcount" label="Số thành viên (để trống: cộng từ đơn vị con)" inputmode="numeric" value={headcount()} onInput={setHeadcount} />
      <button type="submit" class="primary" disabled={props.busy}>{props.editing ? 'Lưu thay đổi' : 'Thêm đơn vị'}</button>
      <Show when={props.editing}> <button type="button" onClick={() => props.onCancel()}>Hủy</button></Show>
    </form>
  )
}

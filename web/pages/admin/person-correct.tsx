import { createAsync, useAction, useSubmission } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import type { PersonDetail } from '../../../api/schemas/people'
import { getAdminUnits } from '../../api/admin'
import { fieldErrors } from '../../api/client'
import { correctPerson } from '../../api/people'
import { Field, FormError } from '../../components/field'
import { unitTreeRows } from '../../lib/unit-tree-rows'

type Props = { person: PersonDetail['participant']; onSaved: () => void }

// An organizer corrects the name (everywhere) and the unit in each contest; audited, and the boards follow.
export function PersonCorrect(props: Props) {
  const save = useAction(correctPerson)
  const sub = useSubmission(correctPerson)
  const [name, setName] = createSignal(props.person.fullName)
  const [units, setUnits] = createSignal<Record<string, string>>({})
  const [done, setDone] = createSignal('')
  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    setDone('')
    let changed = false
    if (name().trim() !== props.person.fullName) changed = (await save(props.person.id, { fullName: name() }).catch(() => null))?.changed || changed
    for (const [contestId, unitId] of Object.entries(units())) {
      const was = props.person.units.find((u) => u.contestId === contestId)?.unitId
      if (unitId && unitId !== was) changed = (await save(props.person.id, { unitId }).catch(() => null))?.changed || changed
    }
    if (sub.error) return
    setDone(changed ? 'Đã lưu. Bảng xếp hạng hiện thông tin mới.' : 'Không có gì thay đổi.')
    props.onSaved()
  }
  return (
    <form class="card person-correct" onSubmit={(e) => void submit(e)} aria-labelledby="correct-title">
      <h2 id="correct-title">Sửa thông tin</h2>
      <Field id="correct-name" label="Họ và tên" value={name()} onInput={setName} error={fieldErrors(sub.error).fullName} />
      <For each={props.person.units}>
        {(u) => <ContestUnit contestId={u.contestId} contestTitle={u.contestTitle} value={units()[u.contestId] ?? u.unitId} onChange={(id) => setUnits({ ...units(), [u.contestId]: id })} />}
      </For>
      <FormError message={sub.error instanceof Error ? sub.error.message : undefined} />
      <Show when={done()}><p role="status">{done()}</p></Show>
      <button type="submit" class="primary" disabled={!!sub.pending}>Lưu thay đổi</button>
    </form>
  )
}

function ContestUnit(props: { contestId: string; contestTitle: string; value: string; onChange: (id: string) => void }) {
  const units = createAsync(() => getAdminUnits(props.contestId))
  const id = `correct-unit-${props.contestId}`
  return (
    <div class="field">
      <label for={id}>Đơn vị trong “{props.contestTitle}”</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <For each={unitTreeRows(units() ?? [])}>{(r) => <option value={r.unit.id} selected={r.unit.id === props.value}>{'\u00a0\u00a0'.repeat(r.depth)}{r.unit.name}</option>}</For>
      </select>
    </div>
  )
}

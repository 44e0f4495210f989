import { createMemo, For, Show } from 'solid-js'
import type { CoordinatorUnit } from '../../../api/schemas/wire'

type Row = { unit: CoordinatorUnit; depth: number }

// The coordinator's units in tree order, each with "đã thi / đăng ký" for the round (and the headcount
// when the organizer entered one); choosing a unit shows its members.
export function CoordinatorUnitTree(props: { units: CoordinatorUnit[]; rootId: string; selected: string; onSelect: (id: string) => void }) {
  const rows = createMemo(() => {
    const children = new Map<string, CoordinatorUnit[]>()
    for (const u of props.units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u])
    const out: Row[] = []
    const walk = (u: CoordinatorUnit, depth: number) => {
      out.push({ unit: u, depth })
      for (const c of children.get(u.id) ?? []) walk(c, depth + 1)
    }
    const root = props.units.find((u) => u.id === props.rootId)
    if (root) walk(root, 0)
    return out
  })
  return (
    <nav class="coord-tree" aria-label="Cây đơn vị">
      <ul>
        <For each={rows()}>
          {(r) => (
            <li style={{ 'padding-left': `${r.depth * 1.1}rem` }}>
              <button type="button" class="link" aria-current={props.selected === r.unit.id ? 'true' : undefined} onClick={() => props.onSelect(r.unit.id)}>
                {r.unit.name}
              </button>
              <span class="small muted"> {r.unit.took}/{r.unit.total} đã thi<Show when={r.unit.headcount != null}> · {r.unit.headcount} đảng viên</Show></span>
            </li>
          )}
        </For>
      </ul>
    </nav>
  )
}

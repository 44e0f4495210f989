import { createMemo, createSignal, For, Show } from 'solid-js'
import type { Unit } from '../../api/schemas/wire'
import { t } from '../i18n'
import { fold } from '../lib/fold'

type Props = { id: string; label: string; units: Unit[]; value: string | null; onChange: (id: string) => void; error?: string }
type Row = { unit: Unit; depth: number; path: string; folded: string }
const SHOW = 40

// Units in tree order with their path, so "Chi bộ Phòng 1" can be told apart under different parents.
function treeRows(units: Unit[]): Row[] {
  const children = new Map<string | null, Unit[]>()
  const ids = new Set(units.map((u) => u.id))
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), u])
  }
  const rows: Row[] = []
  const walk = (parent: string | null, depth: number, trail: string[]) => {
    for (const u of children.get(parent) ?? []) {
      rows.push({ unit: u, depth, path: trail.join(' › '), folded: fold(`${u.name} ${u.code} ${trail.join(' ')}`) })
      walk(u.id, depth + 1, [...trail, u.name])
    }
  }
  walk(null, 0, [])
  return rows
}

export function UnitPicker(props: Props) {
  const [q, setQ] = createSignal('')
  const rows = createMemo(() => treeRows(props.units))
  const matches = createMemo(() => {
    const words = fold(q()).split(/\s+/).filter(Boolean)
    return words.length ? rows().filter((r) => words.every((w) => r.folded.includes(w))) : rows()
  })
  const chosen = () => rows().find((r) => r.unit.id === props.value)
  return (
    <fieldset class="field unit-picker" classList={{ invalid: !!props.error }} aria-describedby={props.error ? `${props.id}-error` : undefined}>
      <legend>{props.label}</legend>
      <Show when={chosen()}>
        {(c) => <p class="chosen" aria-live="polite">{t('unit.chosen')}: <strong>{c().unit.name}</strong><Show when={c().path}> <span class="muted">({c().path})</span></Show></p>}
      </Show>
      <label for={`${props.id}-q`}>{t('unit.search')}</label>
      <input id={`${props.id}-q`} type="search" value={q()} onInput={(e) => setQ(e.currentTarget.value)} autocomplete="off" />
      <div class="unit-list" role="radiogroup" aria-label={props.label}>
        <For each={matches().slice(0, SHOW)}>
          {(r) => (
            <label class="unit-option" style={{ 'padding-left': `${0.5 + Math.min(r.depth, 4) * 1}rem` }}>
              <input type="radio" name={props.id} value={r.unit.id} checked={props.value === r.unit.id} onChange={() => props.onChange(r.unit.id)} />
              <span>
                {r.unit.name}
                <Show when={q() && r.path}><span class="muted small"> · {r.path}</span></Show>
              </span>
            </label>
          )}
        </For>
        <Show when={!matches().length}><p class="muted">{t('unit.none')}</p></Show>
        <Show when={matches().length > SHOW}><p class="muted">{t('unit.more', { n: matches().length - SHOW })}</p></Show>
      </div>
      <Show when={props.error}><p class="error" id={`${props.id}-error`} role="alert">{props.error}</p></Show>
    </fieldset>
  )
}

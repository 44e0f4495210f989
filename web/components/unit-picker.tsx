import { createMemo, createSignal, For, Show } from 'solid-js'
import type { Unit } from '../../api/schemas/wire'
import { t } from '../i18n'
import { fold } from '../lib/fold'
import { unitTreeRows } from '../lib/unit-tree-rows'

type Props = {
  id: string; label: string; units: Unit[]; value: string | null; onChange: (id: string) => void; error?: string
  // A first choice meaning "no unit" (the console's "top level" parent), chosen when value is ''.
  noneLabel?: string
  // Units that may not be chosen (a unit's own subtree, as its parent).
  exclude?: (unit: Unit) => boolean
  // The path "Tỉnh › Huyện" beside every unit, not only while searching.
  showPath?: boolean
}
const SHOW = 40

// A searchable list that stays usable with thousands of units: at most SHOW rows rendered, and each
// with its path, so "Chi bộ Phòng 1" can be told apart under different parents.
export function UnitPicker(props: Props) {
  const [q, setQ] = createSignal('')
  const rows = createMemo(() => {
    const all = unitTreeRows(props.units)
    return props.exclude ? all.filter((r) => !props.exclude!(r.unit)) : all
  })
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
        <Show when={props.noneLabel}>
          <label class="unit-option">
            <input type="radio" name={props.id} value="" checked={!props.value} onChange={() => props.onChange('')} />
            <span>{props.noneLabel}</span>
          </label>
        </Show>
        <For each={matches().slice(0, SHOW)}>
          {(r) => (
            <label class="unit-option" style={{ 'padding-left': `${0.5 + Math.min(r.depth, 4) * 1}rem` }}>
              <input type="radio" name={props.id} value={r.unit.id} checked={props.value === r.unit.id} onChange={() => props.onChange(r.unit.id)} />
              <span>
                {r.unit.name}
                <Show when={(q() || props.showPath) && r.path}><span class="muted small"> · {r.path}</span></Show>
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

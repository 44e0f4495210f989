import { createAsync, useSearchParams } from '@solidjs/router'
import { createMemo, For, Show } from 'solid-js'
import type { Unit } from '../../api/schemas/wire'
import { getUnits } from '../api/contests'
import { getUnitsLeaderboard, type Scope } from '../api/leaderboards'
import { t } from '../i18n'
import { UnitsTable } from './leaderboard-tables'

const TOP = 'goc' // the ?cap= value of the roots' level, when the tree has several roots

type Tree = { byId: Map<string, Unit>; roots: Unit[]; parents: Set<string> }

function treeOf(units: Unit[]): Tree {
  const byId = new Map(units.map((u) => [u.id, u]))
  const parents = new Set(units.map((u) => u.parentId).filter((p): p is string => p != null && byId.has(p)))
  return { byId, roots: units.filter((u) => u.parentId == null || !byId.has(u.parentId)), parents }
}

// Units ranked among peers: one level of the tree at a time (by default the root's children, or the roots
// when there are several), breadcrumbs back up, and a way down into any unit that has units of its own.
export function UnitsBoard(props: { scope: Scope; id: string; contestId: string }) {
  const [search, setSearch] = useSearchParams()
  const units = createAsync(() => getUnits(props.contestId))
  const tree = createMemo(() => treeOf(units() ?? []))
  // The unit whose children are shown; null for the roots' level.
  const level = (): string | null => {
    const cap = search.cap
    if (typeof cap === 'string' && (cap === TOP || tree().parents.has(cap))) return cap === TOP ? null : cap
    const roots = tree().roots
    return roots.length === 1 && tree().parents.has(roots[0].id) ? roots[0].id : null
  }
  const trail = () => {
    const path: Unit[] = []
    for (let u = level() ? tree().byId.get(level()!) : undefined; u; u = u.parentId ? tree().byId.get(u.parentId) : undefined) path.unshift(u)
    return path
  }
  const entries = createAsync(() => (units() ? getUnitsLeaderboard(props.scope, props.id, level()) : Promise.resolve(undefined)))
  const go = (cap: string) => setSearch({ cap })
  return (
    <Show when={units()}>
      <nav class="crumbs" aria-label={t('lb.levels')}>
        <ol class="plain">
          <Show when={tree().roots.length > 1}>
            <li><Show when={level()} fallback={<span aria-current="page">{t('lb.levelTop')}</span>}><button type="button" class="link" onClick={() => go(TOP)}>{t('lb.levelTop')}</button></Show></li>
          </Show>
          <For each={trail()}>
            {(u, i) => (
              <li>
                <Show when={i() < trail().length - 1} fallback={<span aria-current="page">{u.name}</span>}>
                  <button type="button" class="link" onClick={() => go(u.id)}>{u.name}</button>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </nav>
      <p class="muted small level-note">{level() ? t('lb.levelOf', { name: tree().byId.get(level()!)?.name ?? '' }) : t('lb.levelRoots')}</p>
      <Show when={entries()}>{(list) => <UnitsTable entries={list()} hasChildren={(id) => tree().parents.has(id)} onOpen={go} />}</Show>
    </Show>
  )
}

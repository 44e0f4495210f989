import { all, get, type Program } from '../../db/program'
import type { AliasedRow } from '../../db/row-types'
import type { units } from '../../db/schema'
import { forbidden } from '../errors'
import { buildUnitTree, effectiveHeadcounts, type UnitTree } from '../rules/unit-tree'

type UnitRow = Pick<AliasedRow<typeof units>, 'id' | 'code' | 'name' | 'parentId' | 'headcount'>
export type ScopeUnit = UnitRow & { effectiveHeadcount: number | null }

// What a coordinator may see: their unit and every unit below it, read with the same tree rules as the
// boards (a bad parent link makes a root, never a loop), so a coordinator's sums match the units board.
export type CoordinatorScope = { contestId: string; rootId: string; units: ScopeUnit[]; tree: UnitTree; all: UnitRow[] }

const outside = () => forbidden('Đơn vị này nằm ngoài phạm vi bạn điều phối.')

export function* coordinatorScope(rootId: string | undefined): Program<CoordinatorScope> {
  if (!rootId) throw forbidden('Tài khoản này không điều phối đơn vị nào.')
  const root = yield* get<{ contestId: string }>('SELECT contest_id AS "contestId" FROM units WHERE id = ?', rootId)
  if (!root) throw forbidden('Đơn vị bạn điều phối không còn trong cuộc thi.')
  const units = yield* all<UnitRow>('SELECT id, code, name, parent_id AS "parentId", headcount FROM units WHERE contest_id = ? ORDER BY code', root.contestId)
  const tree = buildUnitTree(units)
  const headcounts = effectiveHeadcounts(units, tree)
  const rootAt = tree.index.get(rootId)!
  const inside = units.map((u, i) => ({ ...u, effectiveHeadcount: headcounts[i] })).filter((_, i) => tree.ancestors[i].includes(rootAt))
  return { contestId: root.contestId, rootId, units: inside, tree, all: units }
}

// The unit and its descendants, or 403 for a unit outside the coordinator's subtree (or no unit at all,
// so that probing ids tells nothing).
export function subtreeOf(scope: CoordinatorScope, unitId: string): ScopeUnit[] {
  const at = scope.tree.index.get(unitId)
  if (at === undefined || !scope.units.some((u) => u.id === unitId)) throw outside()
  return scope.units.filter((u) => scope.tree.ancestors[scope.tree.index.get(u.id)!].includes(at))
}

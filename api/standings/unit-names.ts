import { all, type Program } from '../../db/program'
import type { AliasedRow } from '../../db/row-types'
import type { units } from '../../db/schema'
import type { LogPositions } from './log-positions'

export type UnitRow = Pick<AliasedRow<typeof units>, 'id' | 'name' | 'parentId' | 'headcount'>

export function* listUnitRows(contestId: string): Program<UnitRow[]> {
  return yield* all<UnitRow>('SELECT id, name, parent_id AS "parentId", headcount FROM units WHERE contest_id = ?', contestId)
}

export function* listUnitNames(contestId: string): Program<Map<string, string>> {
  const rows = yield* all<{ id: string; name: string }>('SELECT id, name FROM units WHERE contest_id = ?', contestId)
  return new Map(rows.map((u) => [u.id, u.name]))
}

// A page's units come from the board itself and their names from here: no database read per row. Kept
// per contest and the position of its last unit change in the log.
export class UnitNames {
  private byContest = new Map<string, { at: number; names: Map<string, string> }>()

  constructor(private positions: LogPositions) {}

  *of(contestId: string): Program<Map<string, string>> {
    const at = this.positions.unitsOf(contestId)
    const hit = this.byContest.get(contestId)
    if (hit?.at === at) return hit.names
    const names = yield* listUnitNames(contestId)
    if (this.byContest.size > 64) this.byContest.clear()
    this.byContest.set(contestId, { at, names })
    return names
  }
}

import { prepared, type Db } from '../../db/client'
import type { LogPositions } from './log-positions'

export type UnitRow = { id: string; name: string; parentId: string | null; headcount: number | null }

export function unitRows(db: Db, contestId: string): UnitRow[] {
  return prepared(db, 'SELECT id, name, parent_id AS parentId, headcount FROM units WHERE contest_id = ?').all(contestId) as UnitRow[]
}

// A page's units come from the board itself and their names from here: no SQLite read per row. Kept per
// contest and the position of its last unit change in the log.
export class UnitNames {
  private byContest = new Map<string, { at: number; names: Map<string, string> }>()

  constructor(private db: Db, private positions: LogPositions) {}

  of(contestId: string): Map<string, string> {
    const at = this.positions.unitsOf(contestId)
    let hit = this.byContest.get(contestId)
    if (!hit || hit.at !== at) {
      if (this.byContest.size > 64) this.byContest.clear()
      const rows = prepared(this.db, 'SELECT id, name FROM units WHERE contest_id = ?').all(contestId) as { id: string; name: string }[]
      this.byContest.set(contestId, (hit = { at, names: new Map(rows.map((u) => [u.id, u.name])) }))
    }
    return hit.names
  }
}

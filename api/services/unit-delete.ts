import { get, lock, run, transaction, type Program } from '../../db/program'
import type { AliasedRow } from '../../db/row-types'
import type { units } from '../../db/schema'
import { conflict, notFound } from '../errors'
import { logChange } from '../standings/change-log'
import { appendEntry, type Actor } from './audit'

type UnitRow = Pick<AliasedRow<typeof units>, 'id' | 'code' | 'name' | 'parentId' | 'headcount'>

// What still points at a unit, in the order an organizer would fix it; null when nothing does.
function* whyUnitInUse(unitId: string): Program<string | null> {
  const count = function* (sql: string) {
    return Number((yield* get<{ n: number | string }>(sql, unitId))?.n ?? 0)
  }
  const children = yield* count('SELECT count(*) AS "n" FROM units WHERE parent_id = ?')
  if (children) return `còn ${children} đơn vị trực thuộc; hãy xóa hoặc chuyển các đơn vị đó trước`
  const people = yield* count('SELECT count(*) AS "n" FROM participant_units WHERE unit_id = ?')
  if (people) return `còn ${people} người dự thi thuộc đơn vị này`
  // A removed coordinator is a disabled account: it no longer stands in the way (deleteUnit detaches it).
  const coordinators = yield* count('SELECT count(*) AS "n" FROM staff_users WHERE unit_id = ? AND disabled = 0')
  if (coordinators) return `còn ${coordinators} điều phối viên phụ trách đơn vị này`
  const prizes = yield* count('SELECT count(*) AS "n" FROM round_unit_prizes WHERE unit_id = ?')
  if (prizes) return 'đơn vị đã có tên trong danh sách giải tập thể của một đợt thi đã chốt'
  return null
}

// Only an unused unit goes: removing one with people, coordinators, children or prizes would rewrite
// boards and results that others have already seen. Takes the same lock as saveUnits, so a save that
// would hang a new child under it waits for this to end (and then finds no parent).
export function* deleteUnit(actor: Actor, contestId: string, unitId: string, now: number): Program<void> {
  yield* transaction(function* () {
    yield* lock(`contest.units:${contestId}`)
    const unit = yield* get<UnitRow>('SELECT id, code, name, parent_id AS "parentId", headcount FROM units WHERE id = ? AND contest_id = ?', unitId, contestId)
    if (!unit) throw notFound('đơn vị')
    const reason = yield* whyUnitInUse(unitId)
    if (reason) throw conflict(`Không thể xóa đơn vị "${unit.name}": ${reason}.`)
    // Removed (disabled) coordinators of the unit keep their account for the audit's names, without a unit.
    const detached = (yield* run('UPDATE staff_users SET unit_id = NULL WHERE unit_id = ? AND disabled = 1', unitId)).changes
    yield* run('DELETE FROM units WHERE id = ?', unitId)
    yield* appendEntry(actor, 'units.delete', 'contest', contestId, { unit, ...(detached ? { detachedCoordinators: detached } : {}) }, now)
    yield* logChange({ kind: 'units', contestId }, now)
  })
}

import { isUniqueViolation } from '../../db/errors'
import { all, get, run, transaction, type Program } from '../../db/program'
import type { AliasedRow, Filled } from '../../db/row-types'
import type { staffUsers, units } from '../../db/schema'
import type { Store } from '../../db/store'
import { AppError, invalid, notFound } from '../errors'
import { newId } from '../lib/ids'
import { hashPassword } from '../lib/password'
import type { AppointCoordinatorInput } from '../schemas/coordinators'
import type { AppointedCoordinator, CoordinatorAccount } from '../schemas/wire'
import { appendEntry, type Actor } from './audit'
import { closeSessionsOf } from './auth'
import { contestRow } from './contests'

type Coordinator = CoordinatorAccount
// Joined to the coordinator's unit, so unitId is filled.
type CoordinatorRow = Filled<Pick<AliasedRow<typeof staffUsers>, 'id' | 'username' | 'name' | 'unitId' | 'disabled' | 'createdAt'>, 'unitId'>
  & { unitCode: AliasedRow<typeof units>['code']; unitName: AliasedRow<typeof units>['name'] }

const SELECT_COORDINATORS = `SELECT s.id, s.username, s.name, s.unit_id AS "unitId", u.code AS "unitCode", u.name AS "unitName",
    s.disabled, s.created_at AS "createdAt"
  FROM staff_users s JOIN units u ON u.id = s.unit_id
  WHERE s.role = 'coordinator' AND u.contest_id = ?`
const toCoordinator = (r: CoordinatorRow): Coordinator => ({ ...r, disabled: r.disabled === 1, createdAt: new Date(Number(r.createdAt)).toISOString() })

// A coordinator is a staff account tied to one unit of the contest; the username is unique among all
// staff, and a name taken meanwhile by another server gets the same 409 as one taken before.
export function* addCoordinator(actor: Actor, contestId: string, input: Omit<AppointCoordinatorInput, 'password'>, passwordHash: string, now: number): Program<AppointedCoordinator> {
  return yield* transaction(function* () {
    yield* contestRow(contestId)
    const unit = yield* get<{ id: string }>('SELECT id FROM units WHERE id = ? AND contest_id = ?', input.unitId, contestId)
    if (!unit) throw invalid('Đơn vị không thuộc cuộc thi này.', { field: 'unitId' })
    const id = newId()
    try {
      yield* transaction(() => run(`INSERT INTO staff_users (id, username, password_hash, role, name, created_at, disabled, unit_id)
        VALUES (?, ?, ?, 'coordinator', ?, ?, 0, ?)`, id, input.username, passwordHash, input.name, now, input.unitId))
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('CONFLICT', `Tên đăng nhập "${input.username}" đã có.`)
      throw err
    }
    yield* appendEntry(actor, 'coordinator.appoint', 'staff_user', id, { contestId, unitId: input.unitId, username: input.username, name: input.name }, now)
    return { id, username: input.username, name: input.name, role: 'coordinator' as const, unitId: input.unitId }
  })
}

export function* listCoordinators(contestId: string): Program<Coordinator[]> {
  yield* contestRow(contestId)
  const rows = yield* all<CoordinatorRow>(`${SELECT_COORDINATORS} ORDER BY s.disabled, u.code, s.name, s.id`, contestId)
  return rows.map(toCoordinator)
}

// Removal disables the account (the audit keeps its name) and ends its sessions at once. Removing one
// already removed changes nothing and writes nothing.
export function* removeCoordinator(actor: Actor, contestId: string, userId: string, now: number): Program<void> {
  yield* transaction(function* () {
    yield* contestRow(contestId)
    const row = yield* get<CoordinatorRow>(`${SELECT_COORDINATORS} AND s.id = ?`, contestId, userId)
    if (!row) throw notFound('điều phối viên này trong cuộc thi')
    if (row.disabled === 1) return
    yield* run('UPDATE staff_users SET disabled = 1 WHERE id = ?', userId)
    const ended = yield* closeSessionsOf('staff', userId)
    yield* appendEntry(actor, 'coordinator.remove', 'staff_user', userId, { contestId, unitId: row.unitId, username: row.username, sessionsEnded: ended }, now)
  })
}

// Hashing needs no database, so it happens before the write.
export async function appointCoordinator(store: Store, actor: Actor, contestId: string, input: AppointCoordinatorInput, now: number) {
  const { password, ...rest } = input
  const passwordHash = await hashPassword(password)
  return store.write(() => addCoordinator(actor, contestId, rest, passwordHash, now))
}

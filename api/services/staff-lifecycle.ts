import { all, get, lock, run, transaction, type Program } from '../../db/program'
import type { AliasedRow } from '../../db/row-types'
import type { staffUsers, units } from '../../db/schema'
import { conflict, notFound } from '../errors'
import type { StaffMember } from '../schemas/wire'
import { appendEntry, type Actor } from './audit'
import { closeSessionsOf } from './auth'

type StaffRow = Pick<AliasedRow<typeof staffUsers>, 'id' | 'username' | 'name' | 'role' | 'disabled' | 'unitId' | 'createdAt'> & { unitName: AliasedRow<typeof units>['name'] | null }

const toMember = (r: StaffRow): StaffMember => ({ ...r, disabled: Number(r.disabled) === 1, createdAt: new Date(Number(r.createdAt)).toISOString() })

// Every staff account, disabled ones too, coordinators with the unit they answer for.
export function* listStaff(): Program<StaffMember[]> {
  const rows = yield* all<StaffRow>(`SELECT s.id, s.username, s.name, s.role, s.disabled, s.unit_id AS "unitId", u.name AS "unitName", s.created_at AS "createdAt"
    FROM staff_users s LEFT JOIN units u ON u.id = s.unit_id ORDER BY s.username`)
  return rows.map(toMember)
}

function* staffRow(staffId: string): Program<StaffRow> {
  const row = yield* get<StaffRow>(`SELECT s.id, s.username, s.name, s.role, s.disabled, s.unit_id AS "unitId", u.name AS "unitName", s.created_at AS "createdAt"
    FROM staff_users s LEFT JOIN units u ON u.id = s.unit_id WHERE s.id = ?`, staffId)
  if (!row) throw notFound('tài khoản')
  return row
}

// Disabling ends the account's sessions in the same transaction, so it is locked out at once. The lock
// makes two admins disabling each other at the same moment take turns: the second finds no other admin.
export function* setStaffDisabled(actor: Actor, staffId: string, disabled: boolean, now: number): Program<StaffMember> {
  return yield* transaction(function* () {
    if (disabled && staffId === actor.id) throw conflict('Bạn không thể tự khóa tài khoản của chính mình.')
    yield* lock('staff_users.admins')
    const row = yield* staffRow(staffId)
    if ((Number(row.disabled) === 1) === disabled) return toMember(row)
    if (disabled && row.role === 'admin') {
      const other = yield* get("SELECT id FROM staff_users WHERE role = 'admin' AND disabled = 0 AND id != ? LIMIT 1", staffId)
      if (!other) throw conflict('Không thể khóa quản trị viên cuối cùng còn hoạt động.')
    }
    yield* run('UPDATE staff_users SET disabled = ? WHERE id = ?', disabled ? 1 : 0, staffId)
    const ended = disabled ? yield* closeSessionsOf('staff', staffId) : 0
    const detail = { username: row.username, name: row.name, ...(disabled ? { sessionsEnded: ended } : {}) }
    yield* appendEntry(actor, disabled ? 'user.disable' : 'user.enable', 'staff_user', staffId, detail, now)
    return toMember({ ...row, disabled: disabled ? 1 : 0 })
  })
}

// Signs a staff member out everywhere (a lost phone, a shared computer), leaving the account usable.
export function* endStaffSessions(actor: Actor, staffId: string, now: number): Program<number> {
  return yield* transaction(function* () {
    const row = yield* staffRow(staffId)
    const ended = yield* closeSessionsOf('staff', staffId)
    yield* appendEntry(actor, 'user.sessions_end', 'staff_user', staffId, { username: row.username, name: row.name, sessionsEnded: ended }, now)
    return ended
  })
}

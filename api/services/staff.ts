import { isUniqueViolation } from '../../db/errors'
import { get, run, transaction, type Program } from '../../db/program'
import type { Store } from '../../db/store'
import { AppError, notFound } from '../errors'
import { newId } from '../lib/ids'
import { generatePassword, hashPassword, verifyPassword } from '../lib/password'
import type { CreateUserInput } from '../schemas/admin'
import type { CreatedStaff, StaffRole } from '../schemas/wire'
import { appendEntry, type Actor } from './audit'
import { closeSessionsOf } from './auth'

export const STAFF_PASSWORD_MIN = 10

type NewStaff = Omit<CreateUserInput, 'password'>
const wrongCurrent = () => new AppError('VALIDATION_FAILED', 'Mật khẩu hiện tại không đúng.', { field: 'currentPassword' })

// The unique username decides between two servers creating the same name at once: the loser gets the 409
// a taken name always gets, never a 500.
export function* addStaffUser(actor: Actor, input: NewStaff, passwordHash: string, now: number): Program<CreatedStaff> {
  return yield* transaction(function* () {
    const row = { id: newId(), username: input.username, role: input.role, name: input.name }
    try {
      yield* transaction(() => run('INSERT INTO staff_users (id, username, password_hash, role, name, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        row.id, row.username, passwordHash, row.role, row.name, now))
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('CONFLICT', `Tên đăng nhập "${input.username}" đã có.`)
      throw err
    }
    yield* appendEntry(actor, 'user.create', 'staff_user', row.id, { username: row.username, role: row.role, name: row.name }, now)
    return row
  })
}

export function* staffCredential(staffId: string): Program<{ role: StaffRole; passwordHash: string } | undefined> {
  return yield* get('SELECT role, password_hash AS "passwordHash" FROM staff_users WHERE id = ?', staffId)
}

// Stores the new password only over the one the change was checked against: of two changes made at once
// with the same current password, the second is told its current password is wrong.
export function* replaceStaffPassword(staffId: string, checkedHash: string, nextHash: string, keepToken: string | null, now: number): Program<void> {
  yield* transaction(function* () {
    const user = yield* staffCredential(staffId)
    if (!user) throw notFound('tài khoản')
    const { changes } = yield* run('UPDATE staff_users SET password_hash = ? WHERE id = ? AND password_hash = ?', nextHash, staffId, checkedHash)
    if (!changes) throw wrongCurrent()
    yield* closeSessionsOf('staff', staffId, keepToken ?? undefined)
    yield* appendEntry({ id: staffId, role: user.role }, 'user.password_change', 'staff_user', staffId, null, now)
  })
}

export function* resetStaffCredential(actor: Actor, staffId: string, nextHash: string, now: number): Program<void> {
  yield* transaction(function* () {
    const { changes } = yield* run('UPDATE staff_users SET password_hash = ? WHERE id = ?', nextHash, staffId)
    if (!changes) throw notFound('tài khoản')
    const ended = yield* closeSessionsOf('staff', staffId)
    yield* appendEntry(actor, 'user.password_reset', 'staff_user', staffId, { sessionsEnded: ended }, now)
  })
}

export function* anyStaff(): Program<boolean> {
  return (yield* get('SELECT id FROM staff_users LIMIT 1')) !== undefined
}

// Password hashing and checking are async and need no database, so they happen here, outside the programs.
export async function createStaffAccount(store: Store, actor: Actor, input: CreateUserInput, now: number) {
  const { password, ...staff } = input
  const passwordHash = await hashPassword(password)
  return store.write(() => addStaffUser(actor, staff, passwordHash, now))
}

// A staff member's own change: every other session of theirs ends.
export async function changeStaffPassword(store: Store, staffId: string, current: string, next: string, keepToken: string | null, now: number) {
  const user = await store.read(staffCredential(staffId))
  if (!user) throw notFound('tài khoản')
  if (!(await verifyPassword(current, user.passwordHash))) throw wrongCurrent()
  if (next.length < STAFF_PASSWORD_MIN) throw new AppError('VALIDATION_FAILED', `Mật khẩu của cán bộ tối thiểu ${STAFF_PASSWORD_MIN} ký tự.`, { field: 'newPassword' })
  const nextHash = await hashPassword(next)
  await store.write(() => replaceStaffPassword(staffId, user.passwordHash, nextHash, keepToken, now))
}

// An admin gives a staff member a new password, shown once; all their sessions end.
export async function resetStaffPassword(store: Store, actor: Actor, staffId: string, now: number): Promise<string> {
  if (!(await store.read(staffCredential(staffId)))) throw notFound('tài khoản')
  const password = generatePassword(STAFF_PASSWORD_MIN + 2)
  const nextHash = await hashPassword(password)
  await store.write(() => resetStaffCredential(actor, staffId, nextHash, now))
  return password
}


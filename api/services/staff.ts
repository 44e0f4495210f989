import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { inTransaction } from '../../db/client'
import { staffUsers } from '../../db/schema'
import { AppError, notFound } from '../errors'
import { newId } from '../lib/ids'
import { generatePassword, hashPassword, verifyPassword } from '../lib/password'
import type { CreateUserInput } from '../schemas/admin'
import { appendAudit, type Actor } from './audit'
import { endSessions } from './auth'

export const STAFF_PASSWORD_MIN = 10

export async function createStaffUser(db: Db, actor: Actor, input: CreateUserInput, now: number) {
  const passwordHash = await hashPassword(input.password)
  return inTransaction(db, () => {
    if (db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.username, input.username)).get()) {
      throw new AppError('CONFLICT', `Tên đăng nhập "${input.username}" đã có.`)
    }
    const row = { id: newId(), username: input.username, passwordHash, role: input.role, name: input.name, createdAt: now }
    db.insert(staffUsers).values(row).run()
    appendAudit(db, actor, 'user.create', 'staff_user', row.id, { username: row.username, role: row.role, name: row.name }, now)
    return { id: row.id, username: row.username, role: row.role, name: row.name }
  })
}

// A staff member's own change: every other session of theirs ends.
export async function changeStaffPassword(db: Db, staffId: string, current: string, next: string, keepToken: string | null, now: number) {
  const user = db.select().from(staffUsers).where(eq(staffUsers.id, staffId)).get()
  if (!user) throw notFound('tài khoản')
  if (!(await verifyPassword(current, user.passwordHash))) throw new AppError('VALIDATION_FAILED', 'Mật khẩu hiện tại không đúng.', { field: 'currentPassword' })
  if (next.length < STAFF_PASSWORD_MIN) throw new AppError('VALIDATION_FAILED', `Mật khẩu của cán bộ tối thiểu ${STAFF_PASSWORD_MIN} ký tự.`, { field: 'newPassword' })
  const hash = await hashPassword(next)
  inTransaction(db, () => {
    db.update(staffUsers).set({ passwordHash: hash }).where(eq(staffUsers.id, staffId)).run()
    endSessions(db, 'staff', staffId, keepToken ?? undefined)
    appendAudit(db, { id: staffId, role: user.role }, 'user.password_change', 'staff_user', staffId, null, now)
  })
}

// An admin gives a staff member a new password, shown once; all their sessions end.
export async function resetStaffPassword(db: Db, actor: Actor, staffId: string, now: number): Promise<string> {
  if (!db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.id, staffId)).get()) throw notFound('tài khoản')
  const password = generatePassword(STAFF_PASSWORD_MIN + 2)
  const hash = await hashPassword(password)
  inTransaction(db, () => {
    db.update(staffUsers).set({ passwordHash: hash }).where(eq(staffUsers.id, staffId)).run()
    const ended = endSessions(db, 'staff', staffId)
    appendAudit(db, actor, 'user.password_reset', 'staff_user', staffId, { sessionsEnded: ended }, now)
  })
  return password
}

export const hasStaff = (db: Db) => db.select({ id: staffUsers.id }).from(staffUsers).limit(1).get() !== undefined

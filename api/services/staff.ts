import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { inTransaction } from '../../db/client'
import { staffUsers } from '../../db/schema'
import { AppError } from '../errors'
import { newId } from '../lib/ids'
import { hashPassword } from '../lib/password'
import type { CreateUserInput } from '../schemas/admin'
import { appendAudit, type Actor } from './audit'

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

export const hasStaff = (db: Db) => db.select({ id: staffUsers.id }).from(staffUsers).limit(1).get() !== undefined

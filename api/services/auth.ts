import { createHash, randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { participants, sessions, staffUsers } from '../../db/schema'
import { AppError } from '../errors'
import { DUMMY_HASH, verifyPassword } from '../lib/password'
import { normalizeNationalId, normalizePhone } from '../rules/phone'
import type { Role } from '../schemas/wire'

export type SessionUser = { kind: 'participant' | 'staff'; id: string; role: Role; name: string }

// Only a hash of the session token is stored, so a copy of the database cannot be used to sign in.
const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url')

export function createSession(db: Db, user: SessionUser, now: number, ttlHours: number): { token: string; expiresAt: number } {
  const token = randomBytes(32).toString('base64url')
  const expiresAt = now + ttlHours * 3600_000
  db.insert(sessions).values({ id: tokenHash(token), userKind: user.kind, userId: user.id, createdAt: now, expiresAt }).run()
  return { token, expiresAt }
}

export function deleteSession(db: Db, token: string): void {
  db.delete(sessions).where(eq(sessions.id, tokenHash(token))).run()
}

// A password changed or reset ends the person's sessions: all of them after a reset, every one but the
// one making the change after a change of one's own.
export function endSessions(db: Db, kind: SessionUser['kind'], userId: string, keepToken?: string): number {
  const keep = keepToken ? tokenHash(keepToken) : ''
  return db.$client.prepare('DELETE FROM sessions WHERE user_kind = ? AND user_id = ? AND id != ?').run(kind, userId, keep).changes
}

// Whom a sign-in names: failed guesses count per person, whichever of their identifiers is typed.
export function signInKey(db: Db, identifier: string): string {
  const staff = db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.username, identifier.trim().toLowerCase())).get()
  if (staff) return `staff:${staff.id}`
  const phone = normalizePhone(identifier)
  const nationalId = phone ? null : normalizeNationalId(identifier)
  const person = phone
    ? db.select({ id: participants.id }).from(participants).where(eq(participants.phone, phone)).get()
    : nationalId ? db.select({ id: participants.id }).from(participants).where(eq(participants.nationalId, nationalId)).get() : undefined
  if (person) return `participant:${person.id}`
  return `unknown:${phone ?? nationalId ?? identifier.trim().toLowerCase()}`
}

type SessionRow = { user_kind: 'participant' | 'staff'; user_id: string; expires_at: number; role: Role | null; name: string | null }
const lookups = new WeakMap<Db, (hash: string) => SessionRow | undefined>()

// One prepared read per request: the session joined to its user.
export function getSessionUser(db: Db, token: string, now: number): SessionUser | null {
  let lookup = lookups.get(db)
  if (!lookup) {
    const stmt = db.$client.prepare(`
      SELECT s.user_kind, s.user_id, s.expires_at,
        CASE WHEN s.user_kind = 'staff' THEN u.role ELSE 'participant' END AS role,
        CASE WHEN s.user_kind = 'staff' THEN u.name ELSE p.full_name END AS name
      FROM sessions s
      LEFT JOIN staff_users u ON s.user_kind = 'staff' AND u.id = s.user_id
      LEFT JOIN participants p ON s.user_kind = 'participant' AND p.id = s.user_id
      WHERE s.id = ?`)
    lookup = (hash) => stmt.get(hash) as SessionRow | undefined
    lookups.set(db, lookup)
  }
  const row = lookup(tokenHash(token))
  if (!row || row.expires_at <= now || !row.role || row.name == null) return null
  return { kind: row.user_kind, id: row.user_id, role: row.role, name: row.name }
}

// Staff sign in with a username; participants with their phone or national ID (SPEC §6).
export async function signIn(db: Db, identifier: string, password: string): Promise<SessionUser> {
  const fail = () => new AppError('UNAUTHENTICATED', 'Sai tên đăng nhập hoặc mật khẩu.')
  const staff = db.select().from(staffUsers).where(eq(staffUsers.username, identifier.trim().toLowerCase())).get()
  if (staff) {
    if (!(await verifyPassword(password, staff.passwordHash))) throw fail()
    return { kind: 'staff', id: staff.id, role: staff.role, name: staff.name }
  }
  const phone = normalizePhone(identifier)
  const nationalId = phone ? null : normalizeNationalId(identifier)
  const person = phone
    ? db.select().from(participants).where(eq(participants.phone, phone)).get()
    : nationalId ? db.select().from(participants).where(eq(participants.nationalId, nationalId)).get() : undefined
  if (!person) {
    await verifyPassword(password, DUMMY_HASH)
    throw fail()
  }
  if (!(await verifyPassword(password, person.passwordHash))) throw fail()
  return { kind: 'participant', id: person.id, role: 'participant', name: person.fullName }
}

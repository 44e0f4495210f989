import { createHash, randomBytes } from 'node:crypto'
import { get, lock, run, transaction, type Program } from '../../db/program'
import type { AliasedRow, OrNull } from '../../db/row-types'
import type { sessions, staffUsers } from '../../db/schema'
import { AppError } from '../errors'
import { DUMMY_HASH, verifyPassword } from '../lib/password'
import { normalizeNationalId, normalizePhone } from '../rules/phone'
import type { Role } from '../schemas/wire'

// credential: the password hash a sign-in verified, so the session it opens can check it is still current.
// unitId: a coordinator's unit, the root of the subtree they may see.
export type SessionUser = { kind: 'participant' | 'staff'; id: string; role: Role; name: string; credential?: string; unitId?: string }
type Account = SessionUser & { passwordHash: string; disabled?: number }

// Only a hash of the session token is stored, so a copy of the database cannot be used to sign in.
const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url')
const PASSWORD_OF = {
  participant: 'SELECT password_hash AS "passwordHash" FROM participants WHERE id = ?',
  // A disabled account opens no session, even from a sign-in that checked its password just before.
  staff: 'SELECT password_hash AS "passwordHash" FROM staff_users WHERE id = ? AND disabled = 0',
} as const
// Held while a person's sessions are opened against a password or ended after a new one.
const sessionsKey = (kind: SessionUser['kind'], userId: string) => `sessions:${kind}:${userId}`
const signInFailed = () => new AppError('UNAUTHENTICATED', 'Sai tên đăng nhập hoặc mật khẩu.')

// A sign-in's session opens only if the password it checked is still the person's: a change committed
// meanwhile (on any server) either ends this session or, having ended the others first, refuses it.
export function* openSession(user: SessionUser, now: number, ttlHours: number): Program<{ token: string; expiresAt: number }> {
  const token = randomBytes(32).toString('base64url')
  const expiresAt = now + ttlHours * 3600_000
  const credential = user.credential
  const insert = () => run('INSERT INTO sessions (id, user_kind, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)', tokenHash(token), user.kind, user.id, now, expiresAt)
  if (credential === undefined) yield* insert()
  else {
    yield* transaction(function* () {
      yield* lock(sessionsKey(user.kind, user.id))
      const current = yield* get<{ passwordHash: string }>(PASSWORD_OF[user.kind], user.id)
      if (current?.passwordHash !== credential) throw signInFailed()
      yield* insert()
    })
  }
  return { token, expiresAt }
}

export function* closeSession(token: string): Program<void> {
  yield* run('DELETE FROM sessions WHERE id = ?', tokenHash(token))
}

// A password changed or reset ends the person's sessions: all of them after a reset, every one but the
// one making the change after a change of one's own. Run in the transaction that stores the new password.
export function* closeSessionsOf(kind: SessionUser['kind'], userId: string, keepToken?: string): Program<number> {
  return yield* transaction(function* () {
    yield* lock(sessionsKey(kind, userId))
    return (yield* run('DELETE FROM sessions WHERE user_kind = ? AND user_id = ? AND id != ?', kind, userId, keepToken ? tokenHash(keepToken) : '')).changes
  })
}

// Staff sign in with a username; participants with their phone or national ID (SPEC §6).
export function* findAccount(identifier: string): Program<Account | undefined> {
  const staff = yield* get<{ id: string; role: Role; name: string; passwordHash: string; disabled: number }>(
    'SELECT id, role, name, password_hash AS "passwordHash", disabled FROM staff_users WHERE username = ?', identifier.trim().toLowerCase())
  if (staff) return { kind: 'staff', ...staff }
  const phone = normalizePhone(identifier)
  const nationalId = phone ? null : normalizeNationalId(identifier)
  if (!phone && !nationalId) return undefined
  const person = yield* get<{ id: string; name: string; passwordHash: string }>(
    `SELECT id, full_name AS "name", password_hash AS "passwordHash" FROM participants WHERE ${phone ? 'phone' : 'national_id'} = ?`, phone ?? nationalId)
  return person && { kind: 'participant', role: 'participant', ...person }
}

// Whom a sign-in names: failed guesses count per person, whichever of their identifiers is typed.
export function* nameSignIn(identifier: string): Program<string> {
  const account = yield* findAccount(identifier)
  if (account) return `${account.kind}:${account.id}`
  return `unknown:${normalizePhone(identifier) ?? normalizeNationalId(identifier) ?? identifier.trim().toLowerCase()}`
}

// No database: an unknown identifier costs the same time as a wrong password.
export async function checkPassword(account: Account | undefined, password: string): Promise<SessionUser> {
  const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH)
  if (!account || !ok) throw signInFailed()
  // Said only after the right password, so it tells a guesser nothing.
  if (Number(account.disabled ?? 0)) throw new AppError('FORBIDDEN', 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.')
  return { kind: account.kind, id: account.id, role: account.role, name: account.name, credential: account.passwordHash }
}

// role and name are the staff account's or the participant's (computed); null when the user is gone.
type SessionRow = Pick<AliasedRow<typeof sessions>, 'userKind' | 'userId' | 'expiresAt'> & OrNull<Pick<AliasedRow<typeof staffUsers>, 'unitId'>>
  & { role: Role | null; name: string | null }

// One read per request: the session joined to its user.
// A disabled staff account's session reads as none even if one were left behind (a disable deletes them).
export function* sessionUser(token: string, now: number): Program<SessionUser | null> {
  const row = yield* get<SessionRow>(`
    SELECT s.user_kind AS "userKind", s.user_id AS "userId", s.expires_at AS "expiresAt",
      CASE WHEN s.user_kind = 'staff' THEN u.role ELSE 'participant' END AS role,
      CASE WHEN s.user_kind = 'staff' THEN u.name ELSE p.full_name END AS name, u.unit_id AS "unitId"
    FROM sessions s
    LEFT JOIN staff_users u ON s.user_kind = 'staff' AND u.id = s.user_id AND u.disabled = 0
    LEFT JOIN participants p ON s.user_kind = 'participant' AND p.id = s.user_id
    WHERE s.id = ?`, tokenHash(token))
  if (!row || row.expiresAt <= now || !row.role || row.name == null) return null
  return { kind: row.userKind, id: row.userId, role: row.role, name: row.name, ...(row.unitId ? { unitId: row.unitId } : {}) }
}

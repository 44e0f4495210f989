import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { Context } from 'hono'
import type { AppEnv } from '../app-env'
import { AppError } from '../errors'
import { rolesMark } from '../lib/openapi'
import { sessionUser, type SessionUser } from '../services/auth'
import type { Role } from '../schemas/wire'

export const SESSION_COOKIE = 'hoithi_sid'

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } } | undefined

function clientAddress(c: Context<AppEnv>): string {
  if (c.get('env').TRUST_PROXY) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  // @hono/node-server passes the Node request as c.env; app.request() in tests has none.
  return (c.env as NodeBindings)?.incoming?.socket?.remoteAddress ?? 'local'
}

// Who is calling, for the handlers: run by the API's one middleware (api/app.ts) on every request.
export async function loadSession(c: Context<AppEnv>): Promise<void> {
  c.set('clientAddress', clientAddress(c))
  const token = getCookie(c, SESSION_COOKIE)
  const now = c.get('clock').now()
  const user = token && token.length < 200 ? await c.get('store').read(sessionUser(token, now)) : null
  c.set('user', user)
  c.set('sessionId', user && token ? token : null)
}

// Admins may do whatever an organizer or a judge may (API.md).
export const requireRole = (...roles: Role[]) => rolesMark(createMiddleware<AppEnv>(async (c, next) => {
  const user = c.get('user')
  if (!user) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập.')
  // An admin stands in for organizers and judges only: participant routes stay a participant's own, and
  // coordinator routes read a coordinator's own unit, which an admin has not. A coordinator is let in
  // only where 'coordinator' is named, so never on an admin route.
  const allowed = roles.includes(user.role) || (user.role === 'admin' && roles.some((r) => r === 'organizer' || r === 'judge'))
  if (!allowed) throw new AppError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.')
  await next()
}), roles)

// For handlers behind requireRole: the signed-in user, or 401 if the guard was forgotten.
export function currentUser(c: { get(key: 'user'): SessionUser | null }): SessionUser {
  const user = c.get('user')
  if (!user) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập.')
  return user
}

// The guards the routes use, named by whom they let in, built once and shared by every route that names them.
export const requireParticipant = requireRole('participant')
export const organizer = requireRole('organizer')
export const judge = requireRole('judge')
export const staff = requireRole('organizer', 'judge')
export const admin = requireRole('admin')
export const coordinator = requireRole('coordinator')
// Anyone signed in, participant or staff (PUT /me/password): the 401 comes before any 400.
export const signedIn = requireRole('participant', 'organizer', 'judge', 'admin', 'coordinator')

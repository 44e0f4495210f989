import { getCookie } from 'hono/cookie'
import { getConnInfo } from '@hono/node-server/conninfo'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../app-env'
import { AppError } from '../errors'
import { getSessionUser, type SessionUser } from '../services/auth'
import type { Role } from '../schemas/wire'

export const SESSION_COOKIE = 'hoithi_sid'

function clientAddress(c: Parameters<Parameters<typeof createMiddleware<AppEnv>>[0]>[0]): string {
  if (c.var.env.TRUST_PROXY) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'local' // app.request() in tests has no socket
  }
}

export const loadSession = createMiddleware<AppEnv>(async (c, next) => {
  c.set('clientAddress', clientAddress(c))
  const token = getCookie(c, SESSION_COOKIE)
  const user = token && token.length < 200 ? getSessionUser(c.var.db, token, c.var.clock.now()) : null
  c.set('user', user)
  c.set('sessionId', user && token ? token : null)
  await next()
})

// Admins may do whatever an organizer or a judge may (API.md).
export const requireRole = (...roles: Role[]) => createMiddleware<AppEnv>(async (c, next) => {
  const user = c.var.user
  if (!user) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập.')
  // An admin stands in for staff roles only: participant routes stay a participant's own.
  const allowed = roles.includes(user.role) || (user.role === 'admin' && roles.some((r) => r !== 'participant'))
  if (!allowed) throw new AppError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.')
  await next()
})

// For handlers behind requireRole: the signed-in user, or 401 if the guard was forgotten.
export function currentUser(c: { var: { user: SessionUser | null } }): SessionUser {
  if (!c.var.user) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập.')
  return c.var.user
}

export const requireParticipant = requireRole('participant')
export const requireStaff = requireRole('organizer', 'judge')

import { Hono } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import type { Env } from '../env'
import { AppError } from '../errors'
import { send } from '../lib/http'
import { describe } from '../lib/openapi'
import { body } from '../lib/validate'
import { SESSION_COOKIE } from '../middleware/session'
import { RegisterInput, SignInInput } from '../schemas/participants'
import { Me, RegisteredParticipant, SignedIn } from '../schemas/wire'
import { checkPassword, closeSession, findAccount, nameSignIn, openSession, type SessionUser } from '../services/auth'
import { registerParticipant } from '../services/participants'
import { whoAmI } from './me'

// A new session id at every sign-in; HttpOnly, SameSite=Lax, Secure when the request came over HTTPS.
async function startSession(c: Context<AppEnv>, user: SessionUser) {
  const previous = c.get('sessionId')
  const now = c.get('clock').now()
  if (previous) await c.get('store').write(() => closeSession(previous))
  const { token, expiresAt } = await c.get('store').write(() => openSession(user, now, c.get('env').SESSION_TTL_HOURS))
  const https = new URL(c.req.url).protocol === 'https:' || (c.get('env').TRUST_PROXY && c.req.header('x-forwarded-proto') === 'https')
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: https, path: '/', expires: new Date(expiresAt) })
}

// Each call from an address counts before its body is read, so a malformed body still spends a try.
const perAddress = (name: string, limit: (env: Env) => number) => createMiddleware<AppEnv>(async (c, next) => {
  await c.get('limiter').hit(`${name}:${c.get('clientAddress')}`, limit(c.get('env')))
  await next()
})

export const sessionsRoutes = new Hono<AppEnv>()
  .post('/participants',
    describe({ summary: 'Thí sinh đăng ký tài khoản và đăng nhập', tag: 'sessions', open: true, answer: { json: z.object({ participant: RegisteredParticipant }), status: 201 } }),
    perAddress('register', (env) => env.RATE_REGISTER_PER_MIN), body(RegisterInput),
    async (c) => {
      const input = c.req.valid('json')
      const participant = await registerParticipant(c.get('store'), input, c.get('clock').now(), c.get('clientAddress'))
      await startSession(c, { kind: 'participant', id: participant.id, role: 'participant', name: participant.fullName })
      return send(c, { participant }, 201)
    })
  .post('/sessions',
    describe({ summary: 'Đăng nhập bằng số điện thoại hoặc tên đăng nhập', tag: 'sessions', open: true, answer: { json: z.object({ user: SignedIn }) } }),
    perAddress('signin', (env) => env.RATE_SIGNIN_PER_MIN), body(SignInInput),
    async (c) => {
      const input = c.req.valid('json')
      // The guess is counted before the password is checked, so no number of parallel guesses gets past.
      const key = await c.get('store').read(nameSignIn(input.identifier))
      const outcome = await c.get('guesses').reserve(key, c.get('env').RATE_SIGNIN_FAILS_PER_ID_PER_MIN)
      let user: SessionUser
      try {
        user = await checkPassword(await c.get('store').read(findAccount(input.identifier)), input.password)
      } catch (err) {
        await outcome(err instanceof AppError && err.code === 'UNAUTHENTICATED' ? 'failure' : 'none')
        throw err
      }
      await outcome('success')
      await startSession(c, user)
      return send(c, { user: { id: user.id, role: user.role, name: user.name } satisfies SignedIn })
    })
  .delete('/sessions/current',
    describe({ summary: 'Đăng xuất', tag: 'sessions', open: true, answer: { empty: true } }),
    async (c) => {
      const sessionId = c.get('sessionId')
      if (sessionId) await c.get('store').write(() => closeSession(sessionId))
      deleteCookie(c, SESSION_COOKIE, { path: '/' })
      return c.body(null, 204)
    })
  // Not in API.md: the same as GET /me answered 200 to everyone ({ user: null } when signed out), so a page
  // that only wants to know logs no 401 in the browser's console.
  .get('/sessions/current',
    describe({ summary: 'Người đang đăng nhập, hoặc null', tag: 'sessions', open: true, answer: { json: z.object({ user: Me.nullable() }) } }),
    async (c) => {
      const user = c.get('user')
      return send(c, { user: user ? await whoAmI(c.get('store'), user) : null })
    })

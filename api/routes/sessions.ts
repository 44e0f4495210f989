import { Hono } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import type { Context } from 'hono'
import type { AppEnv } from '../app-env'
import { AppError } from '../errors'
import { readJson, send } from '../lib/http'
import { SESSION_COOKIE } from '../middleware/session'
import { RegisterInput, SignInInput } from '../schemas/participants'
import type { SignedIn } from '../schemas/wire'
import { checkPassword, closeSession, findAccount, nameSignIn, openSession, type SessionUser } from '../services/auth'
import { registerParticipant } from '../services/participants'

// A new session id at every sign-in; HttpOnly, SameSite=Lax, Secure when the request came over HTTPS.
export async function startSession(c: Context<AppEnv>, user: SessionUser) {
  const previous = c.get('sessionId')
  const now = c.get('clock').now()
  if (previous) await c.get('store').write(() => closeSession(previous))
  const { token, expiresAt } = await c.get('store').write(() => openSession(user, now, c.get('env').SESSION_TTL_HOURS))
  const https = new URL(c.req.url).protocol === 'https:' || (c.get('env').TRUST_PROXY && c.req.header('x-forwarded-proto') === 'https')
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: https, path: '/', expires: new Date(expiresAt) })
}


export const sessionRoutes = new Hono<AppEnv>()
  .post('/participants', async (c) => {
    await c.get('limiter').hit(`register:${c.get('clientAddress')}`, c.get('env').RATE_REGISTER_PER_MIN)
    const input = await readJson(c, RegisterInput)
    const participant = await registerParticipant(c.get('store'), input, c.get('clock').now(), c.get('clientAddress'))
    await startSession(c, { kind: 'participant', id: participant.id, role: 'participant', name: participant.fullName })
    return send(c, { participant }, 201)
  })
  .post('/sessions', async (c) => {
    await c.get('limiter').hit(`signin:${c.get('clientAddress')}`, c.get('env').RATE_SIGNIN_PER_MIN)
    const input = await readJson(c, SignInInput)
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
  .delete('/sessions/current', async (c) => {
    const sessionId = c.get('sessionId')
    if (sessionId) await c.get('store').write(() => closeSession(sessionId))
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return c.body(null, 204)
  })

import { action, query } from '@solidjs/router'
import type { Role } from '../../api/schemas/wire'
import { call, client } from './client'

// Who is signed in, or null: the route answers 200 either way, so a signed-out page logs no 401.
export const getMe = query(async () => (await call(() => client.sessions.current.$get())).user, 'me')

export const isStaff = (role: Role | undefined) => role === 'organizer' || role === 'judge' || role === 'admin'
export const canOrganize = (role: Role | undefined) => role === 'organizer' || role === 'admin'
export const canJudge = (role: Role | undefined) => role === 'judge' || role === 'admin'

export type RegisterBody = {
  fullName: string; dateOfBirth: string; phone: string; nationalId?: string; unitId: string
  password: string; position?: string; consent: true
}

// Actions revalidate every query when they finish, so "who is signed in" follows.
export const signIn = action(async (identifier: string, password: string) =>
  (await call(() => client.sessions.$post({ json: { identifier, password } }))).user, 'sign-in')

export const register = action(async (body: RegisterBody) =>
  (await call(() => client.participants.$post({ json: body }))).participant, 'register')

export const signOut = action(async () => {
  await call(() => client.sessions.current.$delete())
}, 'sign-out')

export const changePassword = action(async (currentPassword: string, newPassword: string) => {
  await call(() => client.me.password.$put({ json: { currentPassword, newPassword } }))
  return { ok: true as const }
}, 'change-password')

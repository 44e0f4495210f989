import { action, query } from '@solidjs/router'
import type { Me, RegisteredParticipant, Role, SignedIn } from '../../api/schemas/wire'
import { api } from './client'

// Who is signed in, or null: the route answers 200 either way, so a signed-out page logs no 401.
export const getMe = query(async (): Promise<Me | null> => (await api<{ user: Me | null }>('GET', '/sessions/current')).user, 'me')

export const isStaff = (role: Role | undefined) => role === 'organizer' || role === 'judge' || role === 'admin'
export const canOrganize = (role: Role | undefined) => role === 'organizer' || role === 'admin'
export const canJudge = (role: Role | undefined) => role === 'judge' || role === 'admin'

export type RegisterBody = {
  fullName: string; dateOfBirth: string; phone: string; nationalId?: string; unitId: string
  password: string; position?: string; consent: true
}

// Actions revalidate every query when they finish, so "who is signed in" follows.
export const signIn = action(async (identifier: string, password: string) =>
  (await api<{ user: SignedIn }>('POST', '/sessions', { identifier, password })).user, 'sign-in')

export const register = action(async (body: RegisterBody) =>
  (await api<{ participant: RegisteredParticipant }>('POST', '/participants', body)).participant, 'register')

export const signOut = action(async () => {
  await api('DELETE', '/sessions/current')
}, 'sign-out')

export const changePassword = action(async (currentPassword: string, newPassword: string) => {
  await api('PUT', '/me/password', { currentPassword, newPassword })
  return { ok: true as const }
}, 'change-password')

import { action, query } from '@solidjs/router'
import { call, client } from './client'

// The staff list, each account's lifecycle and the audit log: the admin's part of the console.
export type AuditFilter = { action?: string; actorId?: string; from?: string; to?: string; limit: number; offset: number }

export const getStaff = query(async () => (await call(() => client.admin.users.$get())).users, 'staff')

const user = client.admin.users[':userId']
export const disableStaff = action(async (userId: string) =>
  (await call(() => user.disable.$post({ param: { userId }, json: {} }))).user, 'disable-staff')
export const enableStaff = action(async (userId: string) =>
  (await call(() => user.enable.$post({ param: { userId }, json: {} }))).user, 'enable-staff')
export const endStaffSessions = action(async (userId: string) =>
  (await call(() => user.sessions.end.$post({ param: { userId }, json: {} }))).ended, 'end-staff-sessions')
export const resetStaffPassword = action(async (userId: string) =>
  (await call(() => user.password.$post({ param: { userId }, json: {} }))).password, 'reset-staff-password')

export const getAudit = query(async (f: AuditFilter) => {
  const filter: { action?: string; actorId?: string; from?: string; to?: string } = {}
  for (const key of ['action', 'actorId', 'from', 'to'] as const) if (f[key]) filter[key] = f[key]
  return call(() => client.admin.audit.$get({ query: { limit: String(f.limit), offset: String(f.offset), ...filter } }))
}, 'audit')

// Asked on a click, never cached: the answer is about the log as it is now.
export const verifyAudit = async () => (await call(() => client.admin.audit.verify.$get())).verification

import { action, query } from '@solidjs/router'
import type { AuditPage, AuditVerification, StaffMember } from '../../api/schemas/wire'
import { api } from './client'

// The staff list, each account's lifecycle and the audit log: the admin's part of the console.
export type AuditFilter = { action?: string; actorId?: string; from?: string; to?: string; limit: number; offset: number }

export const getStaff = query(async () => (await api<{ users: StaffMember[] }>('GET', '/admin/users')).users, 'staff')

export const disableStaff = action(async (id: string) => (await api<{ user: StaffMember }>('POST', `/admin/users/${id}/disable`, {})).user, 'disable-staff')
export const enableStaff = action(async (id: string) => (await api<{ user: StaffMember }>('POST', `/admin/users/${id}/enable`, {})).user, 'enable-staff')
export const endStaffSessions = action(async (id: string) => (await api<{ ended: number }>('POST', `/admin/users/${id}/sessions/end`, {})).ended, 'end-staff-sessions')
export const resetStaffPassword = action(async (id: string) => (await api<{ password: string }>('POST', `/admin/users/${id}/password`, {})).password, 'reset-staff-password')

export const getAudit = query(async (f: AuditFilter) => {
  const params = new URLSearchParams({ limit: String(f.limit), offset: String(f.offset) })
  for (const key of ['action', 'actorId', 'from', 'to'] as const) if (f[key]) params.set(key, f[key]!)
  return api<AuditPage>('GET', `/admin/audit?${params}`)
}, 'audit')

// Asked on a click, never cached: the answer is about the log as it is now.
export const verifyAudit = async () => (await api<{ verification: AuditVerification }>('GET', '/admin/audit/verify')).verification

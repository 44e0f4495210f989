import { action, query } from '@solidjs/router'
import type { AppointedCoordinator, CoordinatorAccount, CoordinatorOverview, UnitMembersPage } from '../../api/schemas/wire'
import type { AppointCoordinatorInput } from '../../api/schemas/coordinators'
import { api } from './client'

// The coordinator's console (/dieu-phoi) and the organizer's "Điều phối viên" section of a contest.
export type MembersFilter = { roundId?: string; took?: 'true' | 'false'; q?: string }

const search = (f: MembersFilter) => {
  const p = new URLSearchParams()
  if (f.roundId) p.set('roundId', f.roundId)
  if (f.took) p.set('took', f.took)
  if (f.q?.trim()) p.set('q', f.q.trim())
  const s = p.toString()
  return s ? `?${s}` : ''
}

export const membersFileUrl = (unitId: string, f: MembersFilter, ext: 'csv' | 'xlsx') => `/api/coordinator/units/${unitId}/members.${ext}${search(f)}`

export const getCoordinatorOverview = query(async (roundId?: string) =>
  api<CoordinatorOverview>('GET', `/coordinator/overview${search({ roundId })}`), 'coordinator-overview')
export const getUnitMembers = query(async (unitId: string, f: MembersFilter) =>
  api<UnitMembersPage>('GET', `/coordinator/units/${unitId}/members${search(f)}`), 'unit-members')

export const getContestCoordinators = query(async (contestId: string) =>
  (await api<{ coordinators: CoordinatorAccount[] }>('GET', `/admin/contests/${contestId}/coordinators`)).coordinators, 'contest-coordinators')
export const appointCoordinator = action(async (contestId: string, input: AppointCoordinatorInput) =>
  (await api<{ user: AppointedCoordinator }>('POST', `/admin/contests/${contestId}/coordinators`, input)).user, 'appoint-coordinator')
export const removeCoordinator = action(async (contestId: string, userId: string) => {
  await api('DELETE', `/admin/contests/${contestId}/coordinators/${userId}`)
  return { removed: userId }
}, 'remove-coordinator')

import { action, query } from '@solidjs/router'
import type { AppointCoordinatorInput } from '../../api/schemas/coordinators'
import { call, client } from './client'

// The coordinator's console (/dieu-phoi) and the organizer's "Điều phối viên" section of a contest.
export type MembersFilter = { roundId?: string; took?: 'true' | 'false'; q?: string }

// Only the filters that are set, in this order, as the query string has always carried them.
const filterQuery = (f: MembersFilter) => ({
  ...(f.roundId ? { roundId: f.roundId } : {}),
  ...(f.took ? { took: f.took } : {}),
  ...(f.q?.trim() ? { q: f.q.trim() } : {}),
})

const search = (f: MembersFilter) => {
  const s = new URLSearchParams(filterQuery(f)).toString()
  return s ? `?${s}` : ''
}

export const membersFileUrl = (unitId: string, f: MembersFilter, ext: 'csv' | 'xlsx') => `/api/coordinator/units/${unitId}/members.${ext}${search(f)}`

export const getCoordinatorOverview = query(async (roundId?: string) =>
  call(() => client.coordinator.overview.$get({ query: filterQuery({ roundId }) })), 'coordinator-overview')
export const getUnitMembers = query(async (unitId: string, f: MembersFilter) =>
  call(() => client.coordinator.units[':unitId'].members.$get({ param: { unitId }, query: filterQuery(f) })), 'unit-members')

export const getContestCoordinators = query(async (contestId: string) =>
  (await call(() => client.admin.contests[':contestId'].coordinators.$get({ param: { contestId } }))).coordinators, 'contest-coordinators')
export const appointCoordinator = action(async (contestId: string, input: AppointCoordinatorInput) =>
  (await call(() => client.admin.contests[':contestId'].coordinators.$post({ param: { contestId }, json: input }))).user, 'appoint-coordinator')
export const removeCoordinator = action(async (contestId: string, userId: string) => {
  await call(() => client.admin.contests[':contestId'].coordinators[':userId'].$delete({ param: { contestId, userId } }))
  return { removed: userId }
}, 'remove-coordinator')

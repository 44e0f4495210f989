import { action, query } from '@solidjs/router'
import type { ContestDetail, ContestSummary, CreatedStaff, PersonMatch, RoundSummary, Unit } from '../../api/schemas/wire'
import type { CreateContestInput, CreateRoundInput, CreateUserInput, PatchRoundInput, UnitsInput, UpdateContestInput } from '../../api/schemas/admin'
import { api } from './client'

// Console reads and writes for contests, rounds, units, people and staff. Loaded only by /quan-tri pages.
type RoundBody = Omit<CreateRoundInput, 'opensAt' | 'closesAt' | 'freezeAt'> & { opensAt: string; closesAt: string; freezeAt?: string | null }
type RoundPatch = Omit<PatchRoundInput, 'opensAt' | 'closesAt' | 'freezeAt'> & { opensAt?: string; closesAt?: string; freezeAt?: string | null }
export type Person = PersonMatch

export const getAdminContests = query(async () => (await api<{ contests: ContestSummary[] }>('GET', '/admin/contests')).contests, 'admin-contests')
export const getAdminContest = query(async (id: string) => (await api<{ contest: ContestDetail }>('GET', `/admin/contests/${id}`)).contest, 'admin-contest')
export const getAdminUnits = query(async (contestId: string) =>
  (await api<{ units: Unit[] }>('GET', `/admin/contests/${contestId}/units`)).units, 'admin-units')
// Any round, drafts included, with the contest it belongs to (for the page's breadcrumb).
export const getAdminRound = query(async (roundId: string) => {
  const { round } = await api<{ round: RoundSummary }>('GET', `/admin/rounds/${roundId}`)
  return { round, contest: await getAdminContest(round.contestId) }
}, 'admin-round')

export const searchPeople = query(async (q: string, limit = 50) =>
  (await api<{ participants: Person[] }>('GET', `/admin/participants?${new URLSearchParams({ q, limit: String(limit) })}`)).participants, 'people')

export const createContest = action(async (input: CreateContestInput) =>
  (await api<{ contest: { id: string; slug: string } }>('POST', '/admin/contests', input)).contest, 'create-contest')
export const updateContest = action(async (id: string, patch: UpdateContestInput) =>
  (await api<{ contest: ContestDetail }>('PATCH', `/admin/contests/${id}`, patch)).contest, 'update-contest')
export const publishContest = action(async (id: string) => { await api('POST', `/admin/contests/${id}/publish`) }, 'publish-contest')
export const upsertUnits = action(async (contestId: string, units: UnitsInput['units']) =>
  (await api<{ units: Unit[] }>('POST', `/admin/contests/${contestId}/units`, { units })).units, 'upsert-units')
export const createRound = action(async (contestId: string, input: RoundBody) =>
  (await api<{ round: RoundSummary }>('POST', `/admin/contests/${contestId}/rounds`, input)).round, 'create-round')
export const updateRound = action(async (roundId: string, patch: RoundPatch) =>
  (await api<{ round: RoundSummary }>('PATCH', `/admin/rounds/${roundId}`, patch)).round, 'update-round')

export const createStaff = action(async (input: CreateUserInput) =>
  (await api<{ user: CreatedStaff }>('POST', '/admin/users', input)).user, 'create-staff')
export const resetPassword = action(async (participantId: string) =>
  (await api<{ password: string }>('POST', `/admin/participants/${participantId}/password`, {})).password, 'reset-password')

export type { RoundBody, RoundPatch }

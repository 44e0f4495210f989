import { action, query } from '@solidjs/router'
import type { ContestDetail, ContestSummary, RoundSummary, Unit } from '../../api/schemas/wire'
import type { CreateContestInput, CreateRoundInput, CreateUserInput, PatchRoundInput, UnitsInput } from '../../api/schemas/admin'
import { api, ApiError } from './client'

// Console reads and writes for contests, rounds, units and staff. Loaded only by /quan-tri pages.
type RoundBody = Omit<CreateRoundInput, 'opensAt' | 'closesAt' | 'freezeAt'> & { opensAt: string; closesAt: string; freezeAt?: string | null }
type RoundPatch = Omit<PatchRoundInput, 'opensAt' | 'closesAt' | 'freezeAt'> & { opensAt?: string; closesAt?: string; freezeAt?: string | null }

export const getAdminContests = query(async () => (await api<{ contests: ContestSummary[] }>('GET', '/admin/contests')).contests, 'admin-contests')
export const getAdminContest = query(async (id: string) => (await api<{ contest: ContestDetail }>('GET', `/admin/contests/${id}`)).contest, 'admin-contest')
// GET /api/admin/contests/:id/units does not exist yet; the public list answers 404 for a draft contest.
export const getAdminUnits = query(async (contestId: string): Promise<Unit[] | null> => {
  for (const path of [`/admin/contests/${contestId}/units`, `/contests/${contestId}/units`]) {
    try {
      return (await api<{ units: Unit[] }>('GET', path)).units
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 404) throw err
    }
  }
  return null
}, 'admin-units')

// Rounds live inside contests; a round's page finds it through the contest list.
export const findAdminRound = query(async (roundId: string) => {
  for (const contest of await getAdminContests()) {
    const round = contest.rounds.find((r) => r.id === roundId)
    if (round) return { contest, round }
  }
  return null
}, 'admin-round')

export const createContest = action(async (input: CreateContestInput) =>
  (await api<{ contest: { id: string; slug: string } }>('POST', '/admin/contests', input)).contest, 'create-contest')
export const publishContest = action(async (id: string) => { await api('POST', `/admin/contests/${id}/publish`) }, 'publish-contest')
export const upsertUnits = action(async (contestId: string, units: UnitsInput['units']) =>
  (await api<{ units: Unit[] }>('POST', `/admin/contests/${contestId}/units`, { units })).units, 'upsert-units')
export const createRound = action(async (contestId: string, input: RoundBody) =>
  (await api<{ round: RoundSummary }>('POST', `/admin/contests/${contestId}/rounds`, input)).round, 'create-round')
export const updateRound = action(async (roundId: string, patch: RoundPatch) =>
  (await api<{ round: RoundSummary }>('PATCH', `/admin/rounds/${roundId}`, patch)).round, 'update-round')

export const createStaff = action(async (input: CreateUserInput) =>
  (await api<{ user: { id: string; username: string; role: string } }>('POST', '/admin/users', input)).user, 'create-staff')
export const resetPassword = action(async (participantId: string) =>
  (await api<{ password: string }>('POST', `/admin/participants/${participantId}/password`)).password, 'reset-password')

export type { RoundBody, RoundPatch }

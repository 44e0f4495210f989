import { action, query } from '@solidjs/router'
import type { PersonMatch } from '../../api/schemas/wire'
import type { CreateContestInput, CreateRoundInput, CreateUserInput, PatchRoundInput, UnitsInput, UpdateContestInput } from '../../api/schemas/admin'
import { call, client } from './client'

// Console reads and writes for contests, rounds, units, people and staff. Loaded only by /quan-tri pages.
type RoundBody = Omit<CreateRoundInput, 'opensAt' | 'closesAt' | 'freezeAt'> & { opensAt: string; closesAt: string; freezeAt?: string | null }
type RoundPatch = Omit<PatchRoundInput, 'opensAt' | 'closesAt' | 'freezeAt'> & { opensAt?: string; closesAt?: string; freezeAt?: string | null }
export type Person = PersonMatch

const contest = (contestId: string) => ({ param: { contestId } })
const round = (roundId: string) => ({ param: { roundId } })

export const getAdminContests = query(async () => (await call(() => client.admin.contests.$get())).contests, 'admin-contests')
export const getAdminContest = query(async (id: string) =>
  (await call(() => client.admin.contests[':contestId'].$get(contest(id)))).contest, 'admin-contest')
export const getAdminUnits = query(async (contestId: string) =>
  (await call(() => client.admin.contests[':contestId'].units.$get(contest(contestId)))).units, 'admin-units')
// Any round, drafts included, with the contest it belongs to (for the page's breadcrumb).
export const getAdminRound = query(async (roundId: string) => {
  const { round: r } = await call(() => client.admin.rounds[':roundId'].$get(round(roundId)))
  return { round: r, contest: await getAdminContest(r.contestId) }
}, 'admin-round')

export const searchPeople = query(async (q: string, limit = 50) =>
  (await call(() => client.admin.participants.$get({ query: { q, limit: String(limit) } }))).participants, 'people')

export const createContest = action(async (input: CreateContestInput) =>
  (await call(() => client.admin.contests.$post({ json: input }))).contest, 'create-contest')
export const updateContest = action(async (id: string, patch: UpdateContestInput) =>
  (await call(() => client.admin.contests[':contestId'].$patch({ ...contest(id), json: patch }))).contest, 'update-contest')
export const publishContest = action(async (id: string) => {
  await call(() => client.admin.contests[':contestId'].publish.$post({ ...contest(id), json: {} }))
}, 'publish-contest')
export const upsertUnits = action(async (contestId: string, units: UnitsInput['units']) =>
  (await call(() => client.admin.contests[':contestId'].units.$post({ ...contest(contestId), json: { units } }))).units, 'upsert-units')
export const createRound = action(async (contestId: string, input: RoundBody) =>
  (await call(() => client.admin.contests[':contestId'].rounds.$post({ ...contest(contestId), json: input }))).round, 'create-round')
export const updateRound = action(async (roundId: string, patch: RoundPatch) =>
  (await call(() => client.admin.rounds[':roundId'].$patch({ ...round(roundId), json: patch }))).round, 'update-round')

export const createStaff = action(async (input: CreateUserInput) =>
  (await call(() => client.admin.users.$post({ json: input }))).user, 'create-staff')
export const resetPassword = action(async (participantId: string) =>
  (await call(() => client.admin.participants[':participantId'].password.$post({ param: { participantId }, json: {} }))).password, 'reset-password')

export type { RoundBody, RoundPatch }

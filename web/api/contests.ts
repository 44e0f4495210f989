import { query } from '@solidjs/router'
import type { ContestDetail, ContestSummary, RoundSummary, Unit } from '../../api/schemas/wire'
import { api } from './client'

export const getContests = query(async () => (await api<{ contests: ContestSummary[] }>('GET', '/contests')).contests, 'contests')
// Accepts an id or a slug, as the server does.
export const getContest = query(async (id: string) => (await api<{ contest: ContestDetail }>('GET', `/contests/${encodeURIComponent(id)}`)).contest, 'contest')
export const getUnits = query(async (contestId: string) => (await api<{ units: Unit[] }>('GET', `/contests/${contestId}/units`)).units, 'units')
export const getMyUnit = query(async (contestId: string) =>
  (await api<{ unitId: string | null }>('GET', `/me/contests/${contestId}/unit`)).unitId, 'my-unit')

export const setMyUnit = (contestId: string, unitId: string) => api('PUT', `/me/contests/${contestId}/unit`, { unitId })

// There is no GET /api/rounds/:id; a round is found through the published contests that hold it.
export const findRound = query(async (roundId: string): Promise<{ contest: ContestSummary; round: RoundSummary } | null> => {
  const contests = await getContests()
  for (const contest of contests) {
    const round = contest.rounds.find((r) => r.id === roundId)
    if (round) return { contest, round }
  }
  return null
}, 'find-round')

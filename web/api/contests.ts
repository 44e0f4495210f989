import { query } from '@solidjs/router'
import type { ContestDetail, ContestSummary, RoundSummary, Unit } from '../../api/schemas/wire'
import { api, ApiError } from './client'

export const getContests = query(async () => (await api<{ contests: ContestSummary[] }>('GET', '/contests')).contests, 'contests')
// Accepts an id or a slug, as the server does.
export const getContest = query(async (id: string) => (await api<{ contest: ContestDetail }>('GET', `/contests/${encodeURIComponent(id)}`)).contest, 'contest')
export const getUnits = query(async (contestId: string) => (await api<{ units: Unit[] }>('GET', `/contests/${contestId}/units`)).units, 'units')

export const setMyUnit = (contestId: string, unitId: string) => api('PUT', `/me/contests/${contestId}/unit`, { unitId })

// A published contest's round with its contest, or null when there is no such public round.
export const getRound = query(async (roundId: string): Promise<{ contest: ContestDetail; round: RoundSummary } | null> => {
  try {
    const { round } = await api<{ round: RoundSummary }>('GET', `/rounds/${encodeURIComponent(roundId)}`)
    return { round, contest: await getContest(round.contestId) }
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null
    throw err
  }
}, 'round')

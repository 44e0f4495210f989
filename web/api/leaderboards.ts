import { query } from '@solidjs/router'
import type { Leaderboard, UnitsLeaderboardEntry } from '../../api/schemas/wire'
import { api } from './client'

export type Scope = 'round' | 'contest'
const base = (scope: Scope, id: string) => (scope === 'round' ? `/rounds/${id}` : `/contests/${id}`)

export const getLeaderboard = query(async (scope: Scope, id: string, offset: number, limit: number, q: string) => {
  const params = new URLSearchParams({ limit: String(limit), offset: String(offset) })
  if (q.trim()) params.set('q', q.trim())
  return api<Leaderboard>('GET', `${base(scope, id)}/leaderboard?${params}`)
}, 'leaderboard')

export const getUnitsLeaderboard = query(async (scope: Scope, id: string) =>
  (await api<{ entries: UnitsLeaderboardEntry[] }>('GET', `${base(scope, id)}/units-leaderboard`)).entries, 'units-leaderboard')

// The locked prize lists of a round; empty (finalized: false) until judges finalize it.
export type RoundPrizes = {
  finalized: boolean; predictionTruth: number | null
  prizes: { rank: number; name: string; participantId: string; fullName: string; unitName: string | null }[]
  unitPrizes: { rank: number; name: string; unitId: string; unitName: string }[]
}
export const getRoundPrizes = query(async (roundId: string) => api<RoundPrizes>('GET', `/rounds/${roundId}/prizes`), 'round-prizes')

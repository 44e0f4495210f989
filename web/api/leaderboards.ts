import { query } from '@solidjs/router'
import type { Leaderboard, MyPlace, RoundPrizes, UnitsLeaderboardEntry } from '../../api/schemas/wire'
import { api } from './client'

export type Scope = 'round' | 'contest'
const base = (scope: Scope, id: string) => (scope === 'round' ? `/rounds/${id}` : `/contests/${id}`)

export const getLeaderboard = query(async (scope: Scope, id: string, offset: number, limit: number, q: string) => {
  const params = new URLSearchParams({ limit: String(limit), offset: String(offset) })
  if (q.trim()) params.set('q', q.trim())
  return api<Leaderboard>('GET', `${base(scope, id)}/leaderboard?${params}`)
}, 'leaderboard')

// One level of the unit tree, ranked among itself: the children of parentId, or the roots when null.
export const getUnitsLeaderboard = query(async (scope: Scope, id: string, parentId: string | null) => {
  const level = parentId ? `parentId=${encodeURIComponent(parentId)}` : 'top=true'
  return (await api<{ entries: UnitsLeaderboardEntry[] }>('GET', `${base(scope, id)}/units-leaderboard?${level}`)).entries
}, 'units-leaderboard')

// Every unit in the unit order (the judges' chart).
export const getAllUnitsLeaderboard = query(async (scope: Scope, id: string) =>
  (await api<{ entries: UnitsLeaderboardEntry[] }>('GET', `${base(scope, id)}/units-leaderboard`)).entries, 'all-units-leaderboard')

// The signed-in participant's place on a board and how many it ranks; entry null when not on it.
// On a contest board the entry also lists the round prizes won (ContestMyEntry).
export const getMyPlace = query(async (scope: Scope, id: string) => api<MyPlace>('GET', `${base(scope, id)}/leaderboard/me`), 'my-place')

export const getRoundPrizes = query(async (roundId: string) => api<RoundPrizes>('GET', `/rounds/${roundId}/prizes`), 'round-prizes')

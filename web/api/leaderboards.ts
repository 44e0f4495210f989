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

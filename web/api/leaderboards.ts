import { query } from '@solidjs/router'
import type { MyPlace } from '../../api/schemas/wire'
import { call, client } from './client'

export type Scope = 'round' | 'contest'

export const getLeaderboard = query(async (scope: Scope, id: string, offset: number, limit: number, q: string) => {
  const page = { limit: String(limit), offset: String(offset), ...(q.trim() ? { q: q.trim() } : {}) }
  return scope === 'round'
    ? call(() => client.rounds[':roundId'].leaderboard.$get({ param: { roundId: id }, query: page }))
    : call(() => client.contests[':contestId'].leaderboard.$get({ param: { contestId: id }, query: page }))
}, 'leaderboard')

// Every unit by default; one level of the tree with parentId (its children) or top=true (the roots).
type UnitLevel = { parentId?: string; top?: 'true' }
const unitsBoard = async (scope: Scope, id: string, level: UnitLevel) =>
  (await (scope === 'round'
    ? call(() => client.rounds[':roundId']['units-leaderboard'].$get({ param: { roundId: id }, query: level }))
    : call(() => client.contests[':contestId']['units-leaderboard'].$get({ param: { contestId: id }, query: level })))).entries

// One level of the unit tree, ranked among itself: the children of parentId, or the roots when null.
export const getUnitsLeaderboard = query(async (scope: Scope, id: string, parentId: string | null) =>
  unitsBoard(scope, id, parentId ? { parentId } : { top: 'true' }), 'units-leaderboard')

// Every unit in the unit order (the judges' chart).
export const getAllUnitsLeaderboard = query(async (scope: Scope, id: string) => unitsBoard(scope, id, {}), 'all-units-leaderboard')

// The signed-in participant's place on a board and how many it ranks; entry null when not on it.
// On a contest board the entry also lists the round prizes won (ContestMyEntry).
export const getMyPlace = query(async (scope: Scope, id: string): Promise<MyPlace> =>
  scope === 'round'
    ? call(() => client.rounds[':roundId'].leaderboard.me.$get({ param: { roundId: id } }))
    : call(() => client.contests[':contestId'].leaderboard.me.$get({ param: { contestId: id } })), 'my-place')

export const getRoundPrizes = query(async (roundId: string) =>
  call(() => client.rounds[':roundId'].prizes.$get({ param: { roundId } })), 'round-prizes')

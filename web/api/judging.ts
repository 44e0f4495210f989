import { action, query } from '@solidjs/router'
import type { RoundPrizes } from '../../api/schemas/wire'
import { ApiError, call, client } from './client'
import { getRoundPrizes } from './leaderboards'

const rounds = client.admin.rounds[':roundId']

export const STANDINGS_PAGE = 100
export const getStandings = query(async (roundId: string, offset: number) =>
  call(() => rounds.standings.$get({ param: { roundId }, query: { limit: String(STANDINGS_PAGE), offset: String(offset) } })), 'standings')
export const getReports = query(async () => (await call(() => client.admin.reports.$get())).reports, 'reports')

export const disqualify = action(async (roundId: string, participantId: string, reason: string) => {
  await call(() => rounds.disqualify.$post({ param: { roundId }, json: { participantId, reason } }))
}, 'disqualify')
// The reason goes to the audit entry; the console always asks for one (issue 15).
export const undoDisqualify = action(async (roundId: string, participantId: string, reason: string) => {
  await call(() => rounds.disqualify[':participantId'].$delete({ param: { roundId, participantId }, json: { reason } }))
}, 'undo-disqualify')
export const finalizeRound = action(async (roundId: string) => call(() => rounds.finalize.$post({ param: { roundId }, json: {} })), 'finalize')
export const regrade = action(async (roundId: string, questionId: string) =>
  call(() => rounds.regrade.$post({ param: { roundId }, json: { questionId } })), 'regrade')

export const getItemStats = query(async (roundId: string) =>
  call(() => rounds['item-stats'].$get({ param: { roundId } })), 'item-stats')

export const getActivity = query(async (roundId: string, bucketMinutes: number) =>
  (await call(() => rounds.activity.$get({ param: { roundId }, query: { bucketMinutes: String(bucketMinutes) } }))).buckets, 'activity')

// The public prize lists, read for the console; a draft contest's round has none to show publicly (404 → null).
export const getFinalPrizes = query(async (roundId: string): Promise<RoundPrizes | null> => {
  try {
    return await getRoundPrizes(roundId)
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null
    throw err
  }
}, 'judge-prizes')

import { action, query } from '@solidjs/router'
import type { ActivityBucket, FinalizeResult, JudgeStandings, QuestionReport, RegradeResult, RoundItemStats, RoundPrizes } from '../../api/schemas/wire'
import { api, ApiError } from './client'
import { getRoundPrizes } from './leaderboards'

export const STANDINGS_PAGE = 100
export const getStandings = query(async (roundId: string, offset: number) =>
  api<JudgeStandings>('GET', `/admin/rounds/${roundId}/standings?limit=${STANDINGS_PAGE}&offset=${offset}`), 'standings')
export const getReports = query(async () => (await api<{ reports: QuestionReport[] }>('GET', '/admin/reports')).reports, 'reports')

export const disqualify = action(async (roundId: string, participantId: string, reason: string) => {
  await api('POST', `/admin/rounds/${roundId}/disqualify`, { participantId, reason })
}, 'disqualify')
// The reason goes to the audit entry; the console always asks for one (issue 15).
export const undoDisqualify = action(async (roundId: string, participantId: string, reason: string) => {
  await api('DELETE', `/admin/rounds/${roundId}/disqualify/${participantId}`, { reason })
}, 'undo-disqualify')
export const finalizeRound = action(async (roundId: string) => api<FinalizeResult>('POST', `/admin/rounds/${roundId}/finalize`), 'finalize')
export const regrade = action(async (roundId: string, questionId: string) =>
  api<RegradeResult>('POST', `/admin/rounds/${roundId}/regrade`, { questionId }), 'regrade')

export const getItemStats = query(async (roundId: string) =>
  api<RoundItemStats>('GET', `/admin/rounds/${roundId}/item-stats`), 'item-stats')

export const getActivity = query(async (roundId: string, bucketMinutes: number) =>
  (await api<{ buckets: ActivityBucket[] }>('GET', `/admin/rounds/${roundId}/activity?bucketMinutes=${bucketMinutes}`)).buckets, 'activity')

// The public prize lists, read for the console; a draft contest's round has none to show publicly (404 → null).
export const getFinalPrizes = query(async (roundId: string): Promise<RoundPrizes | null> => {
  try {
    return await getRoundPrizes(roundId)
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null
    throw err
  }
}, 'judge-prizes')

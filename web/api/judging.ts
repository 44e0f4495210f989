import { action, query } from '@solidjs/router'
import type { FinalizeResult, RoundSummary, StandingsEntry, UnitsLeaderboardEntry } from '../../api/schemas/wire'
import { api } from './client'

export type Standings = { round: RoundSummary; total: number; entries: StandingsEntry[] }
export type Report = { id: string; attemptId: string; position: number; questionId: string; participantId: string; message: string; createdAt: string }

export const STANDINGS_PAGE = 100
export const getStandings = query(async (roundId: string, offset: number) =>
  api<Standings>('GET', `/admin/rounds/${roundId}/standings?limit=${STANDINGS_PAGE}&offset=${offset}`), 'standings')
export const getReports = query(async () => (await api<{ reports: Report[] }>('GET', '/admin/reports')).reports, 'reports')
export const getRoundUnits = query(async (roundId: string) =>
  (await api<{ entries: UnitsLeaderboardEntry[] }>('GET', `/rounds/${roundId}/units-leaderboard`)).entries, 'judge-units')

export const disqualify = action(async (roundId: string, participantId: string, reason: string) => {
  await api('POST', `/admin/rounds/${roundId}/disqualify`, { participantId, reason })
}, 'disqualify')
export const undoDisqualify = action(async (roundId: string, participantId: string) => {
  await api('DELETE', `/admin/rounds/${roundId}/disqualify/${participantId}`)
}, 'undo-disqualify')
export const finalizeRound = action(async (roundId: string) => api<FinalizeResult>('POST', `/admin/rounds/${roundId}/finalize`), 'finalize')
export const regrade = action(async (roundId: string, questionId: string) =>
  api<{ rescored: number }>('POST', `/admin/rounds/${roundId}/regrade`, { questionId }), 'regrade')

export type ItemStat = {
  questionId: string; revision: number; topic: string; stem: string; timesDrawn: number; answered: number; correctCount: number
  facility: number; upperFacility: number | null; lowerFacility: number | null; discrimination: number | null
  options: { key: string; text: string; correct: boolean; count: number }[]; flags: ('too_hard' | 'too_easy' | 'negative_discrimination')[]
}
export const getItemStats = query(async (roundId: string) =>
  api<{ attempts: number; items: ItemStat[] }>('GET', `/admin/rounds/${roundId}/item-stats`), 'item-stats')

import { query } from '@solidjs/router'
import { api } from './client'

export type OpenFlag = { kind: string; evidence: string; participantId: string; fullName: string; unitName: string }
export type RoundReport = { id: string; attemptId: string; position: number; questionId: string; participantId: string; fullName: string; message: string; createdAt: string }

// What the finalize dialog lists before a judge confirms (GET /admin/rounds/:roundId/open-flags).
export const getOpenFlags = query(async (roundId: string) =>
  api<{ flags: OpenFlag[]; reports: RoundReport[] }>('GET', `/admin/rounds/${roundId}/open-flags`), 'open-flags')

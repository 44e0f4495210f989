import { action, query } from '@solidjs/router'
import type { Attempt, AttemptSummary, SubmitResult } from '../../api/schemas/wire'
import type { SendResult } from '../stores/answer-queue'
import { api, ApiError } from './client'

export const getAttempt = query(async (id: string) => (await api<{ attempt: Attempt }>('GET', `/attempts/${id}`)).attempt, 'attempt')
export const getMyAttempts = query(async (roundId?: string) =>
  (await api<{ attempts: AttemptSummary[] }>('GET', `/me/attempts${roundId ? `?roundId=${encodeURIComponent(roundId)}` : ''}`)).attempts, 'my-attempts')

export const startAttempt = (roundId: string) => api<{ attempt: Attempt }>('POST', `/rounds/${roundId}/attempts`, {}).then((r) => r.attempt)

export const submitAttempt = (attemptId: string, prediction: number | null) =>
  api<{ result: SubmitResult }>('POST', `/attempts/${attemptId}/submit`, prediction == null ? {} : { prediction }).then((r) => r.result)

// The answer queue's transport: tells it whether to retry, give up, or stop because the attempt ended.
export async function sendAnswer(attemptId: string, position: number, choice: string[]): Promise<SendResult> {
  try {
    await api('PUT', `/attempts/${attemptId}/items/${position}`, { choice })
    return { ok: true }
  } catch (err) {
    if (!(err instanceof ApiError)) return { ok: false, retry: true }
    if (err.code === 'ATTEMPT_CLOSED') return { ok: false, retry: false, closed: true }
    // A lost session keeps the answer queued: it goes out after signing in again.
    if (err.status === 401) return { ok: false, retry: false, signedOut: true, message: err.message }
    return { ok: false, retry: err.retriable, message: err.message }
  }
}

export const reportQuestion = action(async (attemptId: string, position: number, message: string) => {
  await api('POST', `/attempts/${attemptId}/items/${position}/report`, { message })
  return { ok: true }
}, 'report-question')

import { action, query } from '@solidjs/router'
import type { SendResult } from '../stores/answer-queue'
import { ApiError, call, client } from './client'

export const getAttempt = query(async (id: string) =>
  (await call(() => client.attempts[':attemptId'].$get({ param: { attemptId: id } }))).attempt, 'attempt')
export const getMyAttempts = query(async (roundId?: string) =>
  (await call(() => client.me.attempts.$get({ query: roundId ? { roundId } : {} }))).attempts, 'my-attempts')

// 201 for a new attempt, 200 for the one already running: the same answer either way.
export const startAttempt = (roundId: string) =>
  call(() => client.rounds[':roundId'].attempts.$post({ param: { roundId }, json: {} })).then((r) => r.attempt)

export const submitAttempt = (attemptId: string, prediction: number | null) =>
  call(() => client.attempts[':attemptId'].submit.$post({ param: { attemptId }, json: prediction == null ? {} : { prediction } })).then((r) => r.result)

// The answer queue's transport: tells it whether to retry, give up, or stop because the attempt ended.
export async function sendAnswer(attemptId: string, position: number, choice: string[]): Promise<SendResult> {
  try {
    await call(() => client.attempts[':attemptId'].items[':position'].$put({ param: { attemptId, position: String(position) }, json: { choice } }))
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
  await call(() => client.attempts[':attemptId'].items[':position'].report.$post({ param: { attemptId, position: String(position) }, json: { message } }))
  return { ok: true }
}, 'report-question')

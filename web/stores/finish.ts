import type { SubmitResult } from '../../api/schemas/wire'
import { submitAttempt } from '../api/attempts'
import { ApiError } from '../api/client'
import { serverNow } from './clock'
import type { Quiz } from './quiz'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

// Submit only after every queued answer is on the server (a submit first would refuse them), unless the
// deadline comes: then what reached the server in time is what counts, as on the server's own expiry.
// A lost session stops it with a 401: the quiz asks to sign in again and keeps the answers.
export async function finishAttempt(quiz: Quiz, prediction: number | null, onWaiting: (waiting: boolean) => void): Promise<SubmitResult> {
  const deadline = Date.parse(quiz.attempt.deadlineAt)
  while (quiz.pendingCount() > 0 && serverNow() < deadline) {
    onWaiting(true)
    quiz.retryNow()
    await quiz.drained(Math.max(500, Math.min(3000, deadline - serverNow())))
    if (quiz.signedOut()) throw new ApiError(401, 'UNAUTHENTICATED', 'signed out')
  }
  if (quiz.pendingCount() > 0) await quiz.drained(2500)
  for (let i = 0; ; i++) {
    try {
      const result = await submitAttempt(quiz.attempt.id, prediction)
      onWaiting(false)
      return result
    } catch (err) {
      if (!(err instanceof ApiError) || !err.retriable) throw err
      onWaiting(true)
      await sleep(Math.min(1000 * 2 ** i, 10_000))
    }
  }
}

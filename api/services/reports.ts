import { all, run, type Program } from '../../db/program'
import type { AliasedRow } from '../../db/row-types'
import type { questionReports } from '../../db/schema'
import { AppError, notFound } from '../errors'
import { newId } from '../lib/ids'
import { iso } from '../lib/time'
import { reviewOpen } from '../rules/attempt-time'
import type { QuestionReport } from '../schemas/wire'
import { itemAt } from './attempt-store'
import { ownAttemptRow } from './attempts'
import { roundRow } from './round-view'

// Reports open with review: before that a report could hint at keys to others taking the round.
export function* fileReport(participantId: string, attemptId: string, position: number, message: string, now: number): Program<{ id: string; questionId: string; createdAt: string }> {
  const attempt = yield* ownAttemptRow(participantId, attemptId)
  const round = yield* roundRow(attempt.round_id)
  if (!reviewOpen(round, now)) throw new AppError('ROUND_NOT_CLOSED', 'Chỉ có thể phản ánh câu hỏi sau khi đợt thi kết thúc.')
  const item = yield* itemAt(attempt.seq, position)
  if (!item) throw notFound(`câu số ${position}`)
  const id = newId()
  yield* run(`INSERT INTO question_reports (id, attempt_id, position, question_id, participant_id, message, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`, id, attemptId, position, item.question_id, participantId, message, now)
  return { id, questionId: item.question_id, createdAt: iso(now) }
}

type ReportRow = AliasedRow<typeof questionReports>

export function* listRecentReports(): Program<QuestionReport[]> {
  const rows = yield* all<ReportRow>(`SELECT id, attempt_id AS "attemptId", position, question_id AS "questionId", participant_id AS "participantId",
    message, created_at AS "createdAt" FROM question_reports ORDER BY created_at DESC LIMIT 1000`)
  return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) }))
}

import type { Db } from '../../db/client'
import { all, type Program } from '../../db/program'
import { runSqlite } from '../../db/sqlite-runner'
import { questionReports } from '../../db/schema'
import { AppError, notFound } from '../errors'
import { newId } from '../lib/ids'
import { iso } from '../lib/time'
import { attemptStore } from './attempt-store'
import { ownAttempt } from './attempts'
import { reviewOpen } from '../rules/attempt-time'
import { getRoundRow } from './round-view'

// Reports open with review: before that a report could hint at keys to others taking the round.
export function reportQuestion(db: Db, participantId: string, attemptId: string, position: number, message: string, now: number) {
  const attempt = ownAttempt(db, participantId, attemptId)
  const round = getRoundRow(db, attempt.round_id)
  if (!reviewOpen(round, now)) throw new AppError('ROUND_NOT_CLOSED', 'Chỉ có thể phản ánh câu hỏi sau khi đợt thi kết thúc.')
  const item = attemptStore(db).items(attempt.seq).find((i) => i.position === position)
  if (!item) throw notFound(`câu số ${position}`)
  const row = { id: newId(), attemptId, position, questionId: item.question_id, participantId, message, createdAt: now }
  db.insert(questionReports).values(row).run()
  return { id: row.id, questionId: row.questionId, createdAt: iso(now) }
}

type ReportRow = { id: string; attemptId: string; position: number; questionId: string; participantId: string; message: string; createdAt: number }

export function* listRecentReports(): Program<(Omit<ReportRow, 'createdAt'> & { createdAt: string })[]> {
  const rows = yield* all<ReportRow>(`SELECT id, attempt_id AS "attemptId", position, question_id AS "questionId", participant_id AS "participantId",
    message, created_at AS "createdAt" FROM question_reports ORDER BY created_at DESC LIMIT 1000`)
  return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) }))
}

// SQLite bridge for the callers not yet written as programs (issue #13).
export const listReports = (db: Db) => runSqlite(db, listRecentReports())

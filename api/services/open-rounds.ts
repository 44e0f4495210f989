import { all, type Program } from '../../db/program'
import { pastWritesSql } from '../rules/attempt-time'
import type { OpenRound, QuestionForEditor } from '../schemas/wire'
import { readQuestion } from './questions'


// The rounds still running that drew a question: their window is open, or an attempt that drew it can still
// be written (started before the close, within its time and grace). An edit makes a new revision; those
// attempts keep the revision they drew (shown and scored with it), so the editor is told before saving.
export function* openRoundsDrawing(questionId: string, now: number): Program<OpenRound[]> {
  const rows = yield* all<OpenRound>(`SELECT r.id, r.title, c.title AS "contestTitle", count(DISTINCT a.seq) AS attempts
    FROM attempt_items i JOIN attempts a ON a.seq = i.attempt_seq JOIN rounds r ON r.id = a.round_id JOIN contests c ON c.id = r.contest_id
    WHERE i.question_id = ? AND r.finalized_at IS NULL AND ((r.opens_at <= ? AND r.closes_at > ?) OR (a.status = 'in_progress' AND NOT ${pastWritesSql('a', 'r', '?')}))
    GROUP BY r.id, r.title, c.title, r.opens_at ORDER BY r.opens_at, r.id`, questionId, now, now, now)
  return rows.map((r) => ({ ...r, attempts: Number(r.attempts) }))
}

export function* questionForEditor(questionId: string, now: number): Program<QuestionForEditor> {
  return { question: yield* readQuestion(questionId), openRounds: yield* openRoundsDrawing(questionId, now) }
}

import type { Db } from '../../db/client'
import { pastWritesSql } from '../rules/attempt-time'
import type { AttemptStatus } from '../schemas/wire'

// Prepared statements for the attempt hot paths (start, save, submit, sweep), built once per database.
export type AttemptRow = {
  seq: number; id: string; round_id: string; participant_id: string; number: number; status: AttemptStatus
  started_at: number; deadline_at: number; submitted_at: number | null; ended_at: number | null; prediction: number | null
  score: number | null; max_score: number | null; correct_count: number | null
}
export type NewItem = { seq: number; position: number; questionId: string; revision: number; optionOrder: string }
export type ItemRow = { position: number; question_id: string; revision: number; option_order: string; choice: string; answered_at: number | null }

function build(db: Db) {
  const c = db.$client
  const byId = c.prepare('SELECT * FROM attempts WHERE id = ?')
  // On the partial index of attempts in progress: one entry per person at most.
  const inProgress = c.prepare("SELECT * FROM attempts WHERE round_id = ? AND participant_id = ? AND status = 'in_progress'")
  const countFor = c.prepare('SELECT count(*) AS n FROM attempts WHERE round_id = ? AND participant_id = ?')
  const seen = c.prepare(`SELECT DISTINCT i.question_id AS id FROM attempt_items i JOIN attempts a ON a.seq = i.attempt_seq
    WHERE a.round_id = ? AND a.participant_id = ?`)
  const insertAttempt = c.prepare(`INSERT INTO attempts (id, round_id, participant_id, number, status, started_at, deadline_at, client_address)
    VALUES (@id, @roundId, @participantId, @number, 'in_progress', @startedAt, @deadlineAt, @clientAddress)
    ON CONFLICT (round_id, participant_id) WHERE status = 'in_progress' DO NOTHING`)
  // All items of a new attempt in one statement (one per item count): one call instead of twenty.
  const insertItemsBy = new Map<number, ReturnType<typeof c.prepare>>()
  const insertItems = (items: NewItem[]) => {
    let stmt = insertItemsBy.get(items.length)
    if (!stmt) {
      const values = Array.from({ length: items.length }, () => "(?, ?, ?, ?, ?, '[]')").join(', ')
      insertItemsBy.set(items.length, (stmt = c.prepare(`INSERT INTO attempt_items (attempt_seq, position, question_id, revision, option_order, choice) VALUES ${values}`)))
    }
    stmt.run(items.flatMap((it) => [it.seq, it.position, it.questionId, it.revision, it.optionOrder]))
  }
  const items = c.prepare('SELECT position, question_id, revision, option_order, choice, answered_at FROM attempt_items WHERE attempt_seq = ? ORDER BY position')
  const saveChoice = c.prepare('UPDATE attempt_items SET choice = @choice, answered_at = @at WHERE attempt_seq = @seq AND position = @position')
  const markItem = c.prepare('UPDATE attempt_items SET correct = @correct WHERE attempt_seq = @seq AND position = @position')
  const finish = c.prepare(`UPDATE attempts SET status = @status, submitted_at = @submittedAt, ended_at = @endedAt, prediction = @prediction,
    score = @score, max_score = @maxScore, correct_count = @correctCount, answer_sig = @answerSig,
    finish_seq = (SELECT coalesce(max(finish_seq), 0) + 1 FROM attempts)
    WHERE seq = @seq AND status = 'in_progress'`)
  const rescore = c.prepare('UPDATE attempts SET score = @score, max_score = @maxScore, correct_count = @correctCount WHERE seq = @seq')
  const item = c.prepare('SELECT position, question_id, revision, option_order, choice, answered_at FROM attempt_items WHERE attempt_seq = ? AND position = ?')
  const due = c.prepare(`SELECT a.* FROM attempts a JOIN rounds r ON r.id = a.round_id
    WHERE a.status = 'in_progress' AND ${pastWritesSql('a', 'r', '?')} LIMIT 500`)
  return {
    byId: (id: string) => byId.get(id) as AttemptRow | undefined,
    inProgress: (roundId: string, participantId: string) => inProgress.get(roundId, participantId) as AttemptRow | undefined,
    countFor: (roundId: string, participantId: string) => (countFor.get(roundId, participantId) as { n: number }).n,
    seen: (roundId: string, participantId: string) => new Set((seen.all(roundId, participantId) as { id: string }[]).map((r) => r.id)),
    // The new attempt's seq, or null when the person already has one in progress in the round.
    insertAttempt: (v: { id: string; roundId: string; participantId: string; number: number; startedAt: number; deadlineAt: number; clientAddress: string }) => {
      const done = insertAttempt.run(v)
      return done.changes ? Number(done.lastInsertRowid) : null
    },
    insertItems: (items: NewItem[]) => { if (items.length) insertItems(items) },
    items: (seq: number) => items.all(seq) as ItemRow[],
    item: (seq: number, position: number) => item.get(seq, position) as ItemRow | undefined,
    saveChoice: (v: { seq: number; position: number; choice: string; at: number }) => saveChoice.run(v).changes,
    markItem: (v: { seq: number; position: number; correct: number }) => markItem.run(v),
    finish: (v: { seq: number; status: AttemptStatus; submittedAt: number | null; endedAt: number; prediction: number | null; score: number; maxScore: number; correctCount: number; answerSig: string | null }) =>
      finish.run(v).changes,
    rescore: (v: { seq: number; score: number; maxScore: number; correctCount: number }) => rescore.run(v),
    due: (now: number) => due.all(now) as AttemptRow[],
  }
}

const stores = new WeakMap<Db, ReturnType<typeof build>>()
export function attemptStore(db: Db) {
  let s = stores.get(db)
  if (!s) stores.set(db, (s = build(db)))
  return s
}

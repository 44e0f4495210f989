import { all, get, lock, run, transaction, type Program } from '../../db/program'
import { AppError, notFound } from '../errors'
import type { RegradeResult } from '../schemas/wire'
import { logChange } from '../standings/change-log'
import { itemsOf, markItem, rescoreRow } from './attempt-store'
import { scoreItemsOf } from './attempts'
import { appendEntry, type Actor } from './audit'
import { readLatest } from './question-store'
import { roundRow } from './round-view'

// A write that moves a round's standings holds the round's lock until it commits, as finalize does: on
// PostgreSQL a disqualification or an undo then lands wholly before a finalize reads the round, or is
// refused after it. Taken before the round is read, so the read sees the other's commit.
function* openForJudging(roundId: string) {
  yield* lock(`round:${roundId}`)
  const round = yield* roundRow(roundId)
  if (round.finalizedAt != null) throw new AppError('CONFLICT', 'Đợt thi đã được chốt kết quả; không thể thay đổi truất quyền.')
  return round
}

// True when it changed something. Disqualifying again for the same reason changes nothing and appends no
// audit row: two judges (or a retried request) doing it at once leave one decision and one entry.
export function* disqualifyParticipant(actor: Actor, roundId: string, participantId: string, reason: string, now: number): Program<boolean> {
  return yield* transaction(function* () {
    yield* openForJudging(roundId)
    if (!(yield* get('SELECT id FROM participants WHERE id = ?', participantId))) throw notFound('thí sinh')
    const before = yield* get<{ reason: string }>('SELECT reason FROM disqualifications WHERE round_id = ? AND participant_id = ?', roundId, participantId)
    if (before?.reason === reason) return false
    yield* run(`INSERT INTO disqualifications (round_id, participant_id, reason, "by", "at") VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (round_id, participant_id) DO UPDATE SET reason = excluded.reason, "by" = excluded."by", "at" = excluded."at"`, roundId, participantId, reason, actor.id, now)
    yield* appendEntry(actor, 'round.disqualify', 'round', roundId, { participantId, reason }, now)
    yield* logChange({ kind: 'round', roundId }, now)
    return true
  })
}

// The reason, when given, is kept in the audit entry beside the person: who was restored and why.
export function* undoDisqualification(actor: Actor, roundId: string, participantId: string, now: number, reason?: string): Program<void> {
  yield* transaction(function* () {
    yield* openForJudging(roundId)
    const removed = yield* run('DELETE FROM disqualifications WHERE round_id = ? AND participant_id = ?', roundId, participantId)
    if (removed.changes === 0) throw notFound('quyết định truất quyền')
    yield* appendEntry(actor, 'round.undisqualify', 'round', roundId, reason ? { participantId, reason } : { participantId }, now)
    yield* logChange({ kind: 'round', roundId }, now)
  })
}

// Moves every item of this round that used the question to its latest revision and rescores finished
// attempts. Takes the round's lock first, as disqualify and finalize do: a finalize never reads half a regrade.
export function* regradeQuestion(actor: Actor, roundId: string, questionId: string, now: number): Program<RegradeResult> {
  return yield* transaction(function* () {
    yield* lock(`round:${roundId}`)
    yield* roundRow(roundId)
    const latest = yield* readLatest(questionId)
    if (!latest) throw notFound('câu hỏi')
    const seqs = yield* all<{ seq: number; status: string }>(`SELECT DISTINCT a.seq, a.status FROM attempts a JOIN attempt_items i ON i.attempt_seq = a.seq
      WHERE a.round_id = ? AND i.question_id = ?`, roundId, questionId)
    yield* run('UPDATE attempt_items SET revision = ? WHERE question_id = ? AND attempt_seq IN (SELECT seq FROM attempts WHERE round_id = ?)', latest.revision, questionId, roundId)
    let rescored = 0
    for (const { seq, status } of seqs) {
      if (status === 'in_progress') continue
      const { marks, totals } = yield* scoreItemsOf(yield* itemsOf(seq))
      yield* rescoreRow({ seq, ...totals })
      for (const m of marks) yield* markItem({ seq, position: m.position, correct: m.correct ? 1 : 0 })
      rescored++
    }
    yield* appendEntry(actor, 'round.regrade', 'round', roundId, { questionId, revision: latest.revision, rescored }, now)
    yield* logChange({ kind: 'round', roundId }, now)
    return { rescored }
  })
}

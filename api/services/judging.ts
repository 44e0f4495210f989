import { and, eq } from 'drizzle-orm'
import { prepared, type Db } from '../../db/client'
import { inTransaction } from '../../db/client'
import { disqualifications, participants } from '../../db/schema'
import { AppError, notFound } from '../errors'
import { recordChange } from '../standings/change-log'
import { attemptStore } from './attempt-store'
import { scoreAttemptItems } from './attempts'
import { appendAudit, type Actor } from './audit'
import { latestRevision } from './question-store'
import { getRoundRow } from './round-view'

type Deps = { db: Db; now: number }

function openForJudging(db: Db, roundId: string) {
  const round = getRoundRow(db, roundId)
  if (round.finalizedAt != null) throw new AppError('CONFLICT', 'Đợt thi đã được chốt kết quả; không thể thay đổi truất quyền.')
  return round
}

export function disqualify(deps: Deps, actor: Actor, roundId: string, participantId: string, reason: string) {
  const { db, now } = deps
  inTransaction(db, () => {
    openForJudging(db, roundId)
    if (!db.select({ id: participants.id }).from(participants).where(eq(participants.id, participantId)).get()) throw notFound('thí sinh')
    db.insert(disqualifications).values({ roundId, participantId, reason, by: actor.id, at: now })
      .onConflictDoUpdate({ target: [disqualifications.roundId, disqualifications.participantId], set: { reason, by: actor.id, at: now } }).run()
    appendAudit(db, actor, 'round.disqualify', 'round', roundId, { participantId, reason }, now)
    recordChange(db, { kind: 'round', roundId }, now)
  })
}

export function undoDisqualify(deps: Deps, actor: Actor, roundId: string, participantId: string) {
  const { db, now } = deps
  inTransaction(db, () => {
    openForJudging(db, roundId)
    const removed = db.delete(disqualifications).where(and(eq(disqualifications.roundId, roundId), eq(disqualifications.participantId, participantId))).run()
    if (removed.changes === 0) throw notFound('quyết định truất quyền')
    appendAudit(db, actor, 'round.undisqualify', 'round', roundId, { participantId }, now)
    recordChange(db, { kind: 'round', roundId }, now)
  })
}

// Moves every item of this round that used the question to its latest revision and rescores finished attempts.
export function regradeRound(deps: Deps, actor: Actor, roundId: string, questionId: string): { rescored: number } {
  const { db, now } = deps
  const rescored = inTransaction(db, () => {
    getRoundRow(db, roundId)
    const latest = latestRevision(db, questionId)
    if (!latest) throw notFound('câu hỏi')
    const seqs = prepared(db, `SELECT DISTINCT a.seq, a.status FROM attempts a JOIN attempt_items i ON i.attempt_seq = a.seq
      WHERE a.round_id = ? AND i.question_id = ?`).all(roundId, questionId) as { seq: number; status: string }[]
    prepared(db, `UPDATE attempt_items SET revision = ? WHERE question_id = ? AND attempt_seq IN (SELECT seq FROM attempts WHERE round_id = ?)`)
      .run(latest.revision, questionId, roundId)
    const store = attemptStore(db)
    let count = 0
    for (const { seq, status } of seqs) {
      if (status === 'in_progress') continue
      const { marks, totals } = scoreAttemptItems(db, store.items(seq))
      store.rescore({ seq, ...totals })
      for (const m of marks) store.markItem({ seq, position: m.position, correct: m.correct ? 1 : 0 })
      count++
    }
    appendAudit(db, actor, 'round.regrade', 'round', roundId, { questionId, revision: latest.revision, rescored: count }, now)
    recordChange(db, { kind: 'round', roundId }, now)
    return count
  })
  return { rescored }
}

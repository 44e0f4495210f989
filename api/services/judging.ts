import { and, eq, ne } from 'drizzle-orm'
import { prepared, type Db } from '../../db/client'
import { inTransaction } from '../../db/client'
import { disqualifications, participants, roundPrizes, roundUnitPrizes, rounds } from '../../db/schema'
import { AppError, notFound } from '../errors'
import { allocatePrizes, allocateUnitPrizes } from '../rules/prizes'
import { rankUnits, unitStatsFromDirect } from '../rules/units'
import type { FinalizeResult } from '../schemas/wire'
import { attemptStore } from './attempt-store'
import { expireDueAttempts, scoreAttemptItems } from './attempts'
import { appendAudit, type Actor } from './audit'
import { getContestRow } from './contests'
import { latestRevision } from './question-store'
import { getRoundRow } from './round-view'
import { finalTop, predictionTruthSql, writeFinalRanking } from './final-ranking'
import { reviewOpen } from '../rules/attempt-time'
import { recordChange } from '../standings/change-log'
import type { Standings } from '../standings/standings'
import { unitRows } from '../standings/unit-names'

type Deps = { db: Db; standings: Standings; now: number }

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

// Computes the true prediction value, the final ranking and the prize list, and locks them (SPEC §5).
export function finalizeRound(deps: Deps, actor: Actor, roundId: string): FinalizeResult {
  const { db, now } = deps
  if (!reviewOpen(getRoundRow(db, roundId), now)) throw new AppError('ROUND_NOT_CLOSED', 'Chưa thể chốt kết quả: đợt thi chưa kết thúc.')
  // Attempts the sweeper has not reached yet are scored (and committed) first, so the final ranking and
  // the live board the unit prizes are read from both count them all.
  expireDueAttempts(deps)
  return inTransaction(db, () => {
    const round = getRoundRow(db, roundId)
    const contest = getContestRow(db, round.contestId)
    const truth = round.predictionEnabled && round.predictionTarget ? predictionTruthSql(db, roundId, round.predictionTarget) : null
    const ranked = writeFinalRanking(db, roundId, round.tiebreak, truth)
    const excluded = contest.onePrizePerPerson ? prizeWinnersElsewhere(db, round.contestId, roundId) : new Set<string>()
    const prizeCount = round.prizes.reduce((n, p) => n + p.count, 0)
    const prizes = allocatePrizes(finalTop(db, roundId, prizeCount + excluded.size), round.prizes, excluded)
    db.delete(roundPrizes).where(eq(roundPrizes.roundId, roundId)).run()
    for (const p of prizes) db.insert(roundPrizes).values({ roundId, rank: p.rank, name: p.name, participantId: p.participantId }).run()
    // Unit figures come from best scores only, which the live board already totals per unit.
    const unitRanking = rankUnits(unitStatsFromDirect(unitRows(db, round.contestId), deps.standings.liveBoard(round).direct))
    const unitPrizes = allocateUnitPrizes(unitRanking.map((u) => ({ unitId: u.unitId, rank: u.rank })), round.unitPrizes)
    db.delete(roundUnitPrizes).where(eq(roundUnitPrizes.roundId, roundId)).run()
    for (const p of unitPrizes) db.insert(roundUnitPrizes).values({ roundId, rank: p.rank, name: p.name, unitId: p.unitId }).run()
    db.update(rounds).set({ finalizedAt: now, predictionTruth: truth }).where(eq(rounds.id, roundId)).run()
    const auditHead = appendAudit(db, actor, 'round.finalize', 'round', roundId, { predictionTruth: truth, ranked, prizes, unitPrizes }, now)
    recordChange(db, { kind: 'finalize', roundId }, now)
    return { predictionTruth: truth, prizes, unitPrizes, auditHead }
  })
}

function prizeWinnersElsewhere(db: Db, contestId: string, roundId: string): Set<string> {
  const rows = db.select({ participantId: roundPrizes.participantId }).from(roundPrizes)
    .innerJoin(rounds, eq(rounds.id, roundPrizes.roundId)).where(and(eq(rounds.contestId, contestId), ne(roundPrizes.roundId, roundId))).all()
  return new Set(rows.map((r) => r.participantId))
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

import { and, eq, max, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { inTransaction } from '../../db/client'
import { attempts, rounds } from '../../db/schema'
import { AppError } from '../errors'
import { newId } from '../lib/ids'
import { reviewOpen, reviewOpensAt } from '../rules/attempt-time'
import { checkBlueprint } from '../rules/draw'
import type { CreateRoundInput, PatchRoundInput } from '../schemas/admin'
import { appendAudit, type Actor } from './audit'
import { getContestRow } from './contests'
import { publishedPool } from './question-store'
import { recordChange } from '../standings/change-log'
import { DEFAULT_TIEBREAK, getRoundRow, type RoundRow } from './round-view'

function validateRound(db: Db, r: Omit<RoundRow, 'id' | 'number' | 'finalizedAt' | 'predictionTruth' | 'finalGeneration'>): void {
  if (r.closesAt <= r.opensAt) throw new AppError('VALIDATION_FAILED', 'Thời điểm đóng phải sau thời điểm mở.')
  if (r.freezeAt != null && (r.freezeAt < r.opensAt || r.freezeAt > r.closesAt)) {
    throw new AppError('VALIDATION_FAILED', 'Thời điểm đóng băng bảng xếp hạng phải nằm trong thời gian mở đợt thi.')
  }
  if (r.predictionEnabled && !r.predictionTarget) throw new AppError('VALIDATION_FAILED', 'Cần chọn điều mà câu hỏi dự đoán hỏi (target).')
  if (r.blueprint.length) {
    const sum = r.blueprint.reduce((s, b) => s + b.count, 0)
    if (sum !== r.questionCount) throw new AppError('VALIDATION_FAILED', `Tổng số câu trong cấu trúc đề (${sum}) phải bằng số câu của đợt thi (${r.questionCount}).`)
  }
  const shortfalls = checkBlueprint(publishedPool(db), r.blueprint, r.questionCount)
  if (shortfalls.length) {
    const parts = shortfalls.map((s) => `${s.topic ?? 'mọi chủ đề'}${s.tag ? `, thẻ ${s.tag}` : ''}${s.difficulty ? `, độ khó ${s.difficulty}` : ''}: cần ${s.needed}, ngân hàng có ${s.available}`)
    throw new AppError('VALIDATION_FAILED', `Ngân hàng câu hỏi không đủ cho cấu trúc đề: ${parts.join('; ')}.`, { shortfalls })
  }
}

export function createRound(db: Db, actor: Actor, contestId: string, input: CreateRoundInput, now: number, defaultGraceSec: number): RoundRow {
  return inTransaction(db, () => {
    getContestRow(db, contestId)
    const fields = {
      contestId, title: input.title, opensAt: input.opensAt, closesAt: input.closesAt,
      questionCount: input.questionCount ?? (input.blueprint?.length ? input.blueprint.reduce((s, b) => s + b.count, 0) : 20),
      timeLimitSec: input.timeLimitSec ?? 900, maxAttempts: input.maxAttempts === undefined ? 3 : input.maxAttempts,
      blueprint: input.blueprint ?? [], predictionEnabled: input.prediction?.enabled ?? false,
      predictionTarget: input.prediction?.enabled ? input.prediction.target ?? null : null,
      tiebreak: input.tiebreak ?? [...DEFAULT_TIEBREAK], prizes: input.prizes ?? [], unitPrizes: input.unitPrizes ?? [],
      freezeAt: input.freezeAt ?? null, graceSec: input.graceSec ?? defaultGraceSec, reviewKeys: input.reviewKeys ?? 'protect',
    }
    validateRound(db, fields)
    const number = (db.select({ n: max(rounds.number) }).from(rounds).where(eq(rounds.contestId, contestId)).get()?.n ?? 0) + 1
    const row: RoundRow = { id: newId(), number, finalizedAt: null, predictionTruth: null, finalGeneration: 0, ...fields }
    db.insert(rounds).values(row).run()
    appendAudit(db, actor, 'round.create', 'round', row.id, row, now)
    return row
  })
}

export function updateRound(db: Db, actor: Actor, roundId: string, input: PatchRoundInput, now: number): RoundRow {
  return inTransaction(db, () => {
    const before = getRoundRow(db, roundId)
    if (before.finalizedAt != null) throw new AppError('CONFLICT', 'Đợt thi đã được chốt kết quả, không thể sửa.')
    const { prediction, ...rest } = input
    const next: RoundRow = { ...before, ...stripUndefined(rest) }
    if (prediction) {
      next.predictionEnabled = prediction.enabled
      next.predictionTarget = prediction.enabled ? prediction.target ?? null : null
    }
    if (input.blueprint && input.questionCount === undefined && input.blueprint.length) next.questionCount = input.blueprint.reduce((s, b) => s + b.count, 0)
    validateRound(db, next)
    // Keys have been shown: a round reopened by a later close would let those who saw them answer again.
    if (reviewOpen(before, now) && reviewOpensAt(next) > reviewOpensAt(before)) {
      throw new AppError('CONFLICT', 'Đợt thi đã đóng và đã mở phần xem đáp án; không thể dời thời điểm đóng (hay thời gian gia hạn) muộn hơn.')
    }
    const { id: _id, ...changes } = next
    db.update(rounds).set(changes).where(eq(rounds.id, roundId)).run()
    // Moving the close earlier caps the deadlines of attempts in progress (SPEC §3).
    if (next.closesAt < before.closesAt) {
      db.update(attempts).set({ deadlineAt: sql`min(${attempts.deadlineAt}, ${next.closesAt})` })
        .where(and(eq(attempts.roundId, roundId), eq(attempts.status, 'in_progress'))).run()
    }
    appendAudit(db, actor, 'round.update', 'round', roundId, { before, after: next }, now)
    recordChange(db, { kind: 'round', roundId }, now)
    return next
  })
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}

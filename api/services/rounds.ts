import { and, eq, max, sql } from 'drizzle-orm'
import { prepared, type Db } from '../../db/client'
import { inTransaction } from '../../db/client'
import { attempts, rounds } from '../../db/schema'
import { AppError, notFound } from '../errors'
import { newId } from '../lib/ids'
import { iso, isoOrNull } from '../lib/time'
import { checkBlueprint } from '../rules/draw'
import type { CreateRoundInput, PatchRoundInput } from '../schemas/admin'
import type { RoundStatus, RoundSummary } from '../schemas/wire'
import { appendAudit, type Actor } from './audit'
import { getContestRow } from './contests'
import { publishedPool } from './question-store'
import { invalidateRound } from './round-board'

export type RoundRow = typeof rounds.$inferSelect
export const DEFAULT_TIEBREAK = ['prediction', 'duration', 'submittedAt'] as const

export const graceMs = (r: Pick<RoundRow, 'graceSec'>) => r.graceSec * 1000

export function roundStatus(r: RoundRow, now: number): RoundStatus {
  if (r.finalizedAt != null) return 'finalized'
  if (now < r.opensAt) return 'scheduled'
  return now < r.closesAt ? 'open' : 'closed'
}

// Keys and explanations stay hidden until closesAt plus grace, when no write can be accepted any more.
export const reviewOpen = (r: RoundRow, now: number) => now >= r.closesAt + graceMs(r)

export function roundView(r: RoundRow, now: number): RoundSummary {
  return {
    id: r.id, contestId: r.contestId, number: r.number, title: r.title, opensAt: iso(r.opensAt), closesAt: iso(r.closesAt),
    status: roundStatus(r, now), questionCount: r.questionCount, timeLimitSec: r.timeLimitSec, maxAttempts: r.maxAttempts,
    graceSec: r.graceSec, prediction: { enabled: r.predictionEnabled, target: r.predictionTarget ?? null },
    tiebreak: r.tiebreak, prizes: r.prizes, unitPrizes: r.unitPrizes, freezeAt: isoOrNull(r.freezeAt), blueprint: r.blueprint,
    finalizedAt: isoOrNull(r.finalizedAt), predictionTruth: r.predictionTruth,
  }
}

type RawRound = {
  id: string; contest_id: string; number: number; title: string; opens_at: number; closes_at: number; question_count: number; time_limit_sec: number
  max_attempts: number | null; blueprint: string; prediction_enabled: number; prediction_target: RoundRow['predictionTarget']; tiebreak: string
  prizes: string; unit_prizes: string; freeze_at: number | null; grace_sec: number; finalized_at: number | null; prediction_truth: number | null
}
const parsedJson = new Map<string, unknown>()
// Round JSON columns repeat across calls; parsing each text once keeps the hot paths free of JSON.parse.
// Parsed values are shared, so nothing downstream may mutate them.
function parseOnce<T>(text: string): T {
  let value = parsedJson.get(text)
  if (value === undefined) {
    if (parsedJson.size > 10_000) parsedJson.clear()
    parsedJson.set(text, (value = JSON.parse(text)))
  }
  return value as T
}

// Read on every attempt request: one prepared statement, not a query built each time (STACK.md).
export function getRoundRow(db: Db, roundId: string): RoundRow {
  const r = prepared(db, 'SELECT * FROM rounds WHERE id = ?').get(roundId) as RawRound | undefined
  if (!r) throw notFound('đợt thi')
  return {
    id: r.id, contestId: r.contest_id, number: r.number, title: r.title, opensAt: r.opens_at, closesAt: r.closes_at, questionCount: r.question_count,
    timeLimitSec: r.time_limit_sec, maxAttempts: r.max_attempts, blueprint: parseOnce(r.blueprint), predictionEnabled: r.prediction_enabled === 1,
    predictionTarget: r.prediction_target, tiebreak: parseOnce(r.tiebreak), prizes: parseOnce(r.prizes), unitPrizes: parseOnce(r.unit_prizes),
    freezeAt: r.freeze_at, graceSec: r.grace_sec, finalizedAt: r.finalized_at, predictionTruth: r.prediction_truth,
  }
}

function validateRound(db: Db, r: Omit<RoundRow, 'id' | 'number' | 'finalizedAt' | 'predictionTruth'>): void {
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
      freezeAt: input.freezeAt ?? null, graceSec: input.graceSec ?? defaultGraceSec,
    }
    validateRound(db, fields)
    const number = (db.select({ n: max(rounds.number) }).from(rounds).where(eq(rounds.contestId, contestId)).get()?.n ?? 0) + 1
    const row: RoundRow = { id: newId(), number, finalizedAt: null, predictionTruth: null, ...fields }
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
    const { id: _id, ...changes } = next
    db.update(rounds).set(changes).where(eq(rounds.id, roundId)).run()
    // Moving the close earlier caps the deadlines of attempts in progress (SPEC §3).
    if (next.closesAt < before.closesAt) {
      db.update(attempts).set({ deadlineAt: sql`min(${attempts.deadlineAt}, ${next.closesAt})` })
        .where(and(eq(attempts.roundId, roundId), eq(attempts.status, 'in_progress'))).run()
    }
    appendAudit(db, actor, 'round.update', 'round', roundId, { before, after: next }, now)
    invalidateRound(db, roundId)
    return next
  })
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}

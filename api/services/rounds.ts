import { get, lock, run, transaction, type Program } from '../../db/program'
import { AppError } from '../errors'
import { newId } from '../lib/ids'
import { reviewOpen, reviewOpensAt } from '../rules/attempt-time'
import { checkBlueprint } from '../rules/draw'
import type { DrawCandidate } from '../rules/types'
import type { CreateRoundInput, PatchRoundInput } from '../schemas/admin'
import { logChange } from '../standings/change-log'
import { appendEntry, type Actor } from './audit'
import { contestRow } from './contests'
import { currentPublished } from './question-store'
import { DEFAULT_TIEBREAK, roundRow, type RoundRow } from './round-view'

type RoundSettings = Omit<RoundRow, 'id' | 'number' | 'finalizedAt' | 'predictionTruth' | 'finalGeneration'>

// `pool` is the published bank a draw picks from.
function validateRound(pool: DrawCandidate[], r: RoundSettings): void {
  if (r.closesAt <= r.opensAt) throw new AppError('VALIDATION_FAILED', 'Thời điểm đóng phải sau thời điểm mở.')
  if (r.freezeAt != null && (r.freezeAt < r.opensAt || r.freezeAt > r.closesAt)) {
    throw new AppError('VALIDATION_FAILED', 'Thời điểm đóng băng bảng xếp hạng phải nằm trong thời gian mở đợt thi.')
  }
  if (r.predictionEnabled && !r.predictionTarget) throw new AppError('VALIDATION_FAILED', 'Cần chọn điều mà câu hỏi dự đoán hỏi (target).')
  if (r.blueprint.length) {
    const sum = r.blueprint.reduce((s, b) => s + b.count, 0)
    if (sum !== r.questionCount) throw new AppError('VALIDATION_FAILED', `Tổng số câu trong cấu trúc đề (${sum}) phải bằng số câu của đợt thi (${r.questionCount}).`)
  }
  const shortfalls = checkBlueprint(pool, r.blueprint, r.questionCount)
  if (shortfalls.length) {
    const parts = shortfalls.map((s) => `${s.topic ?? 'mọi chủ đề'}${s.tag ? `, thẻ ${s.tag}` : ''}${s.difficulty ? `, độ khó ${s.difficulty}` : ''}: cần ${s.needed}, ngân hàng có ${s.available}`)
    throw new AppError('VALIDATION_FAILED', `Ngân hàng câu hỏi không đủ cho cấu trúc đề: ${parts.join('; ')}.`, { shortfalls })
  }
}

// The settings columns in one order, with JSON as text and flags as 0/1.
const SETTINGS = 'title, opens_at, closes_at, question_count, time_limit_sec, max_attempts, blueprint, prediction_enabled, prediction_target, tiebreak, prizes, unit_prizes, freeze_at, grace_sec, review_keys'
const SET_SETTINGS = SETTINGS.split(', ').map((c) => `${c} = ?`).join(', ')
const settingsValues = (r: RoundSettings) => [r.title, r.opensAt, r.closesAt, r.questionCount, r.timeLimitSec, r.maxAttempts, JSON.stringify(r.blueprint),
  r.predictionEnabled ? 1 : 0, r.predictionTarget, JSON.stringify(r.tiebreak), JSON.stringify(r.prizes), JSON.stringify(r.unitPrizes), r.freezeAt, r.graceSec, r.reviewKeys]

export function* addRound(actor: Actor, contestId: string, input: CreateRoundInput, now: number, defaultGraceSec: number): Program<RoundRow> {
  return yield* transaction(function* () {
    yield* contestRow(contestId)
    const fields: RoundSettings = {
      contestId, title: input.title, opensAt: input.opensAt, closesAt: input.closesAt,
      questionCount: input.questionCount ?? (input.blueprint?.length ? input.blueprint.reduce((s, b) => s + b.count, 0) : 20),
      timeLimitSec: input.timeLimitSec ?? 900, maxAttempts: input.maxAttempts === undefined ? 3 : input.maxAttempts,
      blueprint: input.blueprint ?? [], predictionEnabled: input.prediction?.enabled ?? false,
      predictionTarget: input.prediction?.enabled ? input.prediction.target ?? null : null,
      tiebreak: input.tiebreak ?? [...DEFAULT_TIEBREAK], prizes: input.prizes ?? [], unitPrizes: input.unitPrizes ?? [],
      freezeAt: input.freezeAt ?? null, graceSec: input.graceSec ?? defaultGraceSec, reviewKeys: input.reviewKeys ?? 'protect',
    }
    validateRound((yield* currentPublished()).pool, fields)
    // Numbers are max + 1 within the contest: two servers adding rounds at once take turns, so they get
    // consecutive numbers (rounds_contest_number would refuse the second with a 500).
    yield* lock(`contest.rounds:${contestId}`)
    const { n } = (yield* get<{ n: number }>('SELECT coalesce(max(number), 0) AS n FROM rounds WHERE contest_id = ?', contestId))!
    const row: RoundRow = { id: newId(), number: n + 1, finalizedAt: null, predictionTruth: null, finalGeneration: 0, ...fields }
    yield* run(`INSERT INTO rounds (id, contest_id, number, finalized_at, prediction_truth, final_generation, ${SETTINGS})
      VALUES (?, ?, ?, NULL, NULL, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, row.id, contestId, row.number, ...settingsValues(row))
    yield* appendEntry(actor, 'round.create', 'round', row.id, row, now)
    return row
  })
}

// Two edits of one round take turns, so neither writes back settings read before the other changed them.
// Only the settings are written, and only while the round is not finalized: a finalize that commits while
// this waits makes the update find no row, which is the same 409 as finding it finalized at the start.
export function* editRound(actor: Actor, roundId: string, input: PatchRoundInput, now: number): Program<RoundRow> {
  return yield* transaction(function* () {
    yield* lock(`round:${roundId}`)
    const before = yield* roundRow(roundId)
    if (before.finalizedAt != null) throw finalized()
    const { prediction, ...rest } = input
    const next: RoundRow = { ...before, ...stripUndefined(rest) }
    if (prediction) {
      next.predictionEnabled = prediction.enabled
      next.predictionTarget = prediction.enabled ? prediction.target ?? null : null
    }
    if (input.blueprint && input.questionCount === undefined && input.blueprint.length) next.questionCount = input.blueprint.reduce((s, b) => s + b.count, 0)
    validateRound((yield* currentPublished()).pool, next)
    // Keys have been shown: a round reopened by a later close would let those who saw them answer again.
    if (reviewOpen(before, now) && reviewOpensAt(next) > reviewOpensAt(before)) {
      throw new AppError('CONFLICT', 'Đợt thi đã đóng và đã mở phần xem đáp án; không thể dời thời điểm đóng (hay thời gian gia hạn) muộn hơn.')
    }
    const { changes } = yield* run(`UPDATE rounds SET ${SET_SETTINGS} WHERE id = ? AND finalized_at IS NULL`, ...settingsValues(next), roundId)
    if (changes === 0) throw finalized()
    // Moving the close earlier caps the deadlines of attempts in progress (SPEC §3).
    if (next.closesAt < before.closesAt) {
      yield* run(`UPDATE attempts SET deadline_at = CASE WHEN deadline_at < ? THEN deadline_at ELSE ? END WHERE round_id = ? AND status = 'in_progress'`,
        next.closesAt, next.closesAt, roundId)
    }
    yield* appendEntry(actor, 'round.update', 'round', roundId, { before, after: next }, now)
    yield* logChange({ kind: 'round', roundId }, now)
    return next
  })
}

const finalized = () => new AppError('CONFLICT', 'Đợt thi đã được chốt kết quả, không thể sửa.')

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}

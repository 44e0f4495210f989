import { prepared, type Db } from '../../db/client'
import { inTransaction } from '../../db/client'
import { AppError, notFound } from '../errors'
import { newId } from '../lib/ids'
import { iso } from '../lib/time'
import { answerSignature } from '../rules/answer-signature'
import { deadlineFor, endedAt, isPastWrites, reviewOpen } from '../rules/attempt-time'
import { drawQuestions, shuffleOptions } from '../rules/draw'
import { cryptoRandom } from '../rules/random'
import { isItemCorrect, scoreItems } from '../rules/scoring'
import type { RandomSource } from '../rules/types'
import type { Attempt, AttemptItem, AttemptResult, AttemptSummary, SubmitResult } from '../schemas/wire'
import { attemptStore, type AttemptRow, type ItemRow } from './attempt-store'
import { KEY_WITHHELD, withheldKeys } from './review-keys'
import { getContestRow } from './contests'
import { participantUnitId } from './participants'
import { getRevision, publishedPool, publishedRevision } from './question-store'
import { getRoundRow, roundStatus, type RoundRow } from './round-view'

export type AttemptDeps = { db: Db; now: number; random?: RandomSource }

const letter = (i: number) => String.fromCharCode(65 + i)

export function startAttempt(deps: AttemptDeps, participantId: string, roundId: string, clientAddress = ''): { attempt: Attempt; created: boolean } {
  const { db, now } = deps
  const store = attemptStore(db)
  return inTransaction(db, () => {
    const round = getRoundRow(db, roundId)
    if (getContestRow(db, round.contestId).status !== 'published') throw notFound('đợt thi')
    if (roundStatus(round, now) !== 'open') throw new AppError('ROUND_NOT_OPEN', 'Đợt thi chưa mở hoặc đã kết thúc.')
    if (!participantUnitId(db, participantId, round.contestId)) throw new AppError('UNIT_REQUIRED', 'Vui lòng chọn đơn vị của bạn trong cuộc thi này trước khi thi.')
    const open = store.inProgress(roundId, participantId)
    if (open) {
      if (!isPastWrites(open.deadline_at, round, now)) return { attempt: attemptView(db, open, round, now), created: false }
      finishAttempt(deps, open, 'expired', null)
    }
    const used = store.countFor(roundId, participantId)
    if (round.maxAttempts != null && used >= round.maxAttempts) throw new AppError('NO_ATTEMPTS_LEFT', `Bạn đã dùng hết ${round.maxAttempts} lượt thi của đợt này.`)
    const random = deps.random ?? cryptoRandom
    const drawn = drawQuestions(publishedPool(db), round.blueprint, round.questionCount, store.seen(roundId, participantId), random)
    const row = { id: newId(), roundId, participantId, number: used + 1, startedAt: now, deadlineAt: deadlineFor(now, round), clientAddress }
    const seq = store.insertAttempt(row)
    // The database holds one attempt in progress per person and round: one started meanwhile is resumed.
    if (seq == null) return { attempt: attemptView(db, store.inProgress(roundId, participantId)!, round, now), created: false }
    const items = drawn.map((q, i) => {
      const revision = publishedRevision(db, q.id)
      if (revision == null) throw new Error(`question ${q.id} vanished during draw`)
      const content = getRevision(db, q.id, revision)
      return { seq, position: i + 1, questionId: q.id, revision, optionOrder: JSON.stringify(shuffleOptions(content.options, content.type, random)) }
    })
    store.insertItems(items)
    // The new attempt is shown from what was just written, not read back (a start is the hottest write).
    const created: AttemptRow = {
      seq, id: row.id, round_id: roundId, participant_id: participantId, number: row.number, status: 'in_progress', started_at: now, deadline_at: row.deadlineAt,
      submitted_at: null, ended_at: null, prediction: null, score: null, max_score: null, correct_count: null,
    }
    const itemRows = items.map((it) => ({ position: it.position, question_id: it.questionId, revision: it.revision, option_order: it.optionOrder, choice: '[]', answered_at: null }))
    return { attempt: attemptView(db, created, round, now, itemRows), created: true }
  })
}

// Loads an attempt that belongs to the participant; another person's attempt is "not found" (no probing).
export function ownAttempt(db: Db, participantId: string, attemptId: string): AttemptRow {
  const row = attemptStore(db).byId(attemptId)
  if (!row || row.participant_id !== participantId) throw notFound('lượt thi')
  return row
}

export function getAttempt(deps: AttemptDeps, participantId: string, attemptId: string): Attempt {
  const row = ownAttempt(deps.db, participantId, attemptId)
  const round = getRoundRow(deps.db, row.round_id)
  const fresh = expireIfDue(deps, row, round)
  return attemptView(deps.db, fresh, round, deps.now)
}

function expireIfDue(deps: AttemptDeps, row: AttemptRow, round: RoundRow): AttemptRow {
  if (row.status !== 'in_progress' || !isPastWrites(row.deadline_at, round, deps.now)) return row
  return inTransaction(deps.db, () => {
    finishAttempt(deps, row, 'expired', null)
    return attemptStore(deps.db).byId(row.id) ?? row
  })
}

export function saveAnswer(deps: AttemptDeps, participantId: string, attemptId: string, position: number, choice: string[]) {
  const { db, now } = deps
  const row = ownAttempt(db, participantId, attemptId)
  const round = getRoundRow(db, row.round_id)
  const closed = () => new AppError('ATTEMPT_CLOSED', 'Lượt thi đã kết thúc, không thể lưu câu trả lời.')
  if (row.status !== 'in_progress') throw closed()
  if (isPastWrites(row.deadline_at, round, now)) {
    expireIfDue(deps, row, round)
    throw closed()
  }
  const store = attemptStore(db)
  const item = store.item(row.seq, position)
  if (!item) throw notFound(`câu số ${position}`)
  const content = getRevision(db, item.question_id, item.revision)
  const letters = new Set(JSON.parse(item.option_order).map((_: string, i: number) => letter(i)))
  const chosen = [...new Set(choice)].sort()
  const bad = chosen.find((k) => !letters.has(k))
  if (bad) throw new AppError('VALIDATION_FAILED', `Phương án ${bad} không có trong câu ${position}.`)
  if (content.type !== 'multiple' && chosen.length > 1) throw new AppError('VALIDATION_FAILED', `Câu ${position} chỉ được chọn một phương án.`)
  if (store.saveChoice({ seq: row.seq, position, choice: JSON.stringify(chosen), at: now }) !== 1) throw closed()
  return { saved: true as const, position }
}

export function submitAttempt(deps: AttemptDeps, participantId: string, attemptId: string, prediction: number | null): SubmitResult {
  const { db, now } = deps
  return inTransaction(db, () => {
    let row = ownAttempt(db, participantId, attemptId)
    const round = getRoundRow(db, row.round_id)
    if (row.status === 'in_progress') {
      const late = isPastWrites(row.deadline_at, round, now)
      finishAttempt(deps, row, late ? 'expired' : 'submitted', late || !round.predictionEnabled ? null : prediction)
      row = attemptStore(db).byId(attemptId) ?? row
    }
    const result = resultOf(row)
    if (!result) throw new Error('finished attempt without score')
    return { attemptId: row.id, ...result, submittedAt: row.submitted_at == null ? null : iso(row.submitted_at) }
  })
}

// Scores the items with each item's recorded revision (a regrade moves items to the corrected one).
export function scoreAttemptItems(db: Db, items: ItemRow[]) {
  const marked = items.map((it) => {
    const content = getRevision(db, it.question_id, it.revision)
    const order: string[] = JSON.parse(it.option_order)
    const chosen = (JSON.parse(it.choice) as string[]).map((l) => order[l.charCodeAt(0) - 65]).filter((k): k is string => !!k)
    return { position: it.position, questionId: it.question_id, correct: content.correct, chosen, weight: content.weight }
  })
  return { marks: marked.map((m) => ({ position: m.position, correct: isItemCorrect(m.correct, m.chosen) })), totals: scoreItems(marked), answerSig: answerSignature(marked) }
}

// Runs inside the caller's transaction. Ended = min(submittedAt, deadlineAt); expired attempts keep no prediction.
export function finishAttempt(deps: AttemptDeps, row: AttemptRow, status: 'submitted' | 'expired', prediction: number | null) {
  const store = attemptStore(deps.db)
  const { marks, totals, answerSig } = scoreAttemptItems(deps.db, store.items(row.seq))
  const submittedAt = status === 'submitted' ? deps.now : null
    const changed = store.finish({ seq: row.seq, status, submittedAt, endedAt: endedAt(submittedAt, row.deadline_at), prediction: status === 'submitted' ? prediction : null, ...totals, answerSig })
  if (changed !== 1) return
  for (const m of marks) store.markItem({ seq: row.seq, position: m.position, correct: m.correct ? 1 : 0 })
}

export function expireDueAttempts(deps: AttemptDeps): number {
  let total = 0
  for (;;) {
    const due = attemptStore(deps.db).due(deps.now)
    if (!due.length) return total
    inTransaction(deps.db, () => {
      for (const row of due) finishAttempt(deps, row, 'expired', null)
    })
    total += due.length
  }
}

function resultOf(row: AttemptRow): AttemptResult | undefined {
  if (row.status === 'in_progress' || row.score == null || row.ended_at == null) return undefined
  return { score: row.score, maxScore: row.max_score ?? 0, correctCount: row.correct_count ?? 0, durationMs: row.ended_at - row.started_at }
}

export function attemptSummary(row: AttemptRow): AttemptSummary {
  const result = resultOf(row)
  return {
    id: row.id, roundId: row.round_id, number: row.number, status: row.status, startedAt: iso(row.started_at), deadlineAt: iso(row.deadline_at),
    submittedAt: row.submitted_at == null ? null : iso(row.submitted_at), ...(result ? { result } : {}),
  }
}

export function attemptView(db: Db, row: AttemptRow, round: RoundRow, now: number, items: ItemRow[] = attemptStore(db).items(row.seq)): Attempt {
  const review = reviewOpen(round, now)
  const withheld = review ? withheldKeys(db, round, now, items.map((it) => it.question_id)) : new Set<string>()
  const view: AttemptItem[] = items.map((it) => {
    const content = getRevision(db, it.question_id, it.revision)
    const order: string[] = JSON.parse(it.option_order)
    const byKey = new Map(content.options.map((o) => [o.key, o.text]))
    const item: AttemptItem = {
      position: it.position, questionId: it.question_id, type: content.type, stem: content.stem,
      options: order.map((k, i) => ({ key: letter(i), text: byKey.get(k) ?? '' })), choice: JSON.parse(it.choice),
    }
    if (review && withheld.has(it.question_id)) item.keyWithheld = KEY_WITHHELD
    else if (review) {
      item.correct = order.map((k, i) => (content.correct.includes(k) ? letter(i) : null)).filter((k): k is string => k !== null)
      item.explanation = content.explanation
      item.source = content.source
    }
    return item
  })
  const summary = attemptSummary(row)
  return { ...summary, prediction: row.prediction, items: view }
}

export function listMyAttempts(db: Db, participantId: string, roundId?: string): AttemptSummary[] {
  const rows = prepared(db, `SELECT * FROM attempts WHERE participant_id = ? ${roundId ? 'AND round_id = ?' : ''} ORDER BY seq`)
    .all(...(roundId ? [participantId, roundId] : [participantId])) as AttemptRow[]
  return rows.map(attemptSummary)
}

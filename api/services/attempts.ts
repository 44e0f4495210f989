import { all, transaction, type Program } from '../../db/program'
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
import {
  attemptById, attemptInProgress, attemptsOfPerson, dueAttempts, finishRow, insertAttempt, insertItems, itemsOf, lockAttempt, lockPersonInRound, markItems,
  questionsSeen, saveChoice, saveTarget, type AttemptRow, type ItemRow,
} from './attempt-store'
import { contestRow } from './contests'
import { findContestUnit } from './participants'
import { currentPublished, revisionContent } from './question-store'
import { KEY_WITHHELD, keysWithheld } from './review-keys'
import { roundRow, roundStatus, type RoundRow } from './round-view'

// What the programs need of a request: its time (arrival, for saves and submits) and a random source.
export type AttemptContext = { now: number; random?: RandomSource }

const letter = (i: number) => String.fromCharCode(65 + i)

// A new attempt, or the one in progress. Runs as one transaction; the person's lock makes counting and
// numbering one step across servers (the partial unique index would refuse a second attempt in progress
// anyway, and the number is unique per person and round).
export function* beginAttempt(ctx: AttemptContext, participantId: string, roundId: string, clientAddress = ''): Program<{ attempt: Attempt; created: boolean }> {
  const { now } = ctx
  const round = yield* roundRow(roundId)
  if ((yield* contestRow(round.contestId)).status !== 'published') throw notFound('đợt thi')
  if (roundStatus(round, now) !== 'open') throw new AppError('ROUND_NOT_OPEN', 'Đợt thi chưa mở hoặc đã kết thúc.')
  if (!(yield* findContestUnit(participantId, round.contestId))) throw new AppError('UNIT_REQUIRED', 'Vui lòng chọn đơn vị của bạn trong cuộc thi này trước khi thi.')
  yield* lockPersonInRound(roundId, participantId)
  // One look at the person's attempts in the round: the one in progress, and how many were used (an expiry
  // below does not change the count). A first attempt has seen no questions: no need to ask.
  const mine = yield* attemptsOfPerson(roundId, participantId)
  const open = mine.find((a) => a.status === 'in_progress')
  if (open) {
    if (!isPastWrites(open.deadline_at, round, now)) return { attempt: yield* viewOf(open, round, now), created: false }
    yield* lockAttempt(open.id)
    yield* finishOne(ctx, open, 'expired', null)
  }
  const used = mine.length
  if (round.maxAttempts != null && used >= round.maxAttempts) throw new AppError('NO_ATTEMPTS_LEFT', `Bạn đã dùng hết ${round.maxAttempts} lượt thi của đợt này.`)
  const random = ctx.random ?? cryptoRandom
  const published = yield* currentPublished()
  const seen = used ? yield* questionsSeen(roundId, participantId) : new Set<string>()
  const drawn = drawQuestions(published.pool, round.blueprint, round.questionCount, seen, random)
  const row = { id: newId(), roundId, participantId, number: used + 1, startedAt: now, deadlineAt: deadlineFor(now, round), clientAddress }
  const seq = yield* insertAttempt(row)
  // The database holds one attempt in progress per person and round: one started meanwhile is resumed.
  if (seq == null) return { attempt: yield* viewOf((yield* attemptInProgress(roundId, participantId))!, round, now), created: false }
  const items = []
  for (const [i, q] of drawn.entries()) {
    const revision = published.revisions.get(q.id)
    if (revision == null) throw new Error(`question ${q.id} vanished during draw`)
    const content = yield* revisionContent(q.id, revision)
    items.push({ seq, position: i + 1, questionId: q.id, revision, optionOrder: JSON.stringify(shuffleOptions(content.options, content.type, random)) })
  }
  yield* insertItems(items)
  // The new attempt is shown from what was just written, not read back (a start is the hottest write).
  const created: AttemptRow = {
    seq, id: row.id, round_id: roundId, participant_id: participantId, number: row.number, status: 'in_progress', started_at: now, deadline_at: row.deadlineAt,
    submitted_at: null, ended_at: null, prediction: null, score: null, max_score: null, correct_count: null,
  }
  const itemRows = items.map((it) => ({ position: it.position, question_id: it.questionId, revision: it.revision, option_order: it.optionOrder, choice: '[]', answered_at: null }))
  return { attempt: yield* viewOf(created, round, now, itemRows), created: true }
}

// Loads an attempt that belongs to the participant; another person's attempt is "not found" (no probing).
export function* ownAttemptRow(participantId: string, attemptId: string): Program<AttemptRow> {
  const row = yield* attemptById(attemptId)
  if (!row || row.participant_id !== participantId) throw notFound('lượt thi')
  return row
}

export function* readAttempt(ctx: AttemptContext, participantId: string, attemptId: string): Program<Attempt> {
  const row = yield* ownAttemptRow(participantId, attemptId)
  const round = yield* roundRow(row.round_id)
  const fresh = yield* expireIfDue(ctx, row, round)
  return yield* viewOf(fresh, round, ctx.now)
}

function* expireIfDue(ctx: AttemptContext, row: AttemptRow, round: RoundRow): Program<AttemptRow> {
  if (row.status !== 'in_progress' || !isPastWrites(row.deadline_at, round, ctx.now)) return row
  return yield* transaction(function* () {
    yield* lockAttempt(row.id)
    const current = (yield* attemptById(row.id)) ?? row
    if (current.status !== 'in_progress') return current
    yield* finishOne(ctx, current, 'expired', null)
    return (yield* attemptById(row.id)) ?? row
  })
}

// One answer. Under the attempt's lock, so on PostgreSQL a save and a submit of the same attempt on two
// servers happen one after the other: an answer acknowledged is always in the score.
export function* storeAnswer(ctx: AttemptContext, participantId: string, attemptId: string, position: number, choice: string[]): Program<{ saved: true; position: number }> {
  const { now } = ctx
  yield* lockAttempt(attemptId)
  const row = yield* saveTarget(attemptId, position)
  if (!row || row.participant_id !== participantId) throw notFound('lượt thi')
  const closed = () => new AppError('ATTEMPT_CLOSED', 'Lượt thi đã kết thúc, không thể lưu câu trả lời.')
  if (row.status !== 'in_progress') throw closed()
  // Too late: refused. The attempt is scored as expired by the sweeper or the next read of it.
  if (isPastWrites(row.deadline_at, { graceSec: row.grace_sec }, now)) throw closed()
  const item = row.item
  if (!item) throw notFound(`câu số ${position}`)
  const content = yield* revisionContent(item.question_id, item.revision)
  const letters = new Set(JSON.parse(item.option_order).map((_: string, i: number) => letter(i)))
  const chosen = [...new Set(choice)].sort()
  const bad = chosen.find((k) => !letters.has(k))
  if (bad) throw new AppError('VALIDATION_FAILED', `Phương án ${bad} không có trong câu ${position}.`)
  if (content.type !== 'multiple' && chosen.length > 1) throw new AppError('VALIDATION_FAILED', `Câu ${position} chỉ được chọn một phương án.`)
  if ((yield* saveChoice({ seq: row.seq, position, choice: JSON.stringify(chosen), at: now })) !== 1) throw closed()
  return { saved: true as const, position }
}

export function* finishByParticipant(ctx: AttemptContext, participantId: string, attemptId: string, prediction: number | null): Program<SubmitResult> {
  const { now } = ctx
  yield* lockAttempt(attemptId)
  let row = yield* ownAttemptRow(participantId, attemptId)
  const round = yield* roundRow(row.round_id)
  if (row.status === 'in_progress') {
    const late = isPastWrites(row.deadline_at, round, now)
    // The finished row as just written; read back only if the update found it finished already.
    row = (yield* finishOne(ctx, row, late ? 'expired' : 'submitted', late || !round.predictionEnabled ? null : prediction)) ?? (yield* attemptById(attemptId)) ?? row
  }
  const result = resultOf(row)
  if (!result) throw new Error('finished attempt without score')
  return { attemptId: row.id, ...result, submittedAt: row.submitted_at == null ? null : iso(row.submitted_at) }
}

// Scores the items with each item's recorded revision (a regrade moves items to the corrected one).
export function* scoreItemsOf(items: ItemRow[]) {
  const marked = []
  for (const it of items) {
    const content = yield* revisionContent(it.question_id, it.revision)
    const order: string[] = JSON.parse(it.option_order)
    const chosen = (JSON.parse(it.choice) as string[]).map((l) => order[l.charCodeAt(0) - 65]).filter((k): k is string => !!k)
    marked.push({ position: it.position, questionId: it.question_id, correct: content.correct, chosen, weight: content.weight })
  }
  return { marks: marked.map((m) => ({ position: m.position, correct: isItemCorrect(m.correct, m.chosen) })), totals: scoreItems(marked), answerSig: answerSignature(marked) }
}

// Runs inside the caller's transaction, under the attempt's lock. Ended = min(submittedAt, deadlineAt);
// expired attempts keep no prediction. Answers the finished row as written, or null when the attempt was
// no longer in progress (nothing changed).
export function* finishOne(ctx: AttemptContext, row: AttemptRow, status: 'submitted' | 'expired', prediction: number | null): Program<AttemptRow | null> {
  const { marks, totals, answerSig } = yield* scoreItemsOf(yield* itemsOf(row.seq))
  const submittedAt = status === 'submitted' ? ctx.now : null
  const ended = endedAt(submittedAt, row.deadline_at)
  const kept = status === 'submitted' ? prediction : null
  const changed = yield* finishRow({ seq: row.seq, status, submittedAt, endedAt: ended, prediction: kept, ...totals, answerSig })
  if (changed !== 1) return null
  yield* markItems(row.seq, marks)
  return {
    ...row, status, submitted_at: submittedAt, ended_at: ended, prediction: kept, score: totals.score, max_score: totals.maxScore, correct_count: totals.correctCount,
  }
}

// Scores attempts past their deadline plus grace, 500 a transaction. Each is re-read under its lock: on
// PostgreSQL a submit on another server may have finished it meanwhile (then nothing changes).
export function* expireDue(ctx: AttemptContext): Program<number> {
  let total = 0
  for (;;) {
    const due = yield* dueAttempts(ctx.now)
    if (!due.length) return total
    yield* transaction(function* () {
      for (const row of due) {
        yield* lockAttempt(row.id)
        const current = yield* attemptById(row.id)
        if (current?.status === 'in_progress') yield* finishOne(ctx, current, 'expired', null)
      }
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

export function* viewOf(row: AttemptRow, round: RoundRow, now: number, given?: ItemRow[]): Program<Attempt> {
  const items = given ?? (yield* itemsOf(row.seq))
  const review = reviewOpen(round, now)
  const withheld = review ? yield* keysWithheld(round, now, items.map((it) => it.question_id)) : new Set<string>()
  const view: AttemptItem[] = []
  for (const it of items) {
    const content = yield* revisionContent(it.question_id, it.revision)
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
    view.push(item)
  }
  return { ...attemptSummary(row), prediction: row.prediction, items: view }
}

export function* myAttempts(participantId: string, roundId?: string): Program<AttemptSummary[]> {
  const rows = yield* all<AttemptRow>(`SELECT * FROM attempts WHERE participant_id = ? ${roundId ? 'AND round_id = ?' : ''} ORDER BY seq`,
    ...(roundId ? [participantId, roundId] : [participantId]))
  return rows.map(attemptSummary)
}

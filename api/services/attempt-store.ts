import { all, get, lock, run, type Program } from '../../db/program'
import type { AliasedRow, SqlRow } from '../../db/row-types'
import type { attemptItems, attempts, rounds } from '../../db/schema'
import { pastWritesSql } from '../rules/attempt-time'
import type { AttemptStatus } from '../schemas/wire'

// The statements of the attempt hot paths (start, save, submit, sweep), one SQL text each for both stores.
// Their rows are the columns ATTEMPT and ITEM select, typed from the schema.
export type AttemptRow = Pick<SqlRow<typeof attempts>, 'seq' | 'id' | 'round_id' | 'participant_id' | 'number' | 'status' | 'started_at'
  | 'deadline_at' | 'submitted_at' | 'ended_at' | 'prediction' | 'score' | 'max_score' | 'correct_count'>
// An item to insert: `seq` is its attempt's (attempt_seq), optionOrder the JSON text stored.
export type NewItem = { seq: number } & Pick<AliasedRow<typeof attemptItems>, 'position' | 'questionId' | 'revision' | 'optionOrder'>
export type ItemRow = Pick<SqlRow<typeof attemptItems>, 'position' | 'question_id' | 'revision' | 'option_order' | 'choice' | 'answered_at'>

const ATTEMPT = `SELECT seq, id, round_id, participant_id, number, status, started_at, deadline_at, submitted_at, ended_at, prediction,
  score, max_score, correct_count FROM attempts`
const ITEM = 'SELECT position, question_id, revision, option_order, choice, answered_at FROM attempt_items'

export const attemptById = (id: string) => get<AttemptRow>(`${ATTEMPT} WHERE id = ?`, id)

// On the partial index of attempts in progress: one entry per person at most.
export const attemptInProgress = (roundId: string, participantId: string) =>
  get<AttemptRow>(`${ATTEMPT} WHERE round_id = ? AND participant_id = ? AND status = 'in_progress'`, roundId, participantId)

// Every attempt of a person in a round (a start's one look: the one in progress, and how many were used),
// on the index of (round, person, number).
export const attemptsOfPerson = (roundId: string, participantId: string) =>
  all<AttemptRow>(`${ATTEMPT} WHERE round_id = ? AND participant_id = ?`, roundId, participantId)

export function* questionsSeen(roundId: string, participantId: string): Program<Set<string>> {
  const rows = yield* all<{ id: string }>(`SELECT DISTINCT i.question_id AS "id" FROM attempt_items i JOIN attempts a ON a.seq = i.attempt_seq
    WHERE a.round_id = ? AND a.participant_id = ?`, roundId, participantId)
  return new Set(rows.map((r) => r.id))
}

// What a start counts and numbers, one step per person and round across servers (on PostgreSQL; SQLite's
// single writer serializes it already). The partial unique index would refuse a second attempt in
// progress anyway, and the number is unique per person and round: the lock makes a race a wait, not an error.
export const lockPersonInRound = (roundId: string, participantId: string) => lock(`attempts:${roundId}:${participantId}`)

// What changes one attempt (a save, the submit, an expiry) happens one at a time across servers, so an
// answer acknowledged is never written after the score was computed.
export const lockAttempt = (attemptId: string) => lock(`attempt:${attemptId}`)

// The new attempt's seq, or null when the person already has one in progress in the round.
export function* insertAttempt(v: { id: string; roundId: string; participantId: string; number: number; startedAt: number; deadlineAt: number; clientAddress: string }): Program<number | null> {
  const row = yield* get<{ seq: number }>(`INSERT INTO attempts (id, round_id, participant_id, number, status, started_at, deadline_at, client_address)
    VALUES (?, ?, ?, ?, 'in_progress', ?, ?, ?) ON CONFLICT (round_id, participant_id) WHERE status = 'in_progress' DO NOTHING RETURNING seq`,
  v.id, v.roundId, v.participantId, v.number, v.startedAt, v.deadlineAt, v.clientAddress)
  return row?.seq ?? null
}

// All items of a new attempt in one statement: one call instead of twenty.
export function* insertItems(items: NewItem[]): Program<void> {
  if (!items.length) return
  const values = items.map(() => "(?, ?, ?, ?, ?, '[]')").join(', ')
  yield* run(`INSERT INTO attempt_items (attempt_seq, position, question_id, revision, option_order, choice) VALUES ${values}`,
    ...items.flatMap((it) => [it.seq, it.position, it.questionId, it.revision, it.optionOrder]))
}

export const itemsOf = (seq: number) => all<ItemRow>(`${ITEM} WHERE attempt_seq = ? ORDER BY position`, seq)
export const itemAt = (seq: number, position: number) => get<ItemRow>(`${ITEM} WHERE attempt_seq = ? AND position = ?`, seq, position)

// What a save checks, in one statement (three before: the attempt, its round, the item): whose attempt it is,
// whether it still takes answers (its status, its deadline and the round's grace) and the item at the
// position, null when the attempt has no such position. On PostgreSQL that is one round trip, not three.
export type SaveTarget = Pick<SqlRow<typeof attempts>, 'seq' | 'participant_id' | 'status' | 'deadline_at'> & Pick<SqlRow<typeof rounds>, 'grace_sec'>
  & { item: Pick<ItemRow, 'question_id' | 'revision' | 'option_order'> | null }

export function* saveTarget(attemptId: string, position: number): Program<SaveTarget | null> {
  const row = yield* get<Omit<SaveTarget, 'item'> & { question_id: string | null; revision: number | null; option_order: string | null }>(
    `SELECT a.seq, a.participant_id, a.status, a.deadline_at, r.grace_sec, i.question_id, i.revision, i.option_order
    FROM attempts a JOIN rounds r ON r.id = a.round_id LEFT JOIN attempt_items i ON i.attempt_seq = a.seq AND i.position = ?
    WHERE a.id = ?`, position, attemptId)
  if (!row) return null
  const { question_id, revision, option_order, ...attempt } = row
  return { ...attempt, item: question_id == null ? null : { question_id, revision: revision!, option_order: option_order! } }
}

export function* saveChoice(v: { seq: number; position: number; choice: string; at: number }): Program<number> {
  return (yield* run('UPDATE attempt_items SET choice = ?, answered_at = ? WHERE attempt_seq = ? AND position = ?', v.choice, v.at, v.seq, v.position)).changes
}

export const markItem = (v: { seq: number; position: number; correct: number }) =>
  run('UPDATE attempt_items SET correct = ? WHERE attempt_seq = ? AND position = ?', v.correct, v.seq, v.position)

// The marks of all an attempt's items in one statement instead of one per item: character p of the text
// ('1' right, '0' wrong) is position p's. `marks` must hold every item of the attempt (a position with no
// mark would read '0').
export function* markItems(seq: number, marks: { position: number; correct: boolean }[]): Program<void> {
  if (!marks.length) return
  const flags: string[] = []
  for (const m of marks) flags[m.position - 1] = m.correct ? '1' : '0'
  for (let i = 0; i < flags.length; i++) flags[i] ??= '0'
  yield* run('UPDATE attempt_items SET correct = CAST(substr(?, position, 1) AS INTEGER) WHERE attempt_seq = ? AND position BETWEEN 1 AND ?',
    flags.join(''), seq, flags.length)
}

// Ends an attempt in progress with its score and its place in the finish log (finish_seq: one writer makes
// max + 1 commit-ordered on SQLite; on PostgreSQL a trigger renumbers from a sequence, db/migrations-pg).
export function* finishRow(v: { seq: number; status: AttemptStatus; submittedAt: number | null; endedAt: number; prediction: number | null; score: number; maxScore: number; correctCount: number; answerSig: string | null }): Program<number> {
  return (yield* run(`UPDATE attempts SET status = ?, submitted_at = ?, ended_at = ?, prediction = ?, score = ?, max_score = ?, correct_count = ?, answer_sig = ?,
    finish_seq = (SELECT coalesce(max(finish_seq), 0) + 1 FROM attempts) WHERE seq = ? AND status = 'in_progress'`,
  v.status, v.submittedAt, v.endedAt, v.prediction, v.score, v.maxScore, v.correctCount, v.answerSig, v.seq)).changes
}

export const rescoreRow = (v: { seq: number; score: number; maxScore: number; correctCount: number }) =>
  run('UPDATE attempts SET score = ?, max_score = ?, correct_count = ? WHERE seq = ?', v.score, v.maxScore, v.correctCount, v.seq)

export const dueAttempts = (now: number) => all<AttemptRow>(`SELECT a.seq, a.id, a.round_id, a.participant_id, a.number, a.status, a.started_at, a.deadline_at,
  a.submitted_at, a.ended_at, a.prediction, a.score, a.max_score, a.correct_count FROM attempts a JOIN rounds r ON r.id = a.round_id
  WHERE a.status = 'in_progress' AND ${pastWritesSql('a', 'r', '?')} LIMIT 500`, now)

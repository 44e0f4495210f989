import { sql } from 'drizzle-orm'
import { sqliteTable, text, integer, real, primaryKey, index, uniqueIndex } from 'drizzle-orm/sqlite-core'

// Times are integer milliseconds since the epoch (UTC); the API turns them into ISO strings.
// JSON columns hold small arrays/objects that are always read and written whole.

export const contests = sqliteTable('contests', {
  id: text().primaryKey(),
  slug: text().notNull().unique(),
  title: text().notNull(),
  description: text().notNull().default(''),
  rules: text().notNull().default(''),
  status: text({ enum: ['draft', 'published', 'archived'] }).notNull().default('draft'),
  onePrizePerPerson: integer({ mode: 'boolean' }).notNull().default(false),
  createdAt: integer().notNull(),
})

// The round's tie-break criteria: the one definition, used by the schema, the rules, the admin input and the wire.
export const TIEBREAK_KEYS = ['prediction', 'duration', 'submittedAt'] as const
export type TiebreakKey = (typeof TIEBREAK_KEYS)[number]
// What a round's prediction question asks to guess: likewise defined once.
export const PREDICTION_TARGETS = ['participants', 'perfect_scores', 'attempts'] as const
export type PredictionTarget = (typeof PREDICTION_TARGETS)[number]

export const rounds = sqliteTable('rounds', {
  id: text().primaryKey(),
  contestId: text().notNull().references(() => contests.id),
  number: integer().notNull(),
  title: text().notNull(),
  opensAt: integer().notNull(),
  closesAt: integer().notNull(),
  questionCount: integer().notNull(),
  timeLimitSec: integer().notNull(),
  maxAttempts: integer(),
  blueprint: text({ mode: 'json' }).$type<BlueprintRow[]>().notNull(),
  predictionEnabled: integer({ mode: 'boolean' }).notNull().default(false),
  predictionTarget: text({ enum: PREDICTION_TARGETS }),
  tiebreak: text({ mode: 'json' }).$type<TiebreakKey[]>().notNull(),
  prizes: text({ mode: 'json' }).$type<PrizeRow[]>().notNull(),
  unitPrizes: text({ mode: 'json' }).$type<PrizeRow[]>().notNull(),
  freezeAt: integer(),
  graceSec: integer().notNull(),
  finalizedAt: integer(),
  predictionTruth: integer(),
  // After the round closes its review shows keys, except ('protect') of questions another round that is
  // still open can draw; 'show' is the organizer's knowing choice to show them all.
  reviewKeys: text({ enum: ['protect', 'show'] }).notNull().default('protect'),
  // Which generation of final_standings is the locked ranking: a finalize writes a new one a slice at a
  // time and then points here, in one short transaction.
  finalGeneration: integer().notNull().default(0),
}, (t) => [uniqueIndex('rounds_contest_number').on(t.contestId, t.number)])

export type BlueprintRow = { topic?: string; tag?: string; difficulty?: number; count: number }
export type PrizeRow = { name: string; count: number; minScore?: number }

export const units = sqliteTable('units', {
  id: text().primaryKey(),
  contestId: text().notNull().references(() => contests.id),
  code: text().notNull(),
  name: text().notNull(),
  parentId: text(),
  headcount: integer(),
}, (t) => [uniqueIndex('units_contest_code').on(t.contestId, t.code), index('units_parent').on(t.parentId)])

export type QuestionOption = { key: string; text: string; pinned?: boolean }
export type QuestionSource = { document: string; section?: string; url?: string }
export type QuestionContent = {
  topic: string; tags: string[]; difficulty: number; type: 'single' | 'multiple' | 'true_false'
  stem: string; options: QuestionOption[]; correct: string[]; explanation: string
  source: QuestionSource; group: string | null; weight: number; status: 'draft' | 'published' | 'retired'
}

// The current state of each question; every state it has had is kept in question_revisions.
export const questions = sqliteTable('questions', {
  id: text().primaryKey(),
  revision: integer().notNull(),
  topic: text().notNull(),
  difficulty: integer().notNull(),
  type: text({ enum: ['single', 'multiple', 'true_false'] }).notNull(),
  status: text({ enum: ['draft', 'published', 'retired'] }).notNull(),
  group: text(),
  tags: text({ mode: 'json' }).$type<string[]>().notNull(),
  stemFolded: text().notNull(),
  fingerprint: text().notNull(),
  updatedAt: integer().notNull(),
}, (t) => [index('questions_topic_status').on(t.topic, t.status), index('questions_fingerprint').on(t.fingerprint)])

export const questionRevisions = sqliteTable('question_revisions', {
  questionId: text().notNull().references(() => questions.id),
  revision: integer().notNull(),
  content: text({ mode: 'json' }).$type<QuestionContent>().notNull(),
  createdAt: integer().notNull(),
  createdBy: text(),
}, (t) => [primaryKey({ columns: [t.questionId, t.revision] })])

export const staffUsers = sqliteTable('staff_users', {
  id: text().primaryKey(),
  username: text().notNull().unique(),
  passwordHash: text().notNull(),
  role: text({ enum: ['organizer', 'judge', 'admin', 'coordinator'] }).notNull(),
  name: text().notNull(),
  createdAt: integer().notNull(),
  // A disabled account cannot sign in and its sessions are gone; it stays for the audit's names.
  disabled: integer().notNull().default(0),
  // A coordinator sees the members of this unit's subtree only (and nothing of the admin console).
  unitId: text().references(() => units.id),
})

// The bank's topics: seeded from the shipped bank, created by imports from their categories, edited in the
// console. questions.topic holds a topic's id.
export const topics = sqliteTable('topics', {
  id: text().primaryKey(),
  name: text().notNull(),
  description: text().notNull().default(''),
  createdAt: integer().notNull(),
})

// A certificate's public verification code. Rank and prize are read from the final standings when the
// code is checked, so a code never states more than the official result.
export const certificates = sqliteTable('certificates', {
  code: text().primaryKey(),
  participantId: text().notNull().references(() => participants.id),
  roundId: text().notNull().references(() => rounds.id),
  kind: text({ enum: ['participation', 'prize'] }).notNull(),
  createdAt: integer().notNull(),
}, (t) => [uniqueIndex('certificates_owner').on(t.participantId, t.roundId, t.kind)])

export const participants = sqliteTable('participants', {
  id: text().primaryKey(),
  fullName: text().notNull(),
  nameFolded: text().notNull(),
  dateOfBirth: text().notNull(),
  phone: text().notNull().unique(),
  nationalId: text().unique(),
  position: text(),
  passwordHash: text().notNull(),
  consentAt: integer().notNull(),
  consentVersion: text().notNull(),
  clientAddress: text(),
  createdAt: integer().notNull(),
  // A dense number per person in registration order, the key of the in-memory boards and name book. On
  // SQLite a trigger copies the rowid into it (migration 0011); on PostgreSQL a sequence fills it.
  seq: integer().notNull().default(0),
}, (t) => [uniqueIndex('participants_seq').on(t.seq)])

export const participantUnits = sqliteTable('participant_units', {
  participantId: text().notNull().references(() => participants.id),
  contestId: text().notNull().references(() => contests.id),
  unitId: text().notNull().references(() => units.id),
  // 1 for the person's first contest, 2 for the next…: their first contest's unit is what /me shows.
  choiceOrder: integer().notNull().default(0),
}, (t) => [primaryKey({ columns: [t.participantId, t.contestId] }), index('participant_units_unit').on(t.unitId)])

export const sessions = sqliteTable('sessions', {
  id: text().primaryKey(),
  userKind: text({ enum: ['participant', 'staff'] }).notNull(),
  userId: text().notNull(),
  createdAt: integer().notNull(),
  expiresAt: integer().notNull(),
})

export const attempts = sqliteTable('attempts', {
  seq: integer().primaryKey({ autoIncrement: true }),
  id: text().notNull().unique(),
  roundId: text().notNull().references(() => rounds.id),
  participantId: text().notNull().references(() => participants.id),
  number: integer().notNull(),
  status: text({ enum: ['in_progress', 'submitted', 'expired'] }).notNull(),
  startedAt: integer().notNull(),
  deadlineAt: integer().notNull(),
  submittedAt: integer(),
  endedAt: integer(),
  prediction: integer(),
  score: real(),
  maxScore: real(),
  correctCount: integer(),
  clientAddress: text(),
  // Order of finishing: boards in memory catch up on finishes they have not applied yet, so a rolled-back
  // finish is never seen and several servers could follow the same log.
  finishSeq: integer(),
  // Hash of the chosen options per question, to find identical answer sheets with an index.
  answerSig: text(),
  // PostgreSQL only (a trigger sets it with finish_seq): the finishing transaction's id, which followers
  // read up to the oldest running transaction, so a finish that commits late is never skipped. Null here:
  // SQLite's single writer makes finish_seq commit-ordered already.
  finishTx: integer(),
}, (t) => [
  uniqueIndex('attempts_round_participant_number').on(t.roundId, t.participantId, t.number),
  // One attempt in progress per participant and round, held by the database itself (SPEC §3).
  uniqueIndex('attempts_one_in_progress').on(t.roundId, t.participantId).where(sql`status = 'in_progress'`),
  index('attempts_round_finish').on(t.roundId, t.finishSeq),
  index('attempts_round_sig').on(t.roundId, t.answerSig),
  index('attempts_finish_seq').on(t.finishSeq),
  index('attempts_status_deadline').on(t.status, t.deadlineAt),
  index('attempts_round_status').on(t.roundId, t.status),
  index('attempts_finish_tx').on(t.finishTx).where(sql`finish_tx IS NOT NULL`),
])

// optionOrder lists the question's own option keys in the order shown; choice holds shown letters.
export const attemptItems = sqliteTable('attempt_items', {
  attemptSeq: integer().notNull().references(() => attempts.seq),
  position: integer().notNull(),
  questionId: text().notNull(),
  revision: integer().notNull(),
  optionOrder: text({ mode: 'json' }).$type<string[]>().notNull(),
  choice: text({ mode: 'json' }).$type<string[]>().notNull(),
  answeredAt: integer(),
  correct: integer({ mode: 'boolean' }),
}, (t) => [primaryKey({ columns: [t.attemptSeq, t.position] }), index('attempt_items_question').on(t.questionId)])

export const disqualifications = sqliteTable('disqualifications', {
  roundId: text().notNull().references(() => rounds.id),
  participantId: text().notNull().references(() => participants.id),
  reason: text().notNull(),
  by: text().notNull(),
  at: integer().notNull(),
}, (t) => [primaryKey({ columns: [t.roundId, t.participantId] })])

export const roundPrizes = sqliteTable('round_prizes', {
  roundId: text().notNull().references(() => rounds.id),
  rank: integer().notNull(),
  name: text().notNull(),
  participantId: text().notNull(),
}, (t) => [primaryKey({ columns: [t.roundId, t.rank] })])

export const questionReports = sqliteTable('question_reports', {
  id: text().primaryKey(),
  attemptId: text().notNull(),
  position: integer().notNull(),
  questionId: text().notNull(),
  participantId: text().notNull(),
  message: text().notNull(),
  createdAt: integer().notNull(),
})

// Append-only: triggers in the migration refuse UPDATE and DELETE.
export const auditLog = sqliteTable('audit_log', {
  seq: integer().primaryKey({ autoIncrement: true }),
  at: integer().notNull(),
  actorId: text().notNull(),
  actorRole: text().notNull(),
  action: text().notNull(),
  entity: text().notNull(),
  entityId: text().notNull(),
  detail: text().notNull(),
  prevHash: text().notNull(),
  hash: text().notNull(),
})

// The locked final ranking of a finalized round, one row per ranked participant, in generations: the
// round's finalGeneration names the one that counts (others are being written, or left to delete).
export const finalStandings = sqliteTable('final_standings', {
  roundId: text().notNull().references(() => rounds.id),
  generation: integer().notNull().default(0),
  rank: integer().notNull(),
  participantId: text().notNull(),
  attemptSeq: integer().notNull(),
  predictionError: integer(),
}, (t) => [primaryKey({ columns: [t.roundId, t.generation, t.rank] }), index('final_standings_participant').on(t.roundId, t.generation, t.participantId)])

// Unit prizes (giải tập thể) locked at finalize, by the units board's order.
export const roundUnitPrizes = sqliteTable('round_unit_prizes', {
  roundId: text().notNull().references(() => rounds.id),
  rank: integer().notNull(),
  name: text().notNull(),
  unitId: text().notNull(),
}, (t) => [primaryKey({ columns: [t.roundId, t.rank] })])

// The change log that in-memory standings follow (api/standings/): every change that moves standings,
// other than a finish (attempts.finish_seq is that log), is a row written in the same transaction as the
// change. A server applies the rows after the last one it has seen, in order, so each server's boards,
// caches and versions follow the database and never each other.
export const standingsChanges = sqliteTable('standings_changes', {
  seq: integer().primaryKey({ autoIncrement: true }),
  kind: text({ enum: ['round', 'finalize', 'unit_move', 'units', 'contest', 'bank', 'rename'] }).notNull(),
  contestId: text(),
  roundId: text(),
  participantId: text(),
  unitId: text(),
  at: integer().notNull(),
  // PostgreSQL only (its default is the writer's transaction id; see attempts.finishTx). Null here.
  tx: integer(),
}, (t) => [index('standings_changes_kind').on(t.kind, t.seq), index('standings_changes_tx').on(t.tx, t.seq).where(sql`tx IS NOT NULL`)])

// Rate limits and sign-in guesses counted in the database, for servers that share one (PostgreSQL); a
// single SQLite server counts in memory and leaves these empty. One row per key and second.
export const rateHits = sqliteTable('rate_hits', {
  key: text().notNull(),
  second: integer().notNull(),
  count: integer().notNull(),
}, (t) => [primaryKey({ columns: [t.key, t.second] })])

// Per person (sign-in key): failed guesses of the last 15 minutes and guesses being checked, each with the
// time it expires, as JSON arrays of milliseconds.
export const guessGuard = sqliteTable('guess_guard', {
  key: text().primaryKey(),
  failures: text().notNull(),
  inFlight: text().notNull(),
  lastTry: integer().notNull(),
})

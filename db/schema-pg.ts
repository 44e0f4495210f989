import { sql } from 'drizzle-orm'
import { bigint, customType, doublePrecision, index, integer, pgTable, primaryKey, uniqueIndex } from 'drizzle-orm/pg-core'
import type { BlueprintRow, PredictionTarget, PrizeRow, QuestionContent, TiebreakKey } from './schema'

// The PostgreSQL twin of schema.ts (drizzle has no table definition that serves both dialects): the same
// tables, columns, keys and indexes, with types chosen so every row reads back as it does from SQLite.
// tests/pg/schema.test.ts compares the two migrated databases column by column.
// - Text compares byte by byte (COLLATE "C"), as SQLite's BINARY does: ids, codes and slugs sort alike.
// - Times are milliseconds since the epoch: bigint (read as a JS number by the client, see db/pg.ts).
// - Flags stay 0/1 integers and JSON stays text, so raw SQL reads the same values on both stores.
// - Scores are double precision (PostgreSQL's real is 4 bytes, SQLite's 8).

const text = customType<{ data: string; driverData: string }>({ dataType: () => 'text COLLATE "C"' })
const ms = (name?: string) => (name ? bigint(name, { mode: 'number' }) : bigint({ mode: 'number' }))
const flag = customType<{ data: boolean; driverData: number }>({
  dataType: () => 'integer',
  toDriver: (value) => (value ? 1 : 0),
  fromDriver: (value) => Number(value) === 1,
})
const jsonText = <T>() => customType<{ data: T; driverData: string }>({
  dataType: () => 'text COLLATE "C"',
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => JSON.parse(value) as T,
})()

export const contests = pgTable('contests', {
  id: text().primaryKey(),
  slug: text().notNull().unique(),
  title: text().notNull(),
  description: text().notNull().default(''),
  rules: text().notNull().default(''),
  status: text().$type<'draft' | 'published' | 'archived'>().notNull().default('draft'),
  onePrizePerPerson: flag().notNull().default(sql`0`),
  createdAt: ms().notNull(),
})

export const rounds = pgTable('rounds', {
  id: text().primaryKey(),
  contestId: text().notNull().references(() => contests.id),
  number: integer().notNull(),
  title: text().notNull(),
  opensAt: ms().notNull(),
  closesAt: ms().notNull(),
  questionCount: integer().notNull(),
  timeLimitSec: integer().notNull(),
  maxAttempts: integer(),
  blueprint: jsonText<BlueprintRow[]>().notNull(),
  predictionEnabled: flag().notNull().default(sql`0`),
  predictionTarget: text().$type<PredictionTarget>(),
  tiebreak: jsonText<TiebreakKey[]>().notNull(),
  prizes: jsonText<PrizeRow[]>().notNull(),
  unitPrizes: jsonText<PrizeRow[]>().notNull(),
  freezeAt: ms(),
  graceSec: integer().notNull(),
  finalizedAt: ms(),
  predictionTruth: integer(),
  reviewKeys: text().$type<'protect' | 'show'>().notNull().default('protect'),
  finalGeneration: integer().notNull().default(0),
}, (t) => [uniqueIndex('rounds_contest_number').on(t.contestId, t.number)])

export const units = pgTable('units', {
  id: text().primaryKey(),
  contestId: text().notNull().references(() => contests.id),
  code: text().notNull(),
  name: text().notNull(),
  parentId: text(),
  headcount: integer(),
}, (t) => [uniqueIndex('units_contest_code').on(t.contestId, t.code), index('units_parent').on(t.parentId)])

export const questions = pgTable('questions', {
  id: text().primaryKey(),
  revision: integer().notNull(),
  topic: text().notNull(),
  difficulty: integer().notNull(),
  type: text().$type<'single' | 'multiple' | 'true_false'>().notNull(),
  status: text().$type<'draft' | 'published' | 'retired'>().notNull(),
  group: text(),
  tags: jsonText<string[]>().notNull(),
  stemFolded: text().notNull(),
  fingerprint: text().notNull(),
  updatedAt: ms().notNull(),
}, (t) => [index('questions_topic_status').on(t.topic, t.status), index('questions_fingerprint').on(t.fingerprint)])

export const questionRevisions = pgTable('question_revisions', {
  questionId: text().notNull().references(() => questions.id),
  revision: integer().notNull(),
  content: jsonText<QuestionContent>().notNull(),
  createdAt: ms().notNull(),
  createdBy: text(),
}, (t) => [primaryKey({ columns: [t.questionId, t.revision] })])

export const staffUsers = pgTable('staff_users', {
  id: text().primaryKey(),
  username: text().notNull().unique(),
  passwordHash: text().notNull(),
  role: text().$type<'organizer' | 'judge' | 'admin' | 'coordinator'>().notNull(),
  name: text().notNull(),
  createdAt: ms().notNull(),
  disabled: integer().notNull().default(0),
  unitId: text().references(() => units.id),
})

export const topics = pgTable('topics', {
  id: text().primaryKey(),
  name: text().notNull(),
  description: text().notNull().default(''),
  createdAt: ms().notNull(),
})

export const certificates = pgTable('certificates', {
  code: text().primaryKey(),
  participantId: text().notNull().references(() => participants.id),
  roundId: text().notNull().references(() => rounds.id),
  kind: text().$type<'participation' | 'prize'>().notNull(),
  createdAt: ms().notNull(),
}, (t) => [uniqueIndex('certificates_owner').on(t.participantId, t.roundId, t.kind)])

export const participants = pgTable('participants', {
  id: text().primaryKey(),
  fullName: text().notNull(),
  nameFolded: text().notNull(),
  dateOfBirth: text().notNull(),
  phone: text().notNull().unique(),
  nationalId: text().unique(),
  position: text(),
  passwordHash: text().notNull(),
  consentAt: ms().notNull(),
  consentVersion: text().notNull(),
  clientAddress: text(),
  createdAt: ms().notNull(),
  // A dense number per person, the key of the in-memory boards and name book (see db/schema.ts).
  seq: bigint({ mode: 'number' }).notNull().default(sql`nextval('participants_seq')`),
}, (t) => [uniqueIndex('participants_seq_key').on(t.seq)])

export const participantUnits = pgTable('participant_units', {
  participantId: text().notNull().references(() => participants.id),
  contestId: text().notNull().references(() => contests.id),
  unitId: text().notNull().references(() => units.id),
  // 1 for the person's first contest, 2 for the next…: their first contest's unit is what /me shows.
  choiceOrder: integer().notNull().default(0),
}, (t) => [primaryKey({ columns: [t.participantId, t.contestId] }), index('participant_units_unit').on(t.unitId)])

export const sessions = pgTable('sessions', {
  id: text().primaryKey(),
  userKind: text().$type<'participant' | 'staff'>().notNull(),
  userId: text().notNull(),
  createdAt: ms().notNull(),
  expiresAt: ms().notNull(),
})

export const attempts = pgTable('attempts', {
  seq: integer().primaryKey().generatedByDefaultAsIdentity(),
  id: text().notNull().unique(),
  roundId: text().notNull().references(() => rounds.id),
  participantId: text().notNull().references(() => participants.id),
  number: integer().notNull(),
  status: text().$type<'in_progress' | 'submitted' | 'expired'>().notNull(),
  startedAt: ms().notNull(),
  deadlineAt: ms().notNull(),
  submittedAt: ms(),
  endedAt: ms(),
  prediction: integer(),
  score: doublePrecision(),
  maxScore: doublePrecision(),
  correctCount: integer(),
  clientAddress: text(),
  finishSeq: integer(),
  answerSig: text(),
  // Set with finish_seq by the trigger of migration 0002: the finishing transaction's id (see schema.ts).
  finishTx: bigint({ mode: 'number' }),
}, (t) => [
  uniqueIndex('attempts_round_participant_number').on(t.roundId, t.participantId, t.number),
  uniqueIndex('attempts_one_in_progress').on(t.roundId, t.participantId).where(sql`status = 'in_progress'`),
  index('attempts_round_finish').on(t.roundId, t.finishSeq),
  index('attempts_round_sig').on(t.roundId, t.answerSig),
  index('attempts_finish_seq').on(t.finishSeq),
  index('attempts_status_deadline').on(t.status, t.deadlineAt),
  index('attempts_round_status').on(t.roundId, t.status),
  index('attempts_finish_tx').on(t.finishTx).where(sql`finish_tx IS NOT NULL`),
])

export const attemptItems = pgTable('attempt_items', {
  attemptSeq: integer().notNull().references(() => attempts.seq),
  position: integer().notNull(),
  questionId: text().notNull(),
  revision: integer().notNull(),
  optionOrder: jsonText<string[]>().notNull(),
  choice: jsonText<string[]>().notNull(),
  answeredAt: ms(),
  correct: flag(),
}, (t) => [primaryKey({ columns: [t.attemptSeq, t.position] }), index('attempt_items_question').on(t.questionId)])

export const disqualifications = pgTable('disqualifications', {
  roundId: text().notNull().references(() => rounds.id),
  participantId: text().notNull().references(() => participants.id),
  reason: text().notNull(),
  by: text().notNull(),
  at: ms().notNull(),
}, (t) => [primaryKey({ columns: [t.roundId, t.participantId] })])

export const roundPrizes = pgTable('round_prizes', {
  roundId: text().notNull().references(() => rounds.id),
  rank: integer().notNull(),
  name: text().notNull(),
  participantId: text().notNull(),
}, (t) => [primaryKey({ columns: [t.roundId, t.rank] })])

export const questionReports = pgTable('question_reports', {
  id: text().primaryKey(),
  attemptId: text().notNull(),
  position: integer().notNull(),
  questionId: text().notNull(),
  participantId: text().notNull(),
  message: text().notNull(),
  createdAt: ms().notNull(),
})

// Append-only: a trigger in the migration refuses UPDATE, DELETE and TRUNCATE, whoever asks.
export const auditLog = pgTable('audit_log', {
  seq: integer().primaryKey().generatedByDefaultAsIdentity(),
  at: ms().notNull(),
  actorId: text().notNull(),
  actorRole: text().notNull(),
  action: text().notNull(),
  entity: text().notNull(),
  entityId: text().notNull(),
  detail: text().notNull(),
  prevHash: text().notNull(),
  hash: text().notNull(),
})

export const finalStandings = pgTable('final_standings', {
  roundId: text().notNull().references(() => rounds.id),
  generation: integer().notNull().default(0),
  rank: integer().notNull(),
  participantId: text().notNull(),
  attemptSeq: integer().notNull(),
  predictionError: integer(),
}, (t) => [primaryKey({ columns: [t.roundId, t.generation, t.rank] }), index('final_standings_participant').on(t.roundId, t.generation, t.participantId)])

export const roundUnitPrizes = pgTable('round_unit_prizes', {
  roundId: text().notNull().references(() => rounds.id),
  rank: integer().notNull(),
  name: text().notNull(),
  unitId: text().notNull(),
}, (t) => [primaryKey({ columns: [t.roundId, t.rank] })])

// The change log the in-memory standings follow (see schema.ts).
export const standingsChanges = pgTable('standings_changes', {
  seq: integer().primaryKey().generatedByDefaultAsIdentity(),
  kind: text().$type<'round' | 'finalize' | 'unit_move' | 'units' | 'contest' | 'bank' | 'rename'>().notNull(),
  contestId: text(),
  roundId: text(),
  participantId: text(),
  unitId: text(),
  at: ms().notNull(),
  // The writer's transaction id: followers read changes up to the oldest transaction still running.
  tx: bigint({ mode: 'number' }).default(sql`pg_current_xact_id()::text::bigint`),
}, (t) => [index('standings_changes_kind').on(t.kind, t.seq), index('standings_changes_tx').on(t.tx, t.seq).where(sql`tx IS NOT NULL`)])

// Rate limits and sign-in guesses shared by the servers (see schema.ts).
export const rateHits = pgTable('rate_hits', {
  key: text().notNull(),
  second: bigint({ mode: 'number' }).notNull(),
  count: integer().notNull(),
}, (t) => [primaryKey({ columns: [t.key, t.second] })])

export const guessGuard = pgTable('guess_guard', {
  key: text().primaryKey(),
  failures: text().notNull(),
  inFlight: text().notNull(),
  lastTry: ms().notNull(),
})

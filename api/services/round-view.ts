import type { Db } from '../../db/client'
import { get, type Program } from '../../db/program'
import type { SqlRow } from '../../db/row-types'
import { runSqlite } from '../../db/sqlite-runner'
import type { rounds } from '../../db/schema'
import { notFound } from '../errors'
import { iso, isoOrNull } from '../lib/time'
import type { RoundStatus, RoundSummary } from '../schemas/wire'

// A round as services read it, and as the API shows it.
export type RoundRow = typeof rounds.$inferSelect
export const DEFAULT_TIEBREAK = ['prediction', 'duration', 'submittedAt'] as const

export function roundStatus(r: Pick<RoundRow, 'finalizedAt' | 'opensAt' | 'closesAt'>, now: number): RoundStatus {
  if (r.finalizedAt != null) return 'finalized'
  if (now < r.opensAt) return 'scheduled'
  return now < r.closesAt ? 'open' : 'closed'
}

export function roundView(r: RoundRow, now: number): RoundSummary {
  return {
    id: r.id, contestId: r.contestId, number: r.number, title: r.title, opensAt: iso(r.opensAt), closesAt: iso(r.closesAt),
    status: roundStatus(r, now), questionCount: r.questionCount, timeLimitSec: r.timeLimitSec, maxAttempts: r.maxAttempts,
    graceSec: r.graceSec, prediction: { enabled: r.predictionEnabled, target: r.predictionTarget ?? null },
    tiebreak: r.tiebreak, prizes: r.prizes, unitPrizes: r.unitPrizes, freezeAt: isoOrNull(r.freezeAt), blueprint: r.blueprint,
    finalizedAt: isoOrNull(r.finalizedAt), predictionTruth: r.predictionTruth, reviewKeys: r.reviewKeys,
  }
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
export function* roundRow(roundId: string): Program<RoundRow> {
  const r = yield* get<SqlRow<typeof rounds>>('SELECT * FROM rounds WHERE id = ?', roundId)
  if (!r) throw notFound('đợt thi')
  return {
    id: r.id, contestId: r.contest_id, number: r.number, title: r.title, opensAt: r.opens_at, closesAt: r.closes_at, questionCount: r.question_count,
    timeLimitSec: r.time_limit_sec, maxAttempts: r.max_attempts, blueprint: parseOnce(r.blueprint), predictionEnabled: r.prediction_enabled === 1,
    predictionTarget: r.prediction_target, tiebreak: parseOnce(r.tiebreak), prizes: parseOnce(r.prizes), unitPrizes: parseOnce(r.unit_prizes),
    freezeAt: r.freeze_at, graceSec: r.grace_sec, finalizedAt: r.finalized_at, predictionTruth: r.prediction_truth, reviewKeys: r.review_keys,
    finalGeneration: r.final_generation,
  }
}

// SQLite bridge for the callers not yet written as programs (issue #13).
export const getRoundRow = (db: Db, roundId: string): RoundRow => runSqlite(db, roundRow(roundId))

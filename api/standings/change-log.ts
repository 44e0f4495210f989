import type { Db } from '../../db/client'
import { all, dialect, get, run, type Program } from '../../db/program'
import type { AliasedRow, Filled, OrNull, SqlRow } from '../../db/row-types'
import type { attempts, participants, participantUnits, standingsChanges } from '../../db/schema'
import { runSqlite } from '../../db/sqlite-runner'

// A change that moves standings, other than a finish. Services record it in the same transaction as the
// change itself, so a rolled-back change is never seen and every server sees the same changes in order.
export type StandingsChange =
  | { kind: 'round'; roundId: string } // disqualify or undo, regrade, a round's settings edited
  | { kind: 'finalize'; roundId: string } // the locked ranking written (again after a regrade)
  | { kind: 'unit_move'; contestId: string; participantId: string; unitId: string }
  | { kind: 'units'; contestId: string } // the contest's unit tree, names or headcounts edited
  | { kind: 'contest'; contestId: string } // the contest's settings or status (a draft hides its rounds' boards)
  | { kind: 'bank' } // questions written: the published pool a draw reads from may have moved
  | { kind: 'rename'; participantId: string } // an organizer corrected the person's name

export type LoggedChange = Pick<AliasedRow<typeof standingsChanges>, 'seq' | 'kind' | 'contestId' | 'roundId' | 'participantId' | 'unitId'>

export function* logChange(change: StandingsChange, now: number): Program<void> {
  const c = change as Partial<Record<'contestId' | 'roundId' | 'participantId' | 'unitId', string>>
  yield* run('INSERT INTO standings_changes (kind, contest_id, round_id, participant_id, unit_id, at) VALUES (?, ?, ?, ?, ?, ?)',
    change.kind, c.contestId ?? null, c.roundId ?? null, c.participantId ?? null, c.unitId ?? null, now)
}

// The rounds a person has attempts in: their streams hear of a change to the person's name.
export function* roundsTaken(participantId: string): Program<string[]> {
  return (yield* all<{ roundId: string }>('SELECT DISTINCT round_id AS "roundId" FROM attempts WHERE participant_id = ?', participantId)).map((r) => r.roundId)
}

// SQLite bridge for the services not yet written as programs (issue #13).
export const recordChange = (db: Db, change: StandingsChange, now: number): void => runSqlite(db, logChange(change, now))

// What a cache derived from one kind of data is keyed by: it moves whenever a change of that kind commits.
// On SQLite the latest seq does (one index seek). On PostgreSQL a change can commit after a later-numbered
// one, leaving the latest seq where it was: the count of changes of the kind moves with every commit.
export function* versionOf(kind: StandingsChange['kind']): Program<string> {
  if ((yield* dialect()) === 'sqlite') return String((yield* get<{ n: number }>('SELECT coalesce(max(seq), 0) AS "n" FROM standings_changes WHERE kind = ?', kind))!.n)
  const { n, m } = (yield* get<{ n: number; m: number }>('SELECT count(*) AS "n", coalesce(max(seq), 0) AS "m" FROM standings_changes WHERE kind = ?', kind))!
  return `${n}:${m}`
}

// -- following the logs on either store

// A follower's place in a log. On SQLite, the last seq (or finish_seq) applied: one writer, so numbers are
// handed out in commit order. On PostgreSQL numbers are not (a transaction that took 7 may commit after the
// one that took 8), so the place is a transaction-id watermark: every writer with a smaller id has ended,
// and what a later poll reads is what was written by transactions from the watermark up to the oldest one
// still running. A change that commits late is read late, never skipped.
export type LogPosition = number

const WATERMARK = 'SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS "xmin"'

function* watermark(): Program<number> {
  return (yield* get<{ xmin: number }>(WATERMARK))!.xmin
}

// Where a follower starts: the end of the logs as they are now (its first read reflects everything before).
export function* logStart(): Program<LogPosition> {
  if ((yield* dialect()) === 'pg') return yield* watermark()
  return (yield* get<{ n: number }>('SELECT coalesce(max(seq), 0) AS "n" FROM standings_changes'))!.n
}

export function* finishLogStart(): Program<LogPosition> {
  if ((yield* dialect()) === 'pg') return yield* watermark()
  return (yield* get<{ n: number }>('SELECT coalesce(max(finish_seq), 0) AS "n" FROM attempts'))!.n
}

// Where both logs end now, read in one statement: a follower already there has nothing to read. On SQLite the
// last change seq and the last finish_seq (two index seeks); on PostgreSQL the watermark, for both.
export function* logHeads(): Program<{ change: LogPosition; finish: LogPosition }> {
  if ((yield* dialect()) === 'pg') {
    const w = yield* watermark()
    return { change: w, finish: w }
  }
  return (yield* get<{ change: number; finish: number }>('SELECT (SELECT coalesce(max(seq), 0) FROM standings_changes) AS "change", (SELECT coalesce(max(finish_seq), 0) FROM attempts) AS "finish"'))!
}

// Where a follower that saw the logs end at `position` reads up to now: on PostgreSQL a new watermark,
// shared by both logs; on SQLite the finish log's last number (the change log is read to its end).
export function* logEnd(): Program<LogPosition> {
  return yield* finishLogStart()
}

const CHANGE_COLUMNS = 'seq, kind, contest_id AS "contestId", round_id AS "roundId", participant_id AS "participantId", unit_id AS "unitId"'

// The changes a follower has not applied yet, in order, and its new place.
export function* changesSince(position: LogPosition, end?: LogPosition): Program<{ changes: LoggedChange[]; position: LogPosition }> {
  if ((yield* dialect()) === 'sqlite') {
    const changes = yield* all<LoggedChange>(`SELECT ${CHANGE_COLUMNS} FROM standings_changes WHERE seq > ? ORDER BY seq`, position)
    return { changes, position: changes.length ? changes[changes.length - 1].seq : position }
  }
  const upTo = end ?? (yield* watermark())
  const changes = upTo > position
    ? yield* all<LoggedChange>(`SELECT ${CHANGE_COLUMNS} FROM standings_changes WHERE tx >= ? AND tx < ? ORDER BY tx, seq`, position, upTo)
    : []
  return { changes, position: Math.max(position, upTo) }
}

// The rounds with finishes a follower has not applied yet (with the last finish_seq of each), and its new place.
export function* finishesSince(position: LogPosition, end?: LogPosition): Program<{ rounds: { roundId: string; last: number }[]; position: LogPosition }> {
  if ((yield* dialect()) === 'sqlite') {
    const rounds = end == null
      ? yield* all<{ roundId: string; last: number }>('SELECT round_id AS "roundId", max(finish_seq) AS "last" FROM attempts WHERE finish_seq > ? GROUP BY round_id', position)
      : yield* all<{ roundId: string; last: number }>('SELECT round_id AS "roundId", max(finish_seq) AS "last" FROM attempts WHERE finish_seq > ? AND finish_seq <= ? GROUP BY round_id', position, end)
    return { rounds, position: end ?? rounds.reduce((m, r) => Math.max(m, r.last), position) }
  }
  const upTo = end ?? (yield* watermark())
  const rounds = upTo > position
    ? yield* all<{ roundId: string; last: number }>('SELECT round_id AS "roundId", max(finish_seq) AS "last" FROM attempts WHERE finish_tx >= ? AND finish_tx < ? GROUP BY round_id', position, upTo)
    : []
  return { rounds, position: Math.max(position, upTo) }
}

// A finish as a round board takes it: the person's seq (pr), the attempt and the unit they rank for. A
// finished attempt has its score, end and place in the finish log (fs).
export type FinishRow = Filled<Pick<SqlRow<typeof attempts>, 'seq' | 'score' | 'max_score' | 'started_at' | 'ended_at' | 'prediction'>, 'score' | 'max_score' | 'ended_at'>
  & { pr: SqlRow<typeof participants>['seq']; fs: number } & OrNull<Pick<SqlRow<typeof participantUnits>, 'unit_id'>>

const FINISHES = `SELECT p.seq AS pr, a.seq, a.score, a.max_score, a.started_at, a.ended_at, a.prediction, a.finish_seq AS fs, pu.unit_id
  FROM attempts a JOIN participants p ON p.id = a.participant_id
  LEFT JOIN participant_units pu ON pu.participant_id = a.participant_id AND pu.contest_id = ?
  WHERE a.round_id = ? AND a.status != 'in_progress'
    AND a.participant_id NOT IN (SELECT participant_id FROM disqualifications WHERE round_id = ?)`

// The round's finishes from `from` up to `to` in the finish log (positions as logEnd gives them), oldest
// first: after `afterSeq` and at most `limit` of them when a board is built a page at a time.
// SQLite: finish_seq in (from, to]; PostgreSQL: finish_tx in [from, to), which holds every finish
// committed by then and none that may still commit (to is a watermark).
export function* roundFinishes(round: { id: string; contestId: string }, from: LogPosition, to: LogPosition, page?: { afterSeq: number; limit: number }): Program<FinishRow[]> {
  const head = [round.contestId, round.id, round.id]
  if ((yield* dialect()) === 'sqlite') {
    // One lower bound, the larger of the two, so the index range starts where the page does.
    const range = `${FINISHES} AND a.finish_seq > ? AND a.finish_seq <= ? ORDER BY a.finish_seq`
    if (!page) return yield* all<FinishRow>(range, ...head, from, to)
    return yield* all<FinishRow>(`${range} LIMIT ?`, ...head, Math.max(from, page.afterSeq), to, page.limit)
  }
  const range = `${FINISHES} AND a.finish_tx >= ? AND a.finish_tx < ?`
  if (!page) return yield* all<FinishRow>(`${range} ORDER BY a.finish_seq`, ...head, from, to)
  return yield* all<FinishRow>(`${range} AND a.finish_seq > ? ORDER BY a.finish_seq LIMIT ?`, ...head, from, to, page.afterSeq, page.limit)
}

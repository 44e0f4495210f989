import { prepared, type Db } from '../../db/client'
import { all, dialect, get, run, type Program } from '../../db/program'
import { runSqlite } from '../../db/sqlite-runner'

// A change that moves standings, other than a finish. Services record it in the same transaction as the
// change itself, so a rolled-back change is never seen and every server sees the same changes in order.
export type StandingsChange =
  | { kind: 'round'; roundId: string } // disqualify or undo, regrade, a round's settings edited
  | { kind: 'finalize'; roundId: string } // the locked ranking written (again after a regrade)
  | { kind: 'unit_move'; contestId: string; participantId: string; unitId: string }
  | { kind: 'units'; contestId: string } // the contest's unit tree, names or headcounts edited
  | { kind: 'bank' } // questions written: the published pool a draw reads from may have moved

export type LoggedChange = { seq: number; kind: StandingsChange['kind']; contestId: string | null; roundId: string | null; participantId: string | null; unitId: string | null }

export function* logChange(change: StandingsChange, now: number): Program<void> {
  const c = change as Partial<Record<'contestId' | 'roundId' | 'participantId' | 'unitId', string>>
  yield* run('INSERT INTO standings_changes (kind, contest_id, round_id, participant_id, unit_id, at) VALUES (?, ?, ?, ?, ?, ?)',
    change.kind, c.contestId ?? null, c.roundId ?? null, c.participantId ?? null, c.unitId ?? null, now)
}

// SQLite bridge for the services not yet written as programs (issue #13).
export const recordChange = (db: Db, change: StandingsChange, now: number): void => runSqlite(db, logChange(change, now))

// Changes after `seq`, oldest first: nearly always none, one index seek.
export function changesAfter(db: Db, seq: number, limit = 1000): LoggedChange[] {
  return prepared(db, `SELECT seq, kind, contest_id AS contestId, round_id AS roundId, participant_id AS participantId, unit_id AS unitId
    FROM standings_changes WHERE seq > ? ORDER BY seq LIMIT ?`).all(seq, limit) as LoggedChange[]
}

export function lastChange(db: Db): number {
  return (prepared(db, 'SELECT coalesce(max(seq), 0) AS n FROM standings_changes').get() as { n: number }).n
}

// What a cache derived from one kind of data is keyed by: it moves whenever a change of that kind commits.
// On SQLite the latest seq does (one index seek). On PostgreSQL a change can commit after a later-numbered
// one, leaving the latest seq where it was: the count of changes of the kind moves with every commit.
export function* versionOf(kind: StandingsChange['kind']): Program<string> {
  if ((yield* dialect()) === 'sqlite') return String((yield* get<{ n: number }>('SELECT coalesce(max(seq), 0) AS "n" FROM standings_changes WHERE kind = ?', kind))!.n)
  const { n, m } = (yield* get<{ n: number; m: number }>('SELECT count(*) AS "n", coalesce(max(seq), 0) AS "m" FROM standings_changes WHERE kind = ?', kind))!
  return `${n}:${m}`
}

// The finish log: attempts.finish_seq numbers finishes in commit order (one writer). Rounds with finishes
// after `seq`, and the last finish among them.
export function finishesAfter(db: Db, seq: number): { roundId: string; last: number }[] {
  return prepared(db, 'SELECT round_id AS roundId, max(finish_seq) AS last FROM attempts WHERE finish_seq > ? GROUP BY round_id').all(seq) as { roundId: string; last: number }[]
}

export function lastFinish(db: Db): number {
  return (prepared(db, 'SELECT coalesce(max(finish_seq), 0) AS n FROM attempts').get() as { n: number }).n
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

const CHANGE_COLUMNS = 'seq, kind, contest_id AS "contestId", round_id AS "roundId", participant_id AS "participantId", unit_id AS "unitId"'

// The changes a follower has not applied yet, in order, and its new place.
export function* changesSince(position: LogPosition): Program<{ changes: LoggedChange[]; position: LogPosition }> {
  if ((yield* dialect()) === 'sqlite') {
    const changes = yield* all<LoggedChange>(`SELECT ${CHANGE_COLUMNS} FROM standings_changes WHERE seq > ? ORDER BY seq`, position)
    return { changes, position: changes.length ? changes[changes.length - 1].seq : position }
  }
  const upTo = yield* watermark()
  const changes = upTo > position
    ? yield* all<LoggedChange>(`SELECT ${CHANGE_COLUMNS} FROM standings_changes WHERE tx >= ? AND tx < ? ORDER BY tx, seq`, position, upTo)
    : []
  return { changes, position: Math.max(position, upTo) }
}

// The rounds with finishes a follower has not applied yet (with the last finish_seq of each), and its new place.
export function* finishesSince(position: LogPosition): Program<{ rounds: { roundId: string; last: number }[]; position: LogPosition }> {
  if ((yield* dialect()) === 'sqlite') {
    const rounds = yield* all<{ roundId: string; last: number }>('SELECT round_id AS "roundId", max(finish_seq) AS "last" FROM attempts WHERE finish_seq > ? GROUP BY round_id', position)
    return { rounds, position: rounds.reduce((m, r) => Math.max(m, r.last), position) }
  }
  const upTo = yield* watermark()
  const rounds = upTo > position
    ? yield* all<{ roundId: string; last: number }>('SELECT round_id AS "roundId", max(finish_seq) AS "last" FROM attempts WHERE finish_tx >= ? AND finish_tx < ? GROUP BY round_id', position, upTo)
    : []
  return { rounds, position: Math.max(position, upTo) }
}

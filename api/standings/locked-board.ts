import { setImmediate as nextTurn } from 'node:timers/promises'
import { all, get, type Program } from '../../db/program'
import type { AliasedRow, Filled } from '../../db/row-types'
import type { attempts, finalStandings, participants, participantUnits } from '../../db/schema'
import { NumberedStrings } from '../lib/numbered-strings'
import { growColumns } from '../lib/typed-columns'
import type { RoundRow } from '../services/round-view'
import type { NameBook } from './name-book'
import type { RoundBoard, RoundBoards, Run } from './round-board'

// By rank - 1. predictionError is NaN where the standings hold NULL.
type ByRank = { pr: Int32Array; score: Float64Array; max: Float64Array; dur: Float64Array; predictionError: Float64Array; unit: Int32Array }
const byRank = (n: number): ByRank => ({
  pr: new Int32Array(n), score: new Float64Array(n), max: new Float64Array(n), dur: new Float64Array(n), predictionError: new Float64Array(n), unit: new Int32Array(n),
})
const rankColumn = (n: number) => ({ rank: new Int32Array(n) })

// A rank of final_standings with what a page shows of it, the person by seq (for the name book).
const FROM_STANDINGS = `SELECT f.rank, f.prediction_error AS "predictionError", a.score, a.max_score AS "maxScore", a.ended_at - a.started_at AS "durationMs",
    (SELECT seq FROM participants WHERE id = f.participant_id) AS pr,
    coalesce((SELECT unit_id FROM participant_units WHERE participant_id = f.participant_id AND contest_id = ?), '') AS "unitId"
  FROM final_standings f JOIN attempts a ON a.seq = f.attempt_seq WHERE f.round_id = ? AND f.generation = ?`

// durationMs is computed, and unitId '' for a person without a unit in the contest.
export type LockedRow = Pick<AliasedRow<typeof finalStandings>, 'rank' | 'predictionError'> & Filled<Pick<AliasedRow<typeof attempts>, 'score' | 'maxScore'>, 'score' | 'maxScore'>
  & { pr: AliasedRow<typeof participants>['seq']; unitId: AliasedRow<typeof participantUnits>['unitId']; durationMs: number }

// The locked ranking read from the database, for while its board is not in memory: a page of it, and one person.
export function* standingsPage(round: RoundRow, offset: number, limit: number): Program<LockedRow[]> {
  return yield* all<LockedRow>(`${FROM_STANDINGS} AND f.rank > ? ORDER BY f.rank LIMIT ?`, round.contestId, round.id, round.finalGeneration, offset, limit)
}
export function* standingOf(round: RoundRow, pr: number): Program<LockedRow | undefined> {
  return yield* get<LockedRow>(`${FROM_STANDINGS} AND f.participant_id = (SELECT id FROM participants WHERE seq = ?)`, round.contestId, round.id, round.finalGeneration, pr)
}
function* standingAt(round: RoundRow, rank: number): Program<LockedRow> {
  return (yield* get<LockedRow>(`${FROM_STANDINGS} AND f.rank = ?`, round.contestId, round.id, round.finalGeneration, rank))!
}

// A read of a locked board under way; `fromLive` when it reads from the live board (about a second).
type Fill = { done: Promise<void>; fromLive: boolean }

// The locked (final) ranking of a finalized round in memory, ~36 bytes a rank: a page is a slice of
// typed arrays instead of fifty lookups by text id in SQLite (0.7 ms a page at 900,000 people).
// final_standings stays the record; this is read from it once per finalize (and regrade), a step at a
// time, and follows unit moves like the live boards do. One fill per board (LockedBoards.fill).
export class LockedBoard {
  private cols: ByRank = byRank(0)
  size = 0 // known once the fill has begun
  private ranks = rankColumn(1024) // by participant seq; 0 = not ranked
  private units = new NumberedStrings()
  private filled = 0
  built = false
  // Set when the board leaves the cache (evicted, or a finalize or regrade replaced it): its fill stops.
  dropped = false
  fill?: Fill

  constructor(readonly round: RoundRow, readonly key: string) {}

  private sized(size: number) {
    this.size = size
    this.cols = byRank(size)
  }

  // Fills from final_standings' ranks and attempts, and the round's live board for the rest: each
  // rank's attempt is, nearly always, that person's best on the live board, which holds their seq,
  // score, time and unit. Both rank by score first, so the attempt is looked for among the live board's
  // people of the same score (the prediction tie-break reorders people within a score). Where it is not
  // there (the locked ranking kept another attempt of that score) the rank is looked up in the database.
  // Reads `step` ranks at a time, with a turn of the event loop between.
  async fromLiveBoard(run: Run, board: RoundBoard, step: number): Promise<boolean> {
    this.sized(await run(lockedSize(this.round)))
    let group = new Map<number, number>()
    let groupEnd = 0
    while (this.filled < this.size && !this.dropped) {
      const rows = await run(all<{ rank: number; seq: number; predictionError: number | null }>('SELECT rank, attempt_seq AS seq, prediction_error AS "predictionError" FROM final_standings WHERE round_id = ? AND generation = ? AND rank > ? ORDER BY rank LIMIT ?',
        this.round.id, this.round.finalGeneration, this.filled, step))
      for (const { rank, seq, predictionError } of rows) {
        if (rank > groupEnd) [group, groupEnd] = scoreGroup(board, rank)
        const pr = group.get(seq)
        const e = pr === undefined ? undefined : board.entry(pr)
        // The entry is read now, maybe a step after the group: it must still be that attempt.
        if (pr !== undefined && e?.attemptSeq === seq) this.set({ rank, pr, score: e.score, maxScore: e.maxScore, durationMs: e.durationMs, predictionError, unitId: e.unitId })
        else this.set(await run(standingAt(this.round, rank)))
      }
      if (rows.length < step) break
      await nextTurn()
    }
    return this.finish()
  }

  // Fills from final_standings with their attempts, people and units alone: ~10 µs a rank of database
  // lookups, for when the round's live board is not in memory.
  async fromStandings(run: Run, step: number): Promise<boolean> {
    this.sized(await run(lockedSize(this.round)))
    while (this.filled < this.size && !this.dropped) {
      const rows = await run(standingsPage(this.round, this.filled, step))
      for (const row of rows) this.set(row)
      if (rows.length < step) break
      await nextTurn()
    }
    return this.finish()
  }

  private set(r: LockedRow) {
    const c = this.cols
    const i = r.rank - 1
    c.pr[i] = r.pr
    c.score[i] = r.score
    c.max[i] = r.maxScore
    c.dur[i] = r.durationMs
    c.predictionError[i] = r.predictionError ?? NaN
    c.unit[i] = this.units.numberOf(r.unitId)
    this.ranks = growColumns(this.ranks, r.pr, rankColumn)
    this.ranks.rank[r.pr] = r.rank
    this.filled = r.rank
  }

  private finish(): boolean {
    this.built = this.filled === this.size
    return this.built
  }

  // 1-based rank of the participant, or 0 when not ranked.
  rankOf(pr: number): number {
    return pr < this.ranks.rank.length ? this.ranks.rank[pr] : 0
  }

  at(rank: number): LockedRow {
    const c = this.cols
    const i = rank - 1
    const predictionError = c.predictionError[i]
    return { rank, pr: c.pr[i], score: c.score[i], maxScore: c.max[i], durationMs: c.dur[i], predictionError: Number.isNaN(predictionError) ? null : predictionError, unitId: this.units.at(c.unit[i]) }
  }

  // The participant's place, or undefined when not ranked.
  place(pr: number): LockedRow | undefined {
    const rank = this.rankOf(pr)
    return rank ? this.at(rank) : undefined
  }

  // The participant now belongs to another unit: as final_standings joined with their unit would read.
  // Right also mid-fill: ranks still to come read the new unit.
  moveUnit(pr: number, unitId: string): void {
    const rank = this.rankOf(pr)
    if (rank) this.cols.unit[rank - 1] = this.units.numberOf(unitId)
  }
}

// The live board's people from `rank` on who share that rank's score: their best attempts' seq -> person's seq,
// and the last rank among them.
function scoreGroup(board: RoundBoard, rank: number): [Map<number, number>, number] {
  const group = new Map<number, number>()
  const first = board.list.slice(rank - 1, 1)[0]
  if (first === undefined) return [group, rank]
  const score = board.entry(first).score
  let end = rank - 1
  for (;;) {
    const prs = board.list.slice(end, 4096)
    let i = 0
    for (; i < prs.length; i++) {
      const e = board.entry(prs[i])
      if (e.score !== score) break
      group.set(e.attemptSeq, prs[i])
    }
    end += i
    if (i < prs.length || !prs.length) return [group, end]
  }
}

// Most recently read last. Kept within a budget of ranks (~36 bytes each): the weekly rounds of a season
// are small, a round of 900,000 people takes ~32 MB.
const MAX_RANKS = 2_000_000
// Ranks read between two turns of the event loop: ~15 ms of work from the live board; from
// final_standings alone each rank costs SQLite lookups by text id, more on a cold cache.
const LIVE_STEP = 10_000
const STANDINGS_STEP = 2_000

// How many people the locked ranking holds. Ranks run 1..n (row_number), so the last rank is the count:
// one index seek, where count(*) walks the round's 900,000 index entries (~100 ms on a cold cache).
export function* lockedSize(round: RoundRow): Program<number> {
  return (yield* get<{ n: number }>('SELECT coalesce(max(rank), 0) AS "n" FROM final_standings WHERE round_id = ? AND generation = ?', round.id, round.finalGeneration))!.n
}

// The locked boards one read model keeps. A board is keyed by the round's last finalize in the change
// log: a finalize again after a regrade writes final_standings anew, and so a new key.
export class LockedBoards {
  private boards = new Map<string, LockedBoard>()

  constructor(private names: NameBook, private live: RoundBoards, private finalizedAt: (roundId: string) => number) {}

  private keyOf(round: RoundRow) {
    return `${round.id}:${round.finalizedAt}:${round.finalGeneration}:${this.finalizedAt(round.id)}`
  }

  // The locked board of a finalized round when it is in memory and complete; undefined otherwise (pages
  // then come from SQLite, as before it was built).
  get(round: RoundRow): LockedBoard | undefined {
    const key = this.keyOf(round)
    const board = this.boards.get(key)
    if (!board?.built) return undefined
    this.boards.delete(key)
    this.boards.set(key, board)
    return board
  }

  // Drops the least recently read boards beyond the budget, keeping the newest one whatever its size.
  private evict() {
    let ranks = 0
    for (const b of this.boards.values()) ranks += b.size
    for (const [key, b] of this.boards) {
      if (ranks <= MAX_RANKS || this.boards.size === 1) break
      this.drop(key, b)
      ranks -= b.size
    }
  }

  private drop(key: string, board: LockedBoard) {
    this.boards.delete(key)
    board.dropped = true
  }

  // Starts reading the round's locked board, a step at a time, unless it is in memory or being read; `done`
  // resolves when it is complete. From the live board (the usual case: it was in memory for the finalize)
  // the read takes about a second at 900,000 people; from final_standings alone (`fromLive` false: after a
  // restart), about ten.
  fill(round: RoundRow, run: Run): Fill | undefined {
    if (round.finalizedAt == null) return undefined
    const key = this.keyOf(round)
    let board = this.boards.get(key)
    if (board?.built) return undefined
    if (!board) {
      this.dropRound(round.id)
      this.boards.set(key, (board = new LockedBoard(round, key)))
    }
    if (!board.fill) {
      const b = board
      // The round's live board only if it is built already: building it for this would cost more than
      // reading final_standings.
      const live = this.live.built(round, null)
      // Nobody waits for a read from final_standings (pages come from SQLite meanwhile): it starts once the
      // name book, which those pages wait for, is in memory.
      const read = live
        ? b.fromLiveBoard(run, live, LIVE_STEP)
        : Promise.resolve(this.names.warm(run)).then(() => b.fromStandings(run, STANDINGS_STEP))
      // A fill that fails (the database closing at shutdown) leaves the board to the SQLite pages; nobody may
      // be waiting for it, so the error must not go unhandled.
      const done = read.then(() => this.evict(), (err: unknown) => {
        if (this.boards.get(key) === b) this.drop(key, b)
        console.error(`locked board of round ${round.id}: ${String(err)}`)
      })
      board.fill = { done, fromLive: live != null }
    }
    return board.fill
  }

  // The round's locked ranking was written again (a finalize after a regrade), or its scores moved.
  dropRound(roundId: string) {
    for (const [k, b] of [...this.boards]) if (b.round.id === roundId) this.drop(k, b)
  }

  // The locked boards in memory of the contest's rounds, for unit moves to follow.
  ofContest(contestId: string): LockedBoard[] {
    return [...this.boards.values()].filter((b) => b.round.contestId === contestId)
  }
}

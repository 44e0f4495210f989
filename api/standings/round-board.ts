import { setImmediate as nextTurn } from 'node:timers/promises'
import { prepared, type Db } from '../../db/client'
import { RankedList } from '../lib/ranked-list'
import { NumberedStrings } from '../lib/numbered-strings'
import { growColumns } from '../lib/typed-columns'
import { columnComparator, roundSortKeys } from '../rules/ranking'
import { shiftUnit, type UnitDirect } from '../rules/units'
import type { RoundRow } from '../services/round-view'

// The live (or frozen) provisional standings of one round, kept in memory: each participant's best
// finished attempt in an order-statistic list, plus per-unit totals. It follows the database's finish
// log (attempts.finish_seq), so it only ever applies committed finishes. A participant moving to another
// unit moves their entry in place (moveUnit); rarer changes to one round (disqualify, regrade, an edit of
// the round) drop the round's boards, which are built again from the database.
// Columns by participant rowid, named by the ranking rule's fields; row 0 (no rowid) is scratch space for
// a finish being weighed against the best so far. `prediction` is NaN where none was given.
type Keys = {
  score: Float64Array; maxScore: Float64Array; durationMs: Float64Array; endedAt: Float64Array; attemptSeq: Float64Array; prediction: Float64Array
  attempts: Int32Array; unit: Int32Array; present: Uint8Array
}
const SCRATCH = 0

let boardsMade = 0

type FinishRow = { pr: number; seq: number; score: number; max_score: number; started_at: number; ended_at: number; prediction: number | null; fs: number; unit_id: string | null }

export class RoundBoard {
  readonly list: RankedList
  private k: Keys
  private cmp: (a: number, b: number) => number
  private units = new NumberedStrings()
  readonly direct = new Map<string, UnitDirect>()
  private lastFinish = 0
  // Counts applied changes, so caches built on this board know when to refresh. A board rebuilt after an
  // eviction may reach the same count with other data (a unit move counts too): `id` tells them apart.
  version = 0
  readonly id = ++boardsMade
  // Everyone whose entry a live finish touched since the board was built, in order: what follows the
  // board (the contest-wide totals) reads on from where it stopped instead of starting over.
  readonly changed: number[] = []

  // Filled by build steps; null once built. A big board takes seconds to read, so it can be built a step
  // at a time between requests (warm) instead of holding the event loop for all of it.
  // Once every finish is read, the best entries are sorted a slice at a time too (`sorting`).
  private building: { best: Set<number>; sorting?: Generator<void> } | null = { best: new Set() }

  constructor(private db: Db, readonly round: RoundRow, readonly endedBy: number | null) {
    this.k = allocate(1024)
    this.cmp = this.comparator()
    this.list = new RankedList((a, b) => this.cmp(a, b))
  }

  // The provisional order of the round (no prediction key), over this board's columns.
  private comparator() {
    return columnComparator(roundSortKeys(this.round.tiebreak, false), this.k)
  }

  get built(): boolean {
    return this.building === null
  }

  // Without a limit for the per-read sync: SQLite runs the LIMIT form of this query five times slower
  // (18 µs instead of 3.5 µs when nothing is new), and every board read syncs first.
  private finishes(after: number, limit?: number): IterableIterator<FinishRow> {
    const sql = `SELECT p.rowid AS pr, a.seq, a.score, a.max_score, a.started_at, a.ended_at, a.prediction, a.finish_seq AS fs, pu.unit_id
      FROM attempts a JOIN participants p ON p.id = a.participant_id
      LEFT JOIN participant_units pu ON pu.participant_id = a.participant_id AND pu.contest_id = ?
      WHERE a.round_id = ? AND a.finish_seq > ? AND a.status != 'in_progress'
        AND a.participant_id NOT IN (SELECT participant_id FROM disqualifications WHERE round_id = ?)
      ORDER BY a.finish_seq`
    const args = [this.round.contestId, this.round.id, after, this.round.id]
    const rows = limit == null ? prepared(this.db, sql).iterate(...args) : prepared(this.db, `${sql} LIMIT ?`).iterate(...args, limit)
    return rows as IterableIterator<FinishRow>
  }

  // Reads up to `rows` more finishes into the board being built; true once the board is complete.
  buildStep(rows: number): boolean {
    const building = this.building
    if (!building) return true
    if (building.sorting) {
      if (rows < 0) while (!building.sorting.next().done) { /* the rest, at once */ }
      if (rows < 0 || building.sorting.next().done) this.building = null
      return this.building === null
    }
    let read = 0
    for (const r of this.finishes(this.lastFinish, rows < 0 ? undefined : rows)) {
      read++
      if (this.take(r, false)) building.best.add(r.pr)
    }
    if (rows < 0) {
      this.list.load([...building.best])
      this.building = null
    } else if (read < rows) building.sorting = this.list.loadInSteps([...building.best])
    return this.building === null
  }

  // Applies finishes committed since the last look: a small indexed query, usually empty. A board not
  // built yet is finished at once first.
  sync(): void {
    if (!this.built) this.buildStep(-1)
    for (const r of [...this.finishes(this.lastFinish)]) this.take(r, true)
  }

  private take(r: FinishRow, live: boolean): boolean {
    this.lastFinish = Math.max(this.lastFinish, r.fs)
    if (this.endedBy != null && r.ended_at > this.endedBy) return false // after the freeze: nothing moves
    this.version++
    const grown = growColumns(this.k, r.pr, allocate)
    if (grown !== this.k) {
      this.k = grown
      this.cmp = this.comparator()
    }
    const k = this.k
    const p = r.pr
    const unit = this.unitOf(r.unit_id)
    const d = this.directFor(unit)
    d.attempts++
    k.attempts[p]++
    if (live) this.changed.push(p)
    if (!k.present[p]) {
      k.present[p] = 1
      k.unit[p] = unit
      setKeys(k, p, r)
      shiftUnit(d, { attempts: 0, bestScore: k.score[p], maxScore: k.maxScore[p] }, 1)
      if (live) this.list.insert(p)
      return true
    }
    // A later attempt replaces the best only when it ranks before it by the round's order.
    setKeys(k, SCRATCH, r)
    if (this.cmp(SCRATCH, p) >= 0) return false
    if (live) this.list.remove(p)
    shiftUnit(d, { attempts: 0, bestScore: k.score[p], maxScore: k.maxScore[p] }, -1)
    setKeys(k, p, r)
    shiftUnit(d, { attempts: 0, bestScore: k.score[p], maxScore: k.maxScore[p] }, 1)
    if (live) this.list.insert(p)
    return true
  }

  private unitOf(unitId: string | null): number {
    return this.units.numberOf(unitId ?? '')
  }

  private directFor(unit: number): UnitDirect {
    const id = this.units.at(unit)
    let d = this.direct.get(id)
    if (!d) this.direct.set(id, (d = { participants: 0, attempts: 0, scoreSum: 0, perfect: 0 }))
    return d
  }

  // The participant now belongs to another unit of the round's contest: what a rebuild would read. Right
  // also in the middle of a build, as the steps still to come read the new unit from the database.
  moveUnit(p: number, unitId: string): void {
    if (!this.has(p)) return
    const k = this.k
    const to = this.unitOf(unitId)
    if (to === k.unit[p]) return
    const person = { attempts: k.attempts[p], bestScore: k.score[p], maxScore: k.maxScore[p] }
    shiftUnit(this.directFor(k.unit[p]), person, -1)
    shiftUnit(this.directFor(to), person, 1)
    k.unit[p] = to
    this.version++
  }

  has(p: number): boolean {
    return p > SCRATCH && p < this.k.present.length && this.k.present[p] === 1
  }

  entry(p: number) {
    const k = this.k
    const prediction = k.prediction[p]
    return {
      score: k.score[p], maxScore: k.maxScore[p], durationMs: k.durationMs[p], endedAt: k.endedAt[p], attemptSeq: k.attemptSeq[p], attempts: k.attempts[p],
      unitId: this.units.at(k.unit[p]), prediction: Number.isNaN(prediction) ? null : prediction,
    }
  }
}

function allocate(n: number): Keys {
  return {
    score: new Float64Array(n), maxScore: new Float64Array(n), durationMs: new Float64Array(n), endedAt: new Float64Array(n), attemptSeq: new Float64Array(n),
    prediction: new Float64Array(n), attempts: new Int32Array(n), unit: new Int32Array(n), present: new Uint8Array(n),
  }
}

function setKeys(k: Keys, p: number, r: FinishRow) {
  k.score[p] = r.score
  k.maxScore[p] = r.max_score
  k.durationMs[p] = r.ended_at - r.started_at
  k.endedAt[p] = r.ended_at
  k.attemptSeq[p] = r.seq
  k.prediction[p] = r.prediction ?? NaN
}

// A board of a million people is ~60 MB; open rounds are few, and an evicted board is rebuilt on demand.
const MAX_BOARDS = 6
const WARM_STEP_ROWS = 2500 // tens of milliseconds of reading at most between two turns of the event loop

const boardKey = (round: RoundRow, endedBy: number | null) => `${round.id}:${endedBy ?? 'live'}:${round.tiebreak.join(',')}`

// The round boards one read model keeps, most recently used last.
export class RoundBoards {
  private boards = new Map<string, RoundBoard>()
  private warming = new WeakMap<RoundBoard, Promise<void>>()

  constructor(private db: Db) {}

  // The cached board for the key, or a new one not built yet.
  private cached(round: RoundRow, endedBy: number | null): RoundBoard {
    const key = boardKey(round, endedBy)
    const board = this.boards.get(key) ?? new RoundBoard(this.db, round, endedBy)
    this.boards.delete(key)
    this.boards.set(key, board)
    while (this.boards.size > MAX_BOARDS) this.boards.delete(this.boards.keys().next().value as string)
    return board
  }

  // The board for a round as the public (frozen when past freezeAt) or the judges (always live) see it,
  // up to date with every committed finish. A board not built yet is built here, at once.
  get(round: RoundRow, endedBy: number | null): RoundBoard {
    const board = this.cached(round, endedBy)
    board.sync()
    return board
  }

  // The board for the key if it is in memory and built (then synced); undefined rather than building one.
  built(round: RoundRow, endedBy: number | null): RoundBoard | undefined {
    const board = this.boards.get(boardKey(round, endedBy))
    if (!board?.built) return undefined
    board.sync()
    return board
  }

  // Builds the board a step at a time, giving the event loop a turn between steps, so the first read of a
  // big board after a restart waits for it without stopping every other request (health, saves) meanwhile.
  // Undefined when the board is built already.
  warm(round: RoundRow, endedBy: number | null, stepRows = WARM_STEP_ROWS): Promise<void> | undefined {
    const board = this.cached(round, endedBy)
    if (board.built) return undefined
    let done = this.warming.get(board)
    if (!done) {
      done = (async () => {
        while (!board.buildStep(stepRows)) await nextTurn()
      })()
      this.warming.set(board, done)
    }
    return done
  }

  // The boards in memory of the contest's rounds (built or being built), for moves to follow.
  ofContest(contestId: string): RoundBoard[] {
    return [...this.boards.values()].filter((b) => b.round.contestId === contestId)
  }

  // The round changed in a way finishes do not say (a disqualification, a regrade, its settings): its
  // boards are read again from the database on their next use.
  dropRound(roundId: string): void {
    for (const [key, board] of [...this.boards]) if (board.round.id === roundId) this.boards.delete(key)
  }
}

import { setImmediate as nextTurn } from 'node:timers/promises'
import { prepared, type Db } from '../../db/client'
import { RankedList } from '../lib/ranked-list'
import { ChangeCounter } from '../lib/change-counter'
import { NumberedStrings } from '../lib/numbered-strings'
import { growColumns } from '../lib/typed-columns'
import { isPerfect } from '../rules/scoring'
import type { UnitDirect } from '../rules/units'
import type { RoundRow } from './rounds'

// The live (or frozen) provisional standings of one round, kept in memory: each participant's best
// finished attempt in an order-statistic list, plus per-unit totals. It follows the database's finish
// log (attempts.finish_seq), so it only ever applies committed finishes. A participant moving to another
// unit moves their entry in place (moveUnit); rarer changes to one round (disqualify, regrade, an edit of
// the round) bump that round's epoch and its boards are rebuilt from the database.
type Keys = { score: Float64Array; max: Float64Array; dur: Float64Array; end: Float64Array; seq: Float64Array; attempts: Int32Array; unit: Int32Array; present: Uint8Array }

// Per round, so a disqualification in one round leaves every other round's board (and contest) alone.
const epochs = new ChangeCounter()
export const invalidateRound = (db: Db, roundId: string) => epochs.bump(db, roundId)
export const roundEpoch = (db: Db, roundId: string) => epochs.of(db, roundId)

let boardsMade = 0

type FinishRow = { pr: number; seq: number; score: number; max_score: number; started_at: number; ended_at: number; fs: number; unit_id: string | null }

export class RoundBoard {
  readonly list: RankedList
  private k: Keys
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
  // at a time between requests (warmBoard) instead of holding the event loop for all of it.
  private building: { best: Set<number> } | null = { best: new Set() }

  constructor(private db: Db, readonly round: RoundRow, readonly endedBy: number | null, readonly epoch: number) {
    this.k = allocate(1024)
    const keys = round.tiebreak.filter((t) => t !== 'prediction')
    this.list = new RankedList((a, b) => this.compare(a, b, keys))
  }

  get built(): boolean {
    return this.building === null
  }

  private compare(a: number, b: number, keys: string[]): number {
    const k = this.k
    if (k.score[a] !== k.score[b]) return k.score[b] - k.score[a]
    for (const key of keys) {
      const d = key === 'duration' ? k.dur[a] - k.dur[b] : k.end[a] - k.end[b]
      if (d !== 0) return d
    }
    return k.seq[a] - k.seq[b]
  }

  // Without a limit for the per-read sync: SQLite runs the LIMIT form of this query five times slower
  // (18 µs instead of 3.5 µs when nothing is new), and every board read syncs first.
  private finishes(after: number, limit?: number): IterableIterator<FinishRow> {
    const sql = `SELECT p.rowid AS pr, a.seq, a.score, a.max_score, a.started_at, a.ended_at, a.finish_seq AS fs, pu.unit_id
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
    let read = 0
    for (const r of this.finishes(this.lastFinish, rows < 0 ? undefined : rows)) {
      read++
      if (this.take(r, false)) building.best.add(r.pr)
    }
    if (rows < 0 || read < rows) {
      this.list.load([...building.best])
      this.building = null
    }
    return this.building === null
  }

  // Applies finishes committed since the last look: a small indexed query, usually empty.
  sync(): void {
    if (!this.built) {
      this.buildStep(-1) // the rest, at once
      return
    }
    for (const r of [...this.finishes(this.lastFinish)]) this.take(r, true)
  }

  private take(r: FinishRow, live: boolean): boolean {
    this.lastFinish = Math.max(this.lastFinish, r.fs)
    if (this.endedBy != null && r.ended_at > this.endedBy) return false // after the freeze: nothing moves
    this.version++
    this.k = growColumns(this.k, r.pr, allocate)
    const k = this.k
    const p = r.pr
    const unit = this.unitOf(r.unit_id)
    const d = this.directFor(unit)
    const dur = r.ended_at - r.started_at
    d.attempts++
    k.attempts[p]++
    if (live) this.changed.push(p)
    if (!k.present[p]) {
      Object.assign(d, { participants: d.participants + 1, scoreSum: d.scoreSum + r.score, perfect: d.perfect + (isPerfect(r.score, r.max_score) ? 1 : 0) })
      k.present[p] = 1
      k.unit[p] = unit
      setKeys(k, p, r, dur)
      if (live) this.list.insert(p)
      return true
    }
    // A later attempt replaces the best only when it ranks before it by the round's order.
    const better = r.score !== k.score[p] ? r.score > k.score[p] : this.beats(dur, r.ended_at, r.seq, p)
    if (!better) return false
    if (live) this.list.remove(p)
    d.scoreSum += r.score - k.score[p]
    d.perfect += (isPerfect(r.score, r.max_score) ? 1 : 0) - (isPerfect(k.score[p], k.max[p]) ? 1 : 0)
    setKeys(k, p, r, dur)
    if (live) this.list.insert(p)
    return true
  }

  private beats(dur: number, end: number, seq: number, p: number): boolean {
    for (const key of this.round.tiebreak) {
      if (key === 'prediction') continue
      const d = key === 'duration' ? dur - this.k.dur[p] : end - this.k.end[p]
      if (d !== 0) return d < 0
    }
    return seq < this.k.seq[p]
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
    const perfect = isPerfect(k.score[p], k.max[p]) ? 1 : 0
    const shift = (d: UnitDirect, sign: 1 | -1) => {
      d.participants += sign
      d.attempts += sign * k.attempts[p]
      d.scoreSum += sign * k.score[p]
      d.perfect += sign * perfect
    }
    shift(this.directFor(k.unit[p]), -1)
    shift(this.directFor(to), 1)
    k.unit[p] = to
    this.version++
  }

  has(p: number): boolean {
    return p < this.k.present.length && this.k.present[p] === 1
  }

  entry(p: number) {
    const k = this.k
    return { score: k.score[p], maxScore: k.max[p], durationMs: k.dur[p], endedAt: k.end[p], attemptSeq: k.seq[p], attempts: k.attempts[p], unitId: this.units.at(k.unit[p]) }
  }
}

function allocate(n: number): Keys {
  return {
    score: new Float64Array(n), max: new Float64Array(n), dur: new Float64Array(n), end: new Float64Array(n), seq: new Float64Array(n),
    attempts: new Int32Array(n), unit: new Int32Array(n), present: new Uint8Array(n),
  }
}

function setKeys(k: Keys, p: number, r: FinishRow, dur: number) {
  k.score[p] = r.score
  k.max[p] = r.max_score
  k.dur[p] = dur
  k.end[p] = r.ended_at
  k.seq[p] = r.seq
}

const boards = new WeakMap<Db, Map<string, RoundBoard>>()
// A board of a million people is ~55 MB; open rounds are few, and an evicted board is rebuilt on demand.
const MAX_BOARDS = 6

function boardKey(round: RoundRow, endedBy: number | null): string {
  return `${round.id}:${endedBy ?? 'live'}:${round.tiebreak.join(',')}`
}

// The cached board for the key, or a new one not built yet; most recently used last.
function cachedBoard(db: Db, round: RoundRow, endedBy: number | null): RoundBoard {
  let perDb = boards.get(db)
  if (!perDb) boards.set(db, (perDb = new Map()))
  const key = boardKey(round, endedBy)
  let board = perDb.get(key)
  const epoch = roundEpoch(db, round.id)
  if (!board || board.epoch !== epoch) {
    for (const k of perDb.keys()) if (k.startsWith(`${round.id}:`)) perDb.delete(k)
    board = new RoundBoard(db, round, endedBy, epoch)
  }
  perDb.delete(key)
  perDb.set(key, board)
  while (perDb.size > MAX_BOARDS) perDb.delete(perDb.keys().next().value as string)
  return board
}

// The board for a round as the public (frozen when past freezeAt) or the judges (always live) see it,
// up to date with every committed finish. A board not built yet is built here, at once.
export function boardFor(db: Db, round: RoundRow, endedBy: number | null): RoundBoard {
  const board = cachedBoard(db, round, endedBy)
  board.sync()
  return board
}

// The board for the key if it is in memory and built (then synced); undefined rather than building one.
export function builtBoard(db: Db, round: RoundRow, endedBy: number | null): RoundBoard | undefined {
  const board = boards.get(db)?.get(boardKey(round, endedBy))
  if (!board?.built || board.epoch !== roundEpoch(db, round.id)) return undefined
  board.sync()
  return board
}

// The boards in memory of the contest's rounds (built or being built), for moves to follow.
export function cachedBoardsOf(db: Db, contestId: string): RoundBoard[] {
  return [...(boards.get(db)?.values() ?? [])].filter((b) => b.round.contestId === contestId)
}

const WARM_STEP_ROWS = 5000 // ~40 ms of reading at most between two turns of the event loop
const warming = new WeakMap<RoundBoard, Promise<void>>()

// Builds the board a step at a time, giving the event loop a turn between steps, so the first read of a
// big board after a restart waits for it without stopping every other request (health, saves) meanwhile.
// Undefined when the board is built already.
export function warmBoard(db: Db, round: RoundRow, endedBy: number | null, stepRows = WARM_STEP_ROWS): Promise<void> | undefined {
  const board = cachedBoard(db, round, endedBy)
  if (board.built) return undefined
  let done = warming.get(board)
  if (!done) {
    done = (async () => {
      while (!board.buildStep(stepRows)) await nextTurn()
    })()
    warming.set(board, done)
  }
  return done
}

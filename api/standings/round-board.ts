import { setImmediate as nextTurn } from 'node:timers/promises'
import type { Program } from '../../db/program'
import { RankedList } from '../lib/ranked-list'
import { NumberedStrings } from '../lib/numbered-strings'
import { growColumns, markedRows } from '../lib/typed-columns'
import { columnComparator, roundSortKeys } from '../rules/ranking'
import { shiftUnit, type UnitDirect } from '../rules/units'
import type { RoundRow } from '../services/round-view'
import { logEnd, roundFinishes, type FinishRow, type LogPosition } from './change-log'

// The live (or frozen) provisional standings of one round, kept in memory: each participant's best
// finished attempt in an order-statistic list, plus per-unit totals. It follows the database's finish
// log (change-log.ts), so it only ever applies committed finishes, each once. A participant moving to
// another unit moves their entry in place (moveUnit); rarer changes to one round (disqualify, regrade, an
// edit of the round) drop the round's boards, which are built again from the database.
// The board never reads the database itself: its build steps and syncs are programs, run by the read
// model one at a time per board (standings.ts), on either store.
// Columns by participant seq (participants.seq), named by the ranking rule's fields; row 0 (no person) is scratch space for
// a finish being weighed against the best so far. `prediction` is NaN where none was given.
type Keys = {
  score: Float64Array; maxScore: Float64Array; durationMs: Float64Array; endedAt: Float64Array; attemptSeq: Float64Array; prediction: Float64Array
  attempts: Int32Array; unit: Int32Array; present: Uint8Array
}
const SCRATCH = 0

let boardsMade = 0

export class RoundBoard {
  readonly list: RankedList
  private k: Keys
  private cmp: (a: number, b: number) => number
  private units = new NumberedStrings()
  readonly direct = new Map<string, UnitDirect>()
  // Where in the finish log the board has read to: every finish of the round up to here is applied.
  position: LogPosition = 0
  // Built since the read model last followed the finish log: the finishes between the build's end and
  // the log's are read at the next sync, whatever round they moved.
  needsSync = false
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
  // The build reads the finish log up to where it ended when the build began (`end`), a page at a time.
  private building: { end?: LogPosition; afterSeq: number; sorting?: Generator<void> } | null = { afterSeq: 0 }

  constructor(readonly round: RoundRow, readonly endedBy: number | null) {
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

  // Reads up to `rows` more finishes into the board being built (all when negative); true once the board
  // is complete.
  *buildStep(rows: number): Program<boolean> {
    const building = this.building
    if (!building) return true
    if (building.sorting) {
      if (rows < 0) while (!building.sorting.next().done) { /* the rest, at once */ }
      if (rows < 0 || building.sorting.next().done) this.built_(building.end!)
      return this.building === null
    }
    building.end ??= yield* logEnd()
    const read = yield* roundFinishes(this.round, 0, building.end, { afterSeq: building.afterSeq, limit: rows < 0 ? Number.MAX_SAFE_INTEGER : rows })
    if (this.building !== building) return this.building === null // another step finished it meanwhile
    for (const r of read) {
      building.afterSeq = r.fs
      this.take(r, false)
    }
    if (rows < 0) {
      this.list.load(this.everyone())
      this.built_(building.end)
    } else if (read.length < rows) building.sorting = this.list.loadInSteps(this.everyone())
    return this.building === null
  }

  // Everyone with a best attempt, by seq: what the list is loaded with once every finish is read. (The
  // order the list is given does not matter: the round's order ends on the attempt's seq, so it is total.)
  // Read from the columns rather than gathered in a Set while reading: at 900,000 people the Set alone
  // held some 20 MB of the heap until the build ended. Row 0 (scratch) is never marked present.
  private everyone(): number[] {
    return markedRows(this.k.present)
  }

  private built_(end: LogPosition) {
    this.building = null
    this.position = end
    this.needsSync = true
  }

  // Applies the round's finishes from the board's position up to `end` (a position logEnd gave): a small
  // indexed query, usually empty. The read model runs one sync of a board at a time.
  *sync(end: LogPosition): Program<void> {
    if (!this.built || end <= this.position) return
    const from = this.position
    const rows = yield* roundFinishes(this.round, from, end)
    if (this.position !== from) return // applied meanwhile
    for (const r of rows) this.take(r, true)
    this.position = end
    this.needsSync = false
  }

  private take(r: FinishRow, live: boolean): boolean {
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

  // What a page shows of the person (pages.ts's Placed): the four columns it reads, not all of entry's.
  placed(p: number, rank: number) {
    const k = this.k
    return { rank, pr: p, score: k.score[p], maxScore: k.maxScore[p], durationMs: k.durationMs[p], unitId: this.units.at(k.unit[p]) }
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

// Asked on every read: a kept round row's live key is made once.
const liveKeys = new WeakMap<RoundRow, string>()
function boardKey(round: RoundRow, endedBy: number | null): string {
  if (endedBy != null) return `${round.id}:${endedBy}:${round.tiebreak.join(',')}`
  let key = liveKeys.get(round)
  if (key === undefined) liveKeys.set(round, (key = `${round.id}:live:${round.tiebreak.join(',')}`))
  return key
}

// Runs a program on the read model's store.
export type Run = <T>(program: Program<T>) => Promise<T>

// The round boards one read model keeps, most recently used last.
export class RoundBoards {
  private boards = new Map<string, RoundBoard>()
  private warming = new WeakMap<RoundBoard, Promise<void>>()
  private latest: RoundBoard | undefined // the most recently used, already last in `boards`

  // The cached board for the key, or a new one not built yet.
  private cached(round: RoundRow, endedBy: number | null): RoundBoard {
    const key = boardKey(round, endedBy)
    const kept = this.boards.get(key)
    if (kept && kept === this.latest) return kept
    const board = kept ?? new RoundBoard(round, endedBy)
    this.boards.delete(key)
    this.boards.set(key, board)
    this.latest = board
    while (this.boards.size > MAX_BOARDS) this.boards.delete(this.boards.keys().next().value as string)
    return board
  }

  // The board for the key if it is in memory and built; undefined rather than building one. It is as
  // current as the read model's last look at the finish log.
  built(round: RoundRow, endedBy: number | null): RoundBoard | undefined {
    const board = this.boards.get(boardKey(round, endedBy))
    return board?.built ? board : undefined
  }

  // Builds the board a step at a time, giving the event loop a turn between steps, so the first read of a
  // big board after a restart waits for it without stopping every other request (health, saves) meanwhile.
  // Undefined when the board is built already. One build per board, however many readers wait for it.
  warm(round: RoundRow, endedBy: number | null, run: Run, stepRows = WARM_STEP_ROWS): Promise<void> | undefined {
    const board = this.cached(round, endedBy)
    if (board.built) return undefined
    let done = this.warming.get(board)
    if (!done) {
      done = (async () => {
        while (!(await run(board.buildStep(stepRows)))) await nextTurn()
      })()
      // A build that failed (the database unreachable for a moment) is tried again by the next reader.
      done.catch(() => this.warming.delete(board))
      this.warming.set(board, done)
    }
    return done
  }

  // Is a built board waiting to read the finishes since it was built? Asked on every read: no array made.
  anyToSync(): boolean {
    for (const b of this.boards.values()) if (b.built && b.needsSync) return true
    return false
  }

  // Every board in memory, built or not.
  all(): RoundBoard[] {
    return [...this.boards.values()]
  }

  // The boards in memory of the contest's rounds (built or being built), for moves to follow.
  ofContest(contestId: string): RoundBoard[] {
    return [...this.boards.values()].filter((b) => b.round.contestId === contestId)
  }

  // The round changed in a way finishes do not say (a disqualification, a regrade, its settings): its
  // boards are read again from the database on their next use.
  dropRound(roundId: string): void {
    for (const [key, board] of [...this.boards]) if (board.round.id === roundId) this.boards.delete(key)
    if (this.latest?.round.id === roundId) this.latest = undefined
  }
}

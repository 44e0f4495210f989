import { prepared, type Db } from '../../db/client'
import { RankedList } from '../lib/ranked-list'
import { isPerfect } from '../rules/scoring'
import type { UnitDirect } from '../rules/units'
import type { RoundRow } from './rounds'

// The live (or frozen) provisional standings of one round, kept in memory: each participant's best
// finished attempt in an order-statistic list, plus per-unit totals. It follows the database's finish
// log (attempts.finish_seq), so it only ever applies committed finishes; rarer changes (disqualify,
// regrade, round edits, unit moves) bump an epoch and the board is rebuilt from the database.
type Keys = { score: Float64Array; max: Float64Array; dur: Float64Array; end: Float64Array; seq: Float64Array; attempts: Int32Array; unit: Int32Array; present: Uint8Array }

const epochs = new WeakMap<Db, number>()
export const invalidateBoards = (db: Db) => epochs.set(db, (epochs.get(db) ?? 0) + 1)
export const epochOf = (db: Db) => epochs.get(db) ?? 0

type FinishRow = { pr: number; seq: number; score: number; max_score: number; started_at: number; ended_at: number; fs: number; unit_id: string | null }

export class RoundBoard {
  readonly list: RankedList
  private k: Keys
  private unitIds: string[] = []
  private unitIndex = new Map<string, number>()
  readonly direct = new Map<string, UnitDirect>()
  private lastFinish = 0
  // Counts applied changes, so caches built on this board know when to refresh.
  version = 0

  constructor(private db: Db, readonly round: RoundRow, readonly endedBy: number | null, readonly epoch: number) {
    this.k = allocate(1024)
    const keys = round.tiebreak.filter((t) => t !== 'prediction')
    this.list = new RankedList((a, b) => this.compare(a, b, keys))
    this.rebuild()
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

  private finishes(after: number): IterableIterator<FinishRow> {
    return prepared(this.db, `SELECT p.rowid AS pr, a.seq, a.score, a.max_score, a.started_at, a.ended_at, a.finish_seq AS fs, pu.unit_id
      FROM attempts a JOIN participants p ON p.id = a.participant_id
      LEFT JOIN participant_units pu ON pu.participant_id = a.participant_id AND pu.contest_id = ?
      WHERE a.round_id = ? AND a.finish_seq > ? AND a.status != 'in_progress'
        AND a.participant_id NOT IN (SELECT participant_id FROM disqualifications WHERE round_id = ?)
      ORDER BY a.finish_seq`).iterate(this.round.contestId, this.round.id, after, this.round.id) as IterableIterator<FinishRow>
  }

  private rebuild() {
    const seen = new Set<number>()
    for (const r of this.finishes(0)) if (this.take(r, false)) seen.add(r.pr)
    this.list.load([...seen])
  }

  // Applies finishes committed since the last look: a small indexed query, usually empty.
  sync(): void {
    for (const r of [...this.finishes(this.lastFinish)]) this.take(r, true)
  }

  private take(r: FinishRow, live: boolean): boolean {
    this.lastFinish = Math.max(this.lastFinish, r.fs)
    this.version++
    if (this.endedBy != null && r.ended_at > this.endedBy) return false
    this.ensure(r.pr)
    const k = this.k
    const p = r.pr
    const unit = this.unitOf(r.unit_id)
    const d = this.directFor(unit)
    const dur = r.ended_at - r.started_at
    d.attempts++
    k.attempts[p]++
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
    const id = unitId ?? ''
    let i = this.unitIndex.get(id)
    if (i === undefined) {
      i = this.unitIds.push(id) - 1
      this.unitIndex.set(id, i)
    }
    return i
  }

  private directFor(unit: number): UnitDirect {
    const id = this.unitIds[unit]
    let d = this.direct.get(id)
    if (!d) this.direct.set(id, (d = { participants: 0, attempts: 0, scoreSum: 0, perfect: 0 }))
    return d
  }

  private ensure(p: number) {
    if (p < this.k.score.length) return
    let n = this.k.score.length
    while (n <= p) n *= 2
    const next = allocate(n)
    for (const key of Object.keys(next) as (keyof Keys)[]) (next[key] as Float64Array).set(this.k[key] as Float64Array)
    this.k = next
  }

  entry(p: number) {
    const k = this.k
    return { score: k.score[p], maxScore: k.max[p], durationMs: k.dur[p], endedAt: k.end[p], attemptSeq: k.seq[p], attempts: k.attempts[p], unitId: this.unitIds[k.unit[p]] }
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

// The board for a round as the public (frozen when past freezeAt) or the judges (always live) see it.
export function boardFor(db: Db, round: RoundRow, endedBy: number | null): RoundBoard {
  let perDb = boards.get(db)
  if (!perDb) boards.set(db, (perDb = new Map()))
  const key = `${round.id}:${endedBy ?? 'live'}:${round.tiebreak.join(',')}`
  let board = perDb.get(key)
  if (!board || board.epoch !== epochOf(db)) {
    for (const k of perDb.keys()) if (k.startsWith(`${round.id}:`)) perDb.delete(k)
    board = new RoundBoard(db, round, endedBy, epochOf(db))
  } else board.sync()
  perDb.delete(key)
  perDb.set(key, board) // most recently used last
  while (perDb.size > MAX_BOARDS) perDb.delete(perDb.keys().next().value as string)
  return board
}

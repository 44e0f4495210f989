import { setImmediate as nextTurn } from 'node:timers/promises'
import { all, type Program } from '../../db/program'
import { RankedList } from '../lib/ranked-list'
import { NumberedStrings } from '../lib/numbered-strings'
import { growColumns, markedRows } from '../lib/typed-columns'
import { CONTEST_SORT_KEYS, columnComparator } from '../rules/ranking'
import { shiftUnit, type UnitDirect } from '../rules/units'
import type { RoundRow } from '../services/round-view'
import type { RoundBoard, Run } from './round-board'

export type ContestEntry = { score: number; maxScore: number; durationMs: number; attempts: number; unitId: string }

// By participant seq, which is also their registration order (`participantOrder`, the last key).
type Sums = { score: Float64Array; max: Float64Array; durationMs: Float64Array; participantOrder: Float64Array; attempts: Int32Array; unit: Int32Array; present: Uint8Array }

function allocate(n: number): Sums {
  return {
    score: new Float64Array(n), max: new Float64Array(n), durationMs: new Float64Array(n), participantOrder: Float64Array.from({ length: n }, (_, i) => i),
    attempts: new Int32Array(n), unit: new Int32Array(n).fill(-1), present: new Uint8Array(n),
  }
}

// The contest-wide ranking (SPEC §5): per person, the sum over the contest's rounds of their best score,
// ties by the summed duration of those attempts. Finalized rounds count from their locked standings, read
// once per finalize; open rounds from their live boards, followed through each board's log of changed
// people. A finish moves one person in an order-statistic list instead of rebuilding a million totals.
export class ContestTotals {
  private fixed: Sums = allocate(1024) // the finalized rounds, summed
  private total: Sums = allocate(1024) // fixed + every live board
  private cmp = columnComparator(CONTEST_SORT_KEYS, this.total)
  readonly list: RankedList
  private units = new NumberedStrings()
  readonly direct = new Map<string, UnitDirect>()
  private cursors = new Map<RoundBoard, number>()

  private built = false

  // Empty until fill() has run.
  constructor(readonly contestId: string, readonly key: string, readonly finalized: RoundRow[], readonly boards: RoundBoard[]) {
    this.list = new RankedList((a, b) => this.cmp(a, b))
  }

  // Reads the finalized rounds `step` rows at a time, then ranks everyone, with turns of the event loop
  // between steps.
  async fill(run: Run, step: number): Promise<void> {
    for (const round of this.finalized) {
      for (let after = 0; ;) {
        const last = await run(this.addFinalized(round, after, step))
        if (last == null) break
        after = last
        await nextTurn()
      }
    }
    for (let p = 0; p < this.fixed.present.length; p++) if (this.fixed.present[p]) this.recompute(p)
    for (const board of this.boards) {
      for (const p of board.list) if (!this.listed(p)) this.recompute(p)
      this.cursors.set(board, board.changed.length)
    }
    for (const _ of this.list.loadInSteps(markedRows(this.total.present))) await nextTurn()
    this.built = true
  }

  private listed(p: number): boolean {
    return p < this.total.present.length && this.total.present[p] === 1
  }

  // Adds the locked standings of a round from rank `after` on, `limit` rows; returns the last rank read,
  // or null when there was nothing left.
  private *addFinalized(round: RoundRow, after: number, limit: number): Program<number | null> {
    const rows = yield* all<{ rank: number; pr: number; score: number; max_score: number; dur: number; unit_id: string; n: number }>(`SELECT f.rank, p.seq AS pr, a.score, a.max_score, a.ended_at - a.started_at AS dur, coalesce(pu.unit_id, '') AS unit_id,
        (SELECT count(*) FROM attempts x WHERE x.round_id = f.round_id AND x.participant_id = f.participant_id AND x.status != 'in_progress') AS n
      FROM final_standings f JOIN attempts a ON a.seq = f.attempt_seq JOIN participants p ON p.id = f.participant_id
      LEFT JOIN participant_units pu ON pu.participant_id = p.id AND pu.contest_id = ? WHERE f.round_id = ? AND f.generation = ? AND f.rank > ? ORDER BY f.rank LIMIT ?`,
      this.contestId, round.id, round.finalGeneration, after, limit)
    let last: number | null = null
    for (const r of rows) {
      const f = (this.fixed = growColumns(this.fixed, r.pr, allocate))
      f.score[r.pr] += r.score
      f.max[r.pr] += r.max_score
      f.durationMs[r.pr] += r.dur
      f.attempts[r.pr] += r.n
      f.unit[r.pr] = this.units.numberOf(r.unit_id)
      f.present[r.pr] = 1
      last = r.rank
    }
    return last
  }

  // A person's total from the fixed part and every live board, kept in the list and the unit sums.
  private recompute(p: number) {
    if (this.listed(p)) {
      if (this.built) this.list.remove(p) // before its keys change
      this.addToUnit(p, -1)
    }
    const f = this.fixed
    const fixedHere = p < f.present.length && f.present[p] === 1
    let score = fixedHere ? f.score[p] : 0
    let max = fixedHere ? f.max[p] : 0
    let dur = fixedHere ? f.durationMs[p] : 0
    let attempts = fixedHere ? f.attempts[p] : 0
    let unit = fixedHere ? f.unit[p] : -1
    let present = fixedHere
    for (const board of this.boards) {
      if (!board.has(p)) continue
      const e = board.entry(p)
      score += e.score
      max += e.maxScore
      dur += e.durationMs
      attempts += e.attempts
      unit = this.units.numberOf(e.unitId ?? '')
      present = true
    }
    const t = this.grownTotal(p)
    t.score[p] = score
    t.max[p] = max
    t.durationMs[p] = dur
    t.attempts[p] = attempts
    t.unit[p] = unit
    t.present[p] = present ? 1 : 0
    if (!present) return
    this.addToUnit(p, 1)
    if (this.built) this.list.insert(p)
  }

  private grownTotal(p: number): Sums {
    const t = growColumns(this.total, p, allocate)
    if (t !== this.total) {
      this.total = t
      this.cmp = columnComparator(CONTEST_SORT_KEYS, t)
    }
    return t
  }

  private addToUnit(p: number, sign: 1 | -1) {
    const t = this.total
    const id = this.units.at(t.unit[p])
    let d = this.direct.get(id)
    if (!d) this.direct.set(id, (d = { participants: 0, attempts: 0, scoreSum: 0, perfect: 0 }))
    shiftUnit(d, { attempts: t.attempts[p], bestScore: t.score[p], maxScore: t.max[p] }, sign)
  }

  // The participant moved to another unit: their locked rounds count there from now on, as a rebuild would
  // read them. Call after moving them on the live boards, which recompute() reads. While the locked rounds
  // are still being read, the rows to come carry the new unit already.
  moveUnit(p: number, unitId: string): void {
    const f = this.fixed
    if (p < f.present.length && f.present[p]) f.unit[p] = this.units.numberOf(unitId)
    if (this.listed(p)) this.recompute(p) // also while the fill sorts: recompute leaves the list to the fill
  }

  // Applies what the live boards logged since the last look: usually nothing, or a few people.
  sync(): void {
    for (const board of this.boards) {
      const from = this.cursors.get(board) ?? 0
      const upto = board.changed.length
      for (let i = from; i < upto; i++) this.recompute(board.changed[i])
      this.cursors.set(board, upto)
    }
  }

  entry(p: number): ContestEntry {
    const t = this.total
    return { score: t.score[p], maxScore: t.max[p], durationMs: t.durationMs[p], attempts: t.attempts[p], unitId: this.units.at(t.unit[p]) }
  }
}

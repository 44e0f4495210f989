import { all, type Program } from '../../db/program'
import { notFound } from '../errors'
import type { Leaderboard, LeaderboardEntry, UnitsLeaderboardEntry } from '../schemas/wire'
import { contestRow } from '../services/contests'
import { roundRow, type RoundRow } from '../services/round-view'
import { ContestTotals } from './contest-totals'
import { NotReady, pageEntries, publicBoard, publicEndedBy, rankedMatches, unitsAt, unitsBoard, type Page, type UnitLevel } from './pages'
import type { Parts } from './parts'
import type { RoundBoard, Run } from './round-board'

export type Shape = { key: string; finalized: RoundRow[]; liveRounds: RoundRow[] }
const FILL_STEP_ROWS = 5000

// The contest-wide boards one read model keeps: per contest, the sum of each round's best score per
// participant, ties by total duration (SPEC §5). Finalized rounds count from their locked standings, open
// ones from their public boards. Rebuilt only when the contest's shape moves (a finalize, a regrade after
// one, a new round, a board rebuilt after a disqualification); a finish on a live board, or a unit move,
// moves just that person.
export class ContestBoards {
  private cache = new Map<string, ContestTotals>()
  private building = new Map<string, Promise<void>>()
  // Totals being filled a step at a time, per contest: a unit move reaches them too.
  private filling = new Set<ContestTotals>()

  constructor(private parts: Parts) {}

  *shape(contestId: string): Program<Shape> {
    const { positions } = this.parts
    const contest = yield* contestRow(contestId)
    if (contest.status === 'draft') throw notFound('cuộc thi')
    const rounds: RoundRow[] = []
    for (const r of yield* all<{ id: string }>('SELECT id FROM rounds WHERE contest_id = ? ORDER BY number', contestId)) rounds.push(yield* roundRow(r.id))
    const finalized = rounds.filter((r) => r.finalizedAt != null)
    // A regrade after a finalize rescores the attempts the locked part is summed from: the round moves in the log.
    const key = finalized.map((r) => `${r.id}:${r.finalizedAt}:${positions.finalized(r.id)}:${positions.round(r.id)}`).join(',')
    return { key, finalized, liveRounds: rounds.filter((r) => r.finalizedAt == null) }
  }

  private current(contestId: string, shape: Shape, boards: (RoundBoard | undefined)[]): ContestTotals | undefined {
    const totals = this.cache.get(contestId)
    const same = totals && totals.key === shape.key && totals.boards.length === boards.length && totals.boards.every((b, i) => b === boards[i])
    return same ? totals : undefined
  }

  // The contest's totals, current with its boards; NotReady when they must be built first (ready()).
  private totals(contestId: string, shape: Shape, now: number): ContestTotals {
    const boards = shape.liveRounds.map((r) => publicBoard(this.parts, r, now))
    const totals = this.current(contestId, shape, boards)
    if (!totals) throw new NotReady()
    totals.sync()
    return totals
  }

  // Undefined when the contest's totals are in memory and current. Otherwise builds them a step at a time
  // (a finalized round of 900,000 people takes some 14 s to read), with turns of the event loop between,
  // so the first read after a restart or a finalize waits without stopping other requests.
  ready(contestId: string, shape: Shape, now: number, run: Run): Promise<void> | undefined {
    const { boards: roundBoards, names } = this.parts
    const boardsReady = shape.liveRounds.map((r) => roundBoards.warm(r, publicEndedBy(r, now), run)).filter((p): p is Promise<void> => p != null)
    const namesReady = names.warm(run)
    if (!boardsReady.length && this.current(contestId, shape, shape.liveRounds.map((r) => roundBoards.built(r, publicEndedBy(r, now))))) return namesReady
    const key = `${contestId}|${shape.key}`
    let done = this.building.get(key)
    if (!done) {
      done = (async () => {
        await Promise.all([...boardsReady, namesReady])
        const boards = shape.liveRounds.map((r) => publicBoard(this.parts, r, now))
        const totals = new ContestTotals(contestId, shape.key, shape.finalized, boards)
        this.filling.add(totals)
        try {
          await totals.fill(run, FILL_STEP_ROWS)
        } finally {
          this.filling.delete(totals)
        }
        this.cache.set(contestId, totals)
      })().finally(() => this.building.delete(key))
      this.building.set(key, done)
    }
    return done
  }

  // A participant now belongs to another unit of the contest: the totals move them in place. Call after
  // the round boards have moved them.
  moveUnit(contestId: string, pr: number, unitId: string) {
    const totals = [this.cache.get(contestId), ...this.filling].filter((t): t is ContestTotals => t?.contestId === contestId)
    for (const t of totals) t.moveUnit(pr, unitId)
  }

  *page(contestId: string, shape: Shape, now: number, page: Page): Program<Leaderboard> {
    const totals = this.totals(contestId, shape, now)
    const placed = (rows: { pr: number; rank: number }[]) => rows.map(({ pr, rank }) => ({ rank, pr, ...totals.entry(pr) }))
    if (page.q?.trim()) {
      const ranked = yield* rankedMatches(this.parts, contestId, page.q, totals.list)
      return { contest: { id: contestId }, total: ranked.length, entries: yield* pageEntries(this.parts, contestId, placed(ranked.slice(page.offset, page.offset + page.limit))) }
    }
    const total = totals.list.size
    const rows = placed(totals.list.slice(page.offset, page.limit).map((pr, i) => ({ pr, rank: page.offset + i + 1 })))
    return { contest: { id: contestId }, total, entries: yield* pageEntries(this.parts, contestId, rows) }
  }

  *units(contestId: string, shape: Shape, now: number, level: UnitLevel): Program<UnitsLeaderboardEntry[]> {
    const direct = new Map([...this.totals(contestId, shape, now).direct].map(([id, d]) => [id, { ...d }]))
    return unitsAt(yield* unitsBoard(contestId, direct), level)
  }

  // One person's contest-wide place, and how many the board ranks; whether every round is final yet.
  *place(contestId: string, shape: Shape, now: number, pr: number): Program<{ entry: LeaderboardEntry | null; total: number; final: boolean }> {
    const totals = this.totals(contestId, shape, now)
    const rank = totals.list.rankOf(pr)
    const total = totals.list.size
    const entry = rank ? (yield* pageEntries(this.parts, contestId, [{ rank, pr, ...totals.entry(pr) }]))[0] : null
    return { entry, total, final: shape.liveRounds.length === 0 && shape.finalized.length > 0 }
  }
}

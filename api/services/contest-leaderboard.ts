import { prepared, type Db } from '../../db/client'
import { notFound } from '../errors'
import { inSteps } from '../lib/in-steps'
import { rankUnits, unitStatsFromDirect } from '../rules/units'
import type { Leaderboard, UnitsLeaderboardEntry } from '../schemas/wire'
import { getContestRow } from './contests'
import { ContestTotals } from './contest-totals'
import { isFrozen, pageEntries, publicBoard, rankedMatches, unitRows } from './leaderboards'
import { lockedBoardsOf } from './locked-board'
import { warmNames } from './name-book'
import { cachedBoardsOf, roundEpoch, warmBoard, type RoundBoard } from './round-board'
import { getRoundRow, type RoundRow } from './rounds'
import { unitsChanged } from './units-version'

const cache = new WeakMap<Db, Map<string, ContestTotals>>()

type Shape = { key: string; finalized: RoundRow[]; liveRounds: RoundRow[]; endedBy: (number | null)[] }

function contestShape(db: Db, contestId: string, now: number): Shape {
  const contest = getContestRow(db, contestId)
  if (contest.status === 'draft') throw notFound('cuộc thi')
  const rounds = (prepared(db, 'SELECT id FROM rounds WHERE contest_id = ? ORDER BY number').all(contestId) as { id: string }[]).map((r) => getRoundRow(db, r.id))
  const finalized = rounds.filter((r) => r.finalizedAt != null)
  const liveRounds = rounds.filter((r) => r.finalizedAt == null)
  // A regrade after a finalize rescores the attempts the locked part is summed from: the round's epoch moves.
  const key = finalized.map((r) => `${r.id}:${r.finalizedAt}:${roundEpoch(db, r.id)}`).join(',')
  return { key, finalized, liveRounds, endedBy: liveRounds.map((r) => (isFrozen(r, now) ? r.freezeAt : null)) }
}

function current(db: Db, contestId: string, shape: Shape, boards: RoundBoard[]): ContestTotals | undefined {
  const totals = cache.get(db)?.get(contestId)
  const same = totals && totals.key === shape.key && totals.boards.length === boards.length && totals.boards.every((b, i) => b === boards[i])
  return same ? totals : undefined
}

function keep(db: Db, contestId: string, totals: ContestTotals) {
  let perDb = cache.get(db)
  if (!perDb) cache.set(db, (perDb = new Map()))
  perDb.set(contestId, totals)
}

// Sum of each round's best score per participant, ties by total duration (SPEC §5): finalized rounds from
// their locked standings, open ones from their public boards. Rebuilt only when the contest's shape moves
// (a finalize, a regrade after one, a new round, a board rebuilt after a disqualification); a finish on a
// live board, or a unit move, moves just that person.
function contestTotals(db: Db, contestId: string, now: number): ContestTotals {
  const shape = contestShape(db, contestId, now)
  const boards = shape.liveRounds.map((r) => publicBoard(db, r, now))
  let totals = current(db, contestId, shape, boards)
  if (totals) totals.sync()
  else keep(db, contestId, (totals = new ContestTotals(db, contestId, shape.key, shape.finalized, boards)))
  return totals
}

const building = new WeakMap<Db, Map<string, Promise<void>>>()
// Totals being filled a step at a time, per contest: a unit move reaches them too.
const filling = new WeakMap<Db, Set<ContestTotals>>()
const FILL_STEP_ROWS = 5000

// Undefined when the contest's totals are in memory and current. Otherwise builds them a step at a time
// (a finalized round of 900,000 people takes some 14 s to read), with turns of the event loop between,
// so the first read after a restart or a finalize waits without stopping other requests.
export function contestReady(db: Db, contestId: string, now: number): Promise<void> | undefined {
  const shape = contestShape(db, contestId, now)
  const boardsReady = shape.liveRounds.map((r, i) => warmBoard(db, r, shape.endedBy[i])).filter((p): p is Promise<void> => p != null)
  const names = warmNames(db)
  if (!boardsReady.length && current(db, contestId, shape, shape.liveRounds.map((r) => publicBoard(db, r, now)))) return names
  let perDb = building.get(db)
  if (!perDb) building.set(db, (perDb = new Map()))
  const key = `${contestId}|${shape.key}`
  let done = perDb.get(key)
  if (!done) {
    done = (async () => {
      await Promise.all([...boardsReady, names])
      const boards = shape.liveRounds.map((r) => publicBoard(db, r, now))
      const totals = new ContestTotals(db, contestId, shape.key, shape.finalized, boards, true)
      let inFill = filling.get(db)
      if (!inFill) filling.set(db, (inFill = new Set()))
      inFill.add(totals)
      try {
        await inSteps(totals.fill(FILL_STEP_ROWS))
      } finally {
        inFill.delete(totals)
      }
      keep(db, contestId, totals)
    })().finally(() => perDb.delete(key))
    perDb.set(key, done)
  }
  return done
}

// A participant now belongs to another unit of the contest. Everything in memory that ranks them moves
// them in place, as a rebuild would have them; at a million people a rebuild takes seconds a board.
export function followUnitMove(db: Db, contestId: string, participantId: string, unitId: string) {
  unitsChanged(db, contestId)
  const row = prepared(db, 'SELECT rowid AS pr FROM participants WHERE id = ?').get(participantId) as { pr: number } | undefined
  if (!row) return
  for (const board of [...cachedBoardsOf(db, contestId), ...lockedBoardsOf(db, contestId)]) board.moveUnit(row.pr, unitId)
  const totals = [cache.get(db)?.get(contestId), ...(filling.get(db) ?? [])].filter((t): t is ContestTotals => t?.contestId === contestId)
  for (const t of totals) t.moveUnit(row.pr, unitId)
}

export function contestLeaderboard(db: Db, contestId: string, now: number, page: { limit: number; offset: number; q?: string }): Leaderboard {
  const totals = contestTotals(db, contestId, now)
  const entries = (rows: { pr: number; rank: number }[]) => pageEntries(db, contestId, rows.map(({ pr, rank }) => ({ rank, pr, ...totals.entry(pr) })))
  if (page.q?.trim()) {
    const ranked = rankedMatches(db, contestId, page.q, totals.list)
    return { contest: { id: contestId }, total: ranked.length, entries: entries(ranked.slice(page.offset, page.offset + page.limit)) }
  }
  return { contest: { id: contestId }, total: totals.list.size, entries: entries(totals.list.slice(page.offset, page.limit).map((pr, i) => ({ pr, rank: page.offset + i + 1 }))) }
}

export function contestUnitsLeaderboard(db: Db, contestId: string, now: number, parentId?: string): UnitsLeaderboardEntry[] {
  const ranked = rankUnits(unitStatsFromDirect(unitRows(db, contestId), contestTotals(db, contestId, now).direct))
  return parentId ? ranked.filter((u) => u.parentId === parentId) : ranked
}

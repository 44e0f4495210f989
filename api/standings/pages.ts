import { prepared } from '../../db/client'
import { notFound } from '../errors'
import type { RankedList } from '../lib/ranked-list'
import { containsPattern, foldText } from '../lib/text'
import { rankPeers, rankUnits, unitStatsFromDirect, type UnitDirect } from '../rules/units'
import type { ContestMyEntry, Leaderboard, LeaderboardEntry, MyEntry, UnitsLeaderboardEntry } from '../schemas/wire'
import { getContestRow } from '../services/contests'
import { getRoundRow, roundStatus, type RoundRow } from '../services/round-view'
import { lockedSize, standingOf, standingsPage, type LockedRow } from './locked-board'
import type { Parts } from './parts'
import type { RoundBoard } from './round-board'
import { unitRows } from './unit-names'

export type Page = { limit: number; offset: number; q?: string }
const MAX_MATCHES = 5000

// The round as the public may read it: its contest must be published.
export function publicRound(parts: Parts, roundId: string): RoundRow {
  const round = getRoundRow(parts.db, roundId)
  if (getContestRow(parts.db, round.contestId).status === 'draft') throw notFound('đợt thi')
  return round
}

export function isFrozen(round: RoundRow, now: number) {
  return round.finalizedAt == null && round.freezeAt != null && now >= round.freezeAt
}

export const publicEndedBy = (round: RoundRow, now: number) => (isFrozen(round, now) ? round.freezeAt : null)

// The public board: the frozen one after freezeAt, else live. Once finalized, pages come from the locked
// ranking instead (units pages still read this board: finalizing changes no best score).
export function publicBoard(parts: Parts, round: RoundRow, now: number): RoundBoard {
  return parts.boards.get(round, publicEndedBy(round, now))
}

// Resolves once the round's public board is in memory, building it a step at a time if need be (the first
// read after a restart), so the reads that follow are synchronous and quick. Pages also need the name book.
// A locked ranking's pages come from its locked board once read: waited for when it is read from the live
// board (about a second at 900,000 people), else served from SQLite while it is read; only its units
// board needs the live one. Undefined when everything is in memory already, which is nearly always: the
// route then stays synchronous.
export function publicBoardReady(parts: Parts, round: RoundRow, now: number, forUnits = false): Promise<void> | undefined {
  const board = round.finalizedAt == null || forUnits ? parts.boards.warm(round, publicEndedBy(round, now)) : undefined
  const locked = round.finalizedAt != null && !forUnits ? parts.locked.fill(round) : undefined
  const names = forUnits ? undefined : parts.names.warm()
  const waits = [board, locked?.fromLive ? locked.done : undefined, names].filter((w): w is Promise<void> => w != null)
  return waits.length ? Promise.all(waits).then(() => undefined) : undefined
}

// Participants of the contest whose name or unit matches, with or without diacritics (at most 5,000).
export function matchingRows(parts: Parts, contestId: string, q: string): number[] {
  const needle = containsPattern(q)
  const folded = foldText(q.trim())
  const units = [...parts.unitNames.of(contestId)].filter(([, name]) => foldText(name).includes(folded)).map(([id]) => id)
  const rows = prepared(parts.db, `SELECT p.rowid AS pr, pu.unit_id FROM participants p JOIN participant_units pu ON pu.participant_id = p.id AND pu.contest_id = ?
    WHERE p.name_folded LIKE ? ESCAPE '\\' OR pu.unit_id IN (SELECT value FROM json_each(?)) LIMIT ?`).all(contestId, needle, JSON.stringify(units), MAX_MATCHES) as { pr: number }[]
  return rows.map((r) => r.pr)
}

// The matching participants on a ranked list, best first, with their ranks.
export function rankedMatches(parts: Parts, contestId: string, q: string, list: RankedList): { pr: number; rank: number }[] {
  return matchingRows(parts, contestId, q).map((pr) => ({ pr, rank: list.rankOf(pr) })).filter((x) => x.rank > 0).sort((a, b) => a.rank - b.rank)
}

// What a page shows of one ranked person, from whichever board holds them.
export type Placed = { rank: number; pr: number; score: number; maxScore: number; durationMs: number; unitId: string; predictionError?: number | null }

// Page entries: names from the name book, unit names from the cached map; no SQLite read per row.
export function pageEntries(parts: Parts, contestId: string, rows: Placed[], withPrediction = false): LeaderboardEntry[] {
  const units = parts.unitNames.of(contestId)
  return rows.map((r) => {
    const p = parts.names.get(r.pr) ?? { id: '', fullName: '' }
    return {
      rank: r.rank, participantId: p.id, fullName: p.fullName, unitId: r.unitId, unitName: units.get(r.unitId) ?? '', score: r.score, maxScore: r.maxScore, durationMs: r.durationMs,
      ...(withPrediction ? { predictionError: r.predictionError ?? null } : {}),
    }
  })
}

export const livePlaces = (board: RoundBoard, rows: { pr: number; rank: number }[]): Placed[] => rows.map(({ pr, rank }) => ({ rank, pr, ...board.entry(pr) }))

// A page of the locked ranking: from its board once read, from SQLite until then.
export function lockedPage(parts: Parts, round: RoundRow, offset: number, limit: number): { total: number; rows: LockedRow[] } {
  const locked = parts.locked.get(round)
  if (!locked) return { total: lockedSize(parts.db, round), rows: standingsPage(parts.db, round, offset, limit) }
  const rows: LockedRow[] = []
  for (let r = offset + 1; r <= Math.min(locked.size, offset + limit); r++) rows.push(locked.at(r))
  return { total: locked.size, rows }
}

// One person's place in the locked ranking, or undefined when not ranked.
export function lockedPlace(parts: Parts, round: RoundRow, pr: number): LockedRow | undefined {
  const locked = parts.locked.get(round)
  return locked ? locked.place(pr) : standingOf(parts.db, round, pr)
}

function finalPage(parts: Parts, round: RoundRow, page: Page): { total: number; entries: LeaderboardEntry[] } {
  const entries = (rows: LockedRow[]) => pageEntries(parts, round.contestId, rows, round.predictionEnabled)
  if (page.q?.trim()) {
    const found = matchingRows(parts, round.contestId, page.q).map((pr) => lockedPlace(parts, round, pr)).filter((r): r is LockedRow => r != null).sort((a, b) => a.rank - b.rank)
    return { total: found.length, entries: entries(found.slice(page.offset, page.offset + page.limit)) }
  }
  const { total, rows } = lockedPage(parts, round, page.offset, page.limit)
  return { total, entries: entries(rows) }
}

// A round as one public read sees it: the round row, and its public board (synced) unless finalized,
// when pages come from the locked ranking. Looked up once per request.
export type PublicView = { round: RoundRow; board: RoundBoard | null }
export function publicView(parts: Parts, round: RoundRow, now: number): PublicView {
  return { round, board: round.finalizedAt == null ? publicBoard(parts, round, now) : null }
}

// What a public page of the round depends on: changes whenever the page could change.
export function leaderboardState(parts: Parts, { round, board }: PublicView, now: number): string {
  const units = parts.positions.unitsOf(round.contestId)
  if (!board) return `f${round.finalizedAt}:${parts.positions.finalized(round.id)}:${parts.positions.round(round.id)}:${units}`
  return `${isFrozen(round, now) ? 'z' : 'l'}${board.id}:${board.version}:${units}:${roundStatus(round, now)}`
}

export function roundLeaderboard(parts: Parts, { round, board }: PublicView, now: number, page: Page): Leaderboard {
  const head = { id: round.id, status: roundStatus(round, now), frozen: isFrozen(round, now) }
  if (!board) return { round: head, ...finalPage(parts, round, page) }
  const entries = (rows: { pr: number; rank: number }[]) => pageEntries(parts, round.contestId, livePlaces(board, rows))
  if (page.q?.trim()) {
    const ranked = rankedMatches(parts, round.contestId, page.q, board.list)
    return { round: head, total: ranked.length, entries: entries(ranked.slice(page.offset, page.offset + page.limit)) }
  }
  const rows = board.list.slice(page.offset, page.limit).map((pr, i) => ({ pr, rank: page.offset + i + 1 }))
  return { round: head, total: board.list.size, entries: entries(rows) }
}

export function rowidOf(parts: Parts, participantId: string): number | undefined {
  return (prepared(parts.db, 'SELECT rowid AS pr FROM participants WHERE id = ?').get(participantId) as { pr: number } | undefined)?.pr
}

export function myEntry(parts: Parts, { round, board }: PublicView, participantId: string): MyEntry | null {
  const pr = rowidOf(parts, participantId)
  if (pr == null) return null
  if (!board) {
    const row = lockedPlace(parts, round, pr)
    if (!row) return null
    const prize = prepared(parts.db, 'SELECT name FROM round_prizes WHERE round_id = ? AND participant_id = ?').get(round.id, participantId) as { name: string } | undefined
    return { ...pageEntries(parts, round.contestId, [row], round.predictionEnabled)[0], final: true, prize: prize?.name ?? null }
  }
  const rank = board.list.rankOf(pr)
  return rank ? { ...pageEntries(parts, round.contestId, livePlaces(board, [{ pr, rank }]))[0], final: false, prize: null } : null
}

// The round prizes a participant won in a contest, locked at each round's finalize.
export function prizesWon(parts: Parts, contestId: string, participantId: string): ContestMyEntry['prizes'] {
  const rows = prepared(parts.db, `SELECT rp.round_id, r.title, rp.rank, rp.name FROM round_prizes rp
    JOIN rounds r ON r.id = rp.round_id WHERE r.contest_id = ? AND rp.participant_id = ? ORDER BY r.number`).all(contestId, participantId) as { round_id: string; title: string; rank: number; name: string }[]
  return rows.map((r) => ({ roundId: r.round_id, roundTitle: r.title, rank: r.rank, name: r.name }))
}

// How many people a round's public board ranks: the locked ranking once final, else the public board.
export function boardSize(parts: Parts, { round, board }: PublicView): number {
  if (board) return board.list.size
  return parts.locked.get(round)?.size ?? lockedSize(parts.db, round)
}

// Which units a units board lists: every unit in the unit order (API.md's default), or one level of the
// tree ranked among itself: the children of parentId, or the roots (top).
export type UnitLevel = { parentId?: string; top?: boolean }
export function unitsAt(ranked: UnitsLeaderboardEntry[], level: UnitLevel): UnitsLeaderboardEntry[] {
  if (level.parentId) return rankPeers(ranked, level.parentId)
  return level.top ? rankPeers(ranked, null) : ranked
}

export function unitsBoard(parts: Parts, contestId: string, direct: Map<string, UnitDirect>): UnitsLeaderboardEntry[] {
  return rankUnits(unitStatsFromDirect(unitRows(parts.db, contestId), direct))
}

// A board's unit ranking only moves when the board or the units do: cached per board and both positions.
export function boardUnits(parts: Parts, round: RoundRow, board: RoundBoard): UnitsLeaderboardEntry[] {
  const version = `${board.version}:${parts.positions.unitsOf(round.contestId)}`
  let hit = parts.unitRanks.get(board)
  if (!hit || hit.version !== version) parts.unitRanks.set(board, (hit = { version, ranked: unitsBoard(parts, round.contestId, board.direct) }))
  return hit.ranked
}

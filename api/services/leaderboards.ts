import { prepared, type Db } from '../../db/client'
import { notFound } from '../errors'
import type { RankedList } from '../lib/ranked-list'
import { containsPattern, foldText } from '../lib/text'
import { rankUnits, unitStatsFromDirect, type UnitDirect } from '../rules/units'
import type { Leaderboard, LeaderboardEntry, UnitsLeaderboardEntry } from '../schemas/wire'
import { getContestRow } from './contests'
import { fillLockedBoard, lockedBoard, lockedSize, standingOf, standingsPage, type LockedRow } from './locked-board'
import { nameBook, warmNames } from './name-book'
import { boardFor, warmBoard, type RoundBoard } from './round-board'
import { getRoundRow, roundStatus, type RoundRow } from './rounds'
import { unitsVersion } from './units-version'

type Page = { limit: number; offset: number; q?: string }
const MAX_MATCHES = 5000

// The round as the public may read it: its contest must be published.
export function publicRound(db: Db, roundId: string): RoundRow {
  const round = getRoundRow(db, roundId)
  if (getContestRow(db, round.contestId).status === 'draft') throw notFound('đợt thi')
  return round
}

export function isFrozen(round: RoundRow, now: number) {
  return round.finalizedAt == null && round.freezeAt != null && now >= round.freezeAt
}

// The public board: the locked final ranking once finalized, the frozen one after freezeAt, else live.
export function publicBoard(db: Db, round: RoundRow, now: number): RoundBoard {
  return boardFor(db, round, isFrozen(round, now) ? round.freezeAt : null)
}

// Resolves once the round's public board is in memory, building it a step at a time if need be (the first
// read after a restart), so the reads that follow are synchronous and quick. Pages also need the name book.
// A locked ranking's pages come from its locked board once read: waited for when it is read from the live
// board (about a second at 900,000 people), else served from SQLite while it is read; only its units
// board needs the live one. Undefined when everything is in memory already, which is nearly always: the
// route then stays synchronous.
export function publicBoardReady(db: Db, round: RoundRow, now: number, forUnits = false): Promise<void> | undefined {
  const board = round.finalizedAt == null || forUnits ? warmBoard(db, round, isFrozen(round, now) ? round.freezeAt : null) : undefined
  const locked = round.finalizedAt != null && !forUnits ? fillLockedBoard(db, round) : undefined
  const names = forUnits ? undefined : warmNames(db)
  const waits = [board, locked?.fromLive ? locked.done : undefined, names].filter((w): w is Promise<void> => w != null)
  return waits.length ? Promise.all(waits).then(() => undefined) : undefined
}

// A page's units come from the board itself and its names from the name book: no SQLite read per row.
// Keyed by the contest's units version, which unit edits bump.
const unitNames = new WeakMap<Db, Map<string, Map<string, string>>>()
function unitNamesOf(db: Db, contestId: string): Map<string, string> {
  let perDb = unitNames.get(db)
  if (!perDb) unitNames.set(db, (perDb = new Map()))
  const key = `${unitsVersion(db, contestId)}:${contestId}`
  let names = perDb.get(key)
  if (!names) {
    if (perDb.size > 64) perDb.clear() // older versions' maps are stale
    const rows = prepared(db, 'SELECT id, name FROM units WHERE contest_id = ?').all(contestId) as { id: string; name: string }[]
    perDb.set(key, (names = new Map(rows.map((u) => [u.id, u.name]))))
  }
  return names
}

// Participants of the contest whose name or unit matches, with or without diacritics (at most 5,000).
function matchingRows(db: Db, contestId: string, q: string): number[] {
  const needle = containsPattern(q)
  const folded = foldText(q.trim())
  const units = [...unitNamesOf(db, contestId)].filter(([, name]) => foldText(name).includes(folded)).map(([id]) => id)
  const rows = prepared(db, `SELECT p.rowid AS pr, pu.unit_id FROM participants p JOIN participant_units pu ON pu.participant_id = p.id AND pu.contest_id = ?
    WHERE p.name_folded LIKE ? ESCAPE '\\' OR pu.unit_id IN (SELECT value FROM json_each(?)) LIMIT ?`).all(contestId, needle, JSON.stringify(units), MAX_MATCHES) as { pr: number }[]
  return rows.map((r) => r.pr)
}

// The matching participants on a ranked list, best first, with their ranks.
export function rankedMatches(db: Db, contestId: string, q: string, list: RankedList): { pr: number; rank: number }[] {
  return matchingRows(db, contestId, q).map((pr) => ({ pr, rank: list.rankOf(pr) })).filter((x) => x.rank > 0).sort((a, b) => a.rank - b.rank)
}

// What a page shows of one ranked person, from whichever board holds them.
type Placed = { rank: number; pr: number; score: number; maxScore: number; durationMs: number; unitId: string; predictionError?: number | null }

// Page entries: names from the name book, unit names from the cached map; no SQLite read per row.
export function pageEntries(db: Db, contestId: string, rows: Placed[], withPrediction = false): LeaderboardEntry[] {
  const names = nameBook(db)
  const units = unitNamesOf(db, contestId)
  return rows.map((r) => {
    const p = names.get(r.pr) ?? { id: '', fullName: '' }
    return {
      rank: r.rank, participantId: p.id, fullName: p.fullName, unitId: r.unitId, unitName: units.get(r.unitId) ?? '', score: r.score, maxScore: r.maxScore, durationMs: r.durationMs,
      ...(withPrediction ? { predictionError: r.predictionError ?? null } : {}),
    }
  })
}

const liveEntries = (db: Db, round: RoundRow, board: RoundBoard, rows: { pr: number; rank: number }[]) =>
  pageEntries(db, round.contestId, rows.map(({ pr, rank }) => ({ rank, pr, ...board.entry(pr) })))

// The locked ranking: from its board once read, from SQLite until then.
function finalPage(db: Db, round: RoundRow, page: Page): { total: number; entries: LeaderboardEntry[] } {
  const locked = lockedBoard(db, round)
  const entries = (rows: LockedRow[]) => pageEntries(db, round.contestId, rows, round.predictionEnabled)
  if (page.q?.trim()) {
    const place = (pr: number) => (locked ? locked.place(pr) : standingOf(db, round, pr))
    const found = matchingRows(db, round.contestId, page.q).map(place).filter((r): r is LockedRow => r != null).sort((a, b) => a.rank - b.rank)
    return { total: found.length, entries: entries(found.slice(page.offset, page.offset + page.limit)) }
  }
  if (!locked) return { total: lockedSize(db, round.id), entries: entries(standingsPage(db, round, page.offset, page.limit)) }
  const rows: LockedRow[] = []
  for (let r = page.offset + 1; r <= Math.min(locked.size, page.offset + page.limit); r++) rows.push(locked.at(r))
  return { total: locked.size, entries: entries(rows) }
}

// A round as one public read sees it: the round row, and its public board (synced) unless finalized,
// when pages come from the locked ranking. Looked up once per request.
export type PublicView = { round: RoundRow; board: RoundBoard | null }
export function publicView(db: Db, round: RoundRow, now: number): PublicView {
  return { round, board: round.finalizedAt == null ? publicBoard(db, round, now) : null }
}

// What a public page of the round depends on: changes whenever the page could change.
// A finalize (again after a regrade) bumps the hub's version of the round, which the key carries.
export function leaderboardState(db: Db, hubVersion: number, { round, board }: PublicView, now: number): string {
  const units = unitsVersion(db, round.contestId)
  if (!board) return `f${round.finalizedAt}:${hubVersion}:${units}`
  return `${isFrozen(round, now) ? 'z' : 'l'}${board.id}:${board.version}:${units}:${roundStatus(round, now)}`
}

export function roundLeaderboard(db: Db, { round, board }: PublicView, now: number, page: Page): Leaderboard {
  const head = { id: round.id, status: roundStatus(round, now), frozen: isFrozen(round, now) }
  if (!board) return { round: head, ...finalPage(db, round, page) }
  if (page.q?.trim()) {
    const ranked = rankedMatches(db, round.contestId, page.q, board.list)
    return { round: head, total: ranked.length, entries: liveEntries(db, round, board, ranked.slice(page.offset, page.offset + page.limit)) }
  }
  const rows = board.list.slice(page.offset, page.limit).map((pr, i) => ({ pr, rank: page.offset + i + 1 }))
  return { round: head, total: board.list.size, entries: liveEntries(db, round, board, rows) }
}

export function myEntry(db: Db, { round, board }: PublicView, participantId: string): LeaderboardEntry | null {
  const pr = (prepared(db, 'SELECT rowid AS pr FROM participants WHERE id = ?').get(participantId) as { pr: number } | undefined)?.pr
  if (pr == null) return null
  if (!board) {
    const locked = lockedBoard(db, round)
    const row = locked ? locked.place(pr) : standingOf(db, round, pr)
    return row ? pageEntries(db, round.contestId, [row], round.predictionEnabled)[0] : null
  }
  const rank = board.list.rankOf(pr)
  return rank ? liveEntries(db, round, board, [{ pr, rank }])[0] : null
}

export function unitRows(db: Db, contestId: string) {
  return prepared(db, 'SELECT id, name, parent_id AS parentId, headcount FROM units WHERE contest_id = ?').all(contestId) as { id: string; name: string; parentId: string | null; headcount: number | null }[]
}

function unitsBoard(db: Db, contestId: string, direct: Map<string, UnitDirect>): UnitsLeaderboardEntry[] {
  return rankUnits(unitStatsFromDirect(unitRows(db, contestId), direct))
}

// A board's unit ranking only moves when the board or the units do: cached per board and both versions.
const unitCache = new WeakMap<RoundBoard, { version: string; ranked: UnitsLeaderboardEntry[] }>()
function boardUnits(db: Db, round: RoundRow, board: RoundBoard, parentId?: string): UnitsLeaderboardEntry[] {
  const version = `${board.version}:${unitsVersion(db, round.contestId)}`
  let hit = unitCache.get(board)
  if (!hit || hit.version !== version) unitCache.set(board, (hit = { version, ranked: unitsBoard(db, round.contestId, board.direct) }))
  return parentId ? hit.ranked.filter((u) => u.parentId === parentId) : hit.ranked
}

// Unit figures depend only on best scores, which finalizing does not change, so the live board serves.
export function roundUnitsLeaderboard(db: Db, round: RoundRow, now: number, parentId?: string): UnitsLeaderboardEntry[] {
  return boardUnits(db, round, publicBoard(db, round, now), parentId)
}

export { contestLeaderboard, contestReady, contestUnitsLeaderboard } from './contest-leaderboard'

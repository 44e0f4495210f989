import { prepared, type Db } from '../../db/client'
import { notFound } from '../errors'
import { containsPattern, foldText } from '../lib/text'
import { rankUnits, unitStatsFromDirect, type UnitDirect } from '../rules/units'
import type { Leaderboard, LeaderboardEntry, UnitsLeaderboardEntry } from '../schemas/wire'
import { getContestRow } from './contests'
import { fillLockedBoard, lockedBoard, lockedSize, type LockedBoard } from './locked-board'
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
// read after a restart), so the reads that follow are synchronous and quick. A locked ranking's pages come
// from final_standings, so only its units board needs the in-memory one. Pages also need the name book.
// Undefined when everything is in memory already, which is nearly always: the route then stays synchronous.
// A locked ranking's pages come from its locked board once read: waited for when it is read from the live
// board (about a second at 900,000 people), else served from SQLite while it is read.
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
export function unitNamesOf(db: Db, contestId: string): Map<string, string> {
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
export function matchingRows(db: Db, contestId: string, q: string): number[] {
  const needle = containsPattern(q)
  const units = (prepared(db, 'SELECT id, name FROM units WHERE contest_id = ?').all(contestId) as { id: string; name: string }[])
    .filter((u) => foldText(u.name).includes(foldText(q.trim()))).map((u) => u.id)
  const rows = prepared(db, `SELECT p.rowid AS pr, pu.unit_id FROM participants p JOIN participant_units pu ON pu.participant_id = p.id AND pu.contest_id = ?
    WHERE p.name_folded LIKE ? ESCAPE '\\' OR pu.unit_id IN (SELECT value FROM json_each(?)) LIMIT ?`).all(contestId, needle, JSON.stringify(units), MAX_MATCHES) as { pr: number }[]
  return rows.map((r) => r.pr)
}

function liveEntries(db: Db, round: RoundRow, board: RoundBoard, rows: { pr: number; rank: number }[]): LeaderboardEntry[] {
  const names = nameBook(db)
  const units = unitNamesOf(db, round.contestId)
  return rows.map(({ pr, rank }) => {
    const e = board.entry(pr)
    const p = names.get(pr) ?? { id: '', fullName: '' }
    return { rank, participantId: p.id, fullName: p.fullName, unitId: e.unitId, unitName: units.get(e.unitId) ?? '', score: e.score, maxScore: e.maxScore, durationMs: e.durationMs }
  })
}

const FINAL_SELECT = `SELECT f.rank, f.prediction_error, a.score, a.max_score, a.ended_at - a.started_at AS dur, p.id, p.full_name, pu.unit_id, u.name AS unit_name
  FROM final_standings f JOIN attempts a ON a.seq = f.attempt_seq JOIN participants p ON p.id = f.participant_id
  LEFT JOIN participant_units pu ON pu.participant_id = p.id AND pu.contest_id = ? LEFT JOIN units u ON u.id = pu.unit_id`
type FinalRow = { rank: number; prediction_error: number | null; score: number; max_score: number; dur: number; id: string; full_name: string; unit_id: string | null; unit_name: string | null }
const finalEntry = (r: FinalRow, withPrediction: boolean): LeaderboardEntry => ({
  rank: r.rank, participantId: r.id, fullName: r.full_name, unitId: r.unit_id ?? '', unitName: r.unit_name ?? '', score: r.score, maxScore: r.max_score, durationMs: r.dur,
  ...(withPrediction ? { predictionError: r.prediction_error } : {}),
})

// A page of the locked ranking reads only what the name book and unit-name map do not hold: the
// standings row, its attempt, the person's rowid and unit (the wide person and unit rows stay unread).
const FINAL_PAGE = `SELECT f.rank, f.prediction_error, a.score, a.max_score, a.ended_at - a.started_at AS dur,
    (SELECT rowid FROM participants WHERE id = f.participant_id) AS pr,
    (SELECT unit_id FROM participant_units WHERE participant_id = f.participant_id AND contest_id = ?) AS unit_id
  FROM final_standings f JOIN attempts a ON a.seq = f.attempt_seq WHERE f.round_id = ? AND f.rank > ? ORDER BY f.rank LIMIT ?`
type FinalPageRow = { rank: number; prediction_error: number | null; score: number; max_score: number; dur: number; pr: number; unit_id: string | null }
function finalPageEntries(db: Db, round: RoundRow, page: Page): LeaderboardEntry[] {
  const rows = prepared(db, FINAL_PAGE).all(round.contestId, round.id, page.offset, page.limit) as FinalPageRow[]
  const names = nameBook(db)
  const units = unitNamesOf(db, round.contestId)
  return rows.map((r) => {
    const p = names.get(r.pr) ?? { id: '', fullName: '' }
    return finalEntry({ ...r, id: p.id, full_name: p.fullName, unit_name: units.get(r.unit_id ?? '') ?? null }, round.predictionEnabled)
  })
}

function lockedEntries(db: Db, round: RoundRow, locked: LockedBoard, ranks: number[]): LeaderboardEntry[] {
  const names = nameBook(db)
  const units = unitNamesOf(db, round.contestId)
  return ranks.map((rank) => {
    const r = locked.at(rank)
    const p = names.get(r.pr) ?? { id: '', fullName: '' }
    return {
      rank, participantId: p.id, fullName: p.fullName, unitId: r.unitId, unitName: units.get(r.unitId) ?? '', score: r.score, maxScore: r.maxScore, durationMs: r.durationMs,
      ...(round.predictionEnabled ? { predictionError: r.predictionError } : {}),
    }
  })
}

function lockedPage(db: Db, round: RoundRow, locked: LockedBoard, page: Page): { total: number; entries: LeaderboardEntry[] } {
  if (page.q?.trim()) {
    const ranks = matchingRows(db, round.contestId, page.q).map((pr) => locked.rankOf(pr)).filter((r) => r > 0).sort((a, b) => a - b)
    return { total: ranks.length, entries: lockedEntries(db, round, locked, ranks.slice(page.offset, page.offset + page.limit)) }
  }
  const ranks: number[] = []
  for (let r = page.offset + 1; r <= Math.min(locked.size, page.offset + page.limit); r++) ranks.push(r)
  return { total: locked.size, entries: lockedEntries(db, round, locked, ranks) }
}

function finalPage(db: Db, round: RoundRow, page: Page): { total: number; entries: LeaderboardEntry[] } {
  const locked = lockedBoard(db, round)
  if (locked) return lockedPage(db, round, locked, page)
  const pred = round.predictionEnabled
  if (page.q?.trim()) {
    const rows = matchingRows(db, round.contestId, page.q)
    const found = rows.map((pr) => prepared(db, `${FINAL_SELECT} WHERE f.round_id = ? AND p.rowid = ?`).get(round.contestId, round.id, pr) as FinalRow | undefined)
      .filter((r): r is FinalRow => !!r).sort((a, b) => a.rank - b.rank)
    return { total: found.length, entries: found.slice(page.offset, page.offset + page.limit).map((r) => finalEntry(r, pred)) }
  }
  const total = lockedSize(db, round.id)
  return { total, entries: finalPageEntries(db, round, page) }
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
    const ranked = matchingRows(db, round.contestId, page.q).map((pr) => ({ pr, rank: board.list.rankOf(pr) })).filter((x) => x.rank > 0).sort((a, b) => a.rank - b.rank)
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
    if (locked) {
      const rank = locked.rankOf(pr)
      return rank ? lockedEntries(db, round, locked, [rank])[0] : null
    }
    const r = prepared(db, `${FINAL_SELECT} WHERE f.round_id = ? AND f.participant_id = ?`).get(round.contestId, round.id, participantId) as FinalRow | undefined
    return r ? finalEntry(r, round.predictionEnabled) : null
  }
  const rank = board.list.rankOf(pr)
  return rank ? liveEntries(db, round, board, [{ pr, rank }])[0] : null
}

function unitRows(db: Db, contestId: string) {
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
export { unitRows }
export function roundUnitsLeaderboard(db: Db, round: RoundRow, now: number, parentId?: string): UnitsLeaderboardEntry[] {
  return boardUnits(db, round, publicBoard(db, round, now), parentId)
}

export { contestLeaderboard, contestReady, contestUnitsLeaderboard } from './contest-leaderboard'

import { all, get, type Program } from '../../db/program'
import { notFound } from '../errors'
import { ByteWriter } from '../lib/byte-writer'
import type { RankedList } from '../lib/ranked-list'
import { containsPattern, foldText } from '../lib/text'
import { rankPeers, rankUnits, unitStatsFromDirect, type UnitDirect } from '../rules/units'
import type { ContestMyEntry, Leaderboard, LeaderboardEntry, MyEntry, UnitsLeaderboardEntry } from '../schemas/wire'
import { contestRow } from '../services/contests'
import { roundRow, roundStatus, type RoundRow } from '../services/round-view'
import { lockedSize, standingOf, standingsPage, type LockedRow } from './locked-board'
import type { Parts } from './parts'
import type { RoundBoard, Run } from './round-board'
import { listUnitRows } from './unit-names'

export type Page = { limit: number; offset: number; q?: string }
const MAX_MATCHES = 5000
const MAX_MATCHED_UNITS = 5000

// A board a read needs is not in memory (dropped by a change since the read waited for it): the read
// waits for it again (Standings.answer) rather than build a big board at once inside the answer.
export class NotReady extends Error {
  constructor() {
    super('standings not ready')
  }
}

// The round as the public may read it: its contest must be published.
export function* publicRound(roundId: string): Program<RoundRow> {
  const round = yield* roundRow(roundId)
  if ((yield* contestRow(round.contestId)).status === 'draft') throw notFound('đợt thi')
  return round
}

export function isFrozen(round: RoundRow, now: number) {
  return round.finalizedAt == null && round.freezeAt != null && now >= round.freezeAt
}

export const publicEndedBy = (round: RoundRow, now: number) => (isFrozen(round, now) ? round.freezeAt : null)

// The public board: the frozen one after freezeAt, else live. Once finalized, pages come from the locked
// ranking instead (units pages still read this board: finalizing changes no best score).
export function publicBoard(parts: Parts, round: RoundRow, now: number): RoundBoard {
  const board = parts.boards.built(round, publicEndedBy(round, now))
  if (!board) throw new NotReady()
  return board
}

// Resolves once the round's public board is in memory, building it a step at a time if need be (the first
// read after a restart), so the reads that follow are quick. Pages also need the name book.
// A locked ranking's pages come from its locked board once read: waited for when it is read from the live
// board (about a second at 900,000 people), else served from the database while it is read; only its
// units board needs the live one. Undefined when everything is in memory already, which is nearly always.
export function publicBoardReady(parts: Parts, run: Run, round: RoundRow, now: number, forUnits = false): Promise<void> | undefined {
  const board = round.finalizedAt == null || forUnits ? parts.boards.warm(round, publicEndedBy(round, now), run) : undefined
  const locked = round.finalizedAt != null && !forUnits ? parts.locked.fill(round, run) : undefined
  const names = forUnits ? undefined : parts.names.warm(run)
  const waits = [board, locked?.fromLive ? locked.done : undefined, names].filter((w): w is Promise<void> => w != null)
  return waits.length ? Promise.all(waits).then(() => undefined) : undefined
}

// Participants of the contest whose name or unit matches, with or without diacritics (at most 5,000).
export function* matchingRows(parts: Parts, contestId: string, q: string): Program<number[]> {
  const needle = containsPattern(q)
  const folded = foldText(q.trim())
  const units = [...(yield* parts.unitNames.of(contestId))].filter(([, name]) => foldText(name).includes(folded)).map(([id]) => id).slice(0, MAX_MATCHED_UNITS)
  const inUnits = units.length ? ` OR pu.unit_id IN (${units.map(() => '?').join(',')})` : ''
  const rows = yield* all<{ pr: number }>(`SELECT p.seq AS pr FROM participants p JOIN participant_units pu ON pu.participant_id = p.id AND pu.contest_id = ?
    WHERE p.name_folded LIKE ? ESCAPE '\\'${inUnits} LIMIT ?`, contestId, needle, ...units, MAX_MATCHES)
  return rows.map((r) => r.pr)
}

// The matching participants on a ranked list, best first, with their ranks.
export function* rankedMatches(parts: Parts, contestId: string, q: string, list: RankedList): Program<{ pr: number; rank: number }[]> {
  return (yield* matchingRows(parts, contestId, q)).map((pr) => ({ pr, rank: list.rankOf(pr) })).filter((x) => x.rank > 0).sort((a, b) => a.rank - b.rank)
}

// What a page shows of one ranked person, from whichever board holds them.
export type Placed = { rank: number; pr: number; score: number; maxScore: number; durationMs: number; unitId: string; predictionError?: number | null }

// Page entries: names from the name book, unit names from the cached map; no database read per row.
// The rows are taken from the boards before this runs: what it waits for never mixes two states of a board.
export function* pageEntries(parts: Parts, contestId: string, rows: Placed[], withPrediction = false): Program<LeaderboardEntry[]> {
  yield* parts.names.ensure(rows.map((r) => r.pr))
  const units = yield* parts.unitNames.of(contestId)
  return rows.map((r) => {
    const p = parts.names.get(r.pr) ?? { id: '', fullName: '' }
    return {
      rank: r.rank, participantId: p.id, fullName: p.fullName, unitId: r.unitId, unitName: units.get(r.unitId) ?? '', score: r.score, maxScore: r.maxScore, durationMs: r.durationMs,
      ...(withPrediction ? { predictionError: r.predictionError ?? null } : {}),
    }
  })
}

export const livePlaces = (board: RoundBoard, rows: { pr: number; rank: number }[]): Placed[] => rows.map(({ pr, rank }) => board.placed(pr, rank))

// A page of the locked ranking: from its board once read, from the database until then.
export function* lockedPage(parts: Parts, round: RoundRow, offset: number, limit: number): Program<{ total: number; rows: LockedRow[] }> {
  const locked = parts.locked.get(round)
  if (!locked) return { total: yield* lockedSize(round), rows: yield* standingsPage(round, offset, limit) }
  const rows: LockedRow[] = []
  for (let r = offset + 1; r <= Math.min(locked.size, offset + limit); r++) rows.push(locked.at(r))
  return { total: locked.size, rows }
}

// One person's place in the locked ranking, or undefined when not ranked.
export function* lockedPlace(parts: Parts, round: RoundRow, pr: number): Program<LockedRow | undefined> {
  const locked = parts.locked.get(round)
  return locked ? locked.place(pr) : yield* standingOf(round, pr)
}

function* finalPage(parts: Parts, round: RoundRow, page: Page): Program<{ total: number; entries: LeaderboardEntry[] }> {
  if (page.q?.trim()) {
    const found: LockedRow[] = []
    for (const pr of yield* matchingRows(parts, round.contestId, page.q)) {
      const row = yield* lockedPlace(parts, round, pr)
      if (row) found.push(row)
    }
    found.sort((a, b) => a.rank - b.rank)
    return { total: found.length, entries: yield* pageEntries(parts, round.contestId, found.slice(page.offset, page.offset + page.limit), round.predictionEnabled) }
  }
  const { total, rows } = yield* lockedPage(parts, round, page.offset, page.limit)
  return { total, entries: yield* pageEntries(parts, round.contestId, rows, round.predictionEnabled) }
}

// A round as one public read sees it: the round row, and its public board unless finalized, when pages
// come from the locked ranking. Looked up once per request.
export type PublicView = { round: RoundRow; board: RoundBoard | null }
export function publicView(parts: Parts, round: RoundRow, now: number): PublicView {
  return { round, board: round.finalizedAt == null ? publicBoard(parts, round, now) : null }
}

// What a public page of the round depends on: changes whenever the page could change.
export function leaderboardState(parts: Parts, { round, board }: PublicView, now: number): string {
  const units = `${parts.positions.unitsOf(round.contestId)}:${parts.positions.names()}`
  if (!board) return `f${round.finalizedAt}:${parts.positions.finalized(round.id)}:${parts.positions.round(round.id)}:${units}`
  return `${isFrozen(round, now) ? 'z' : 'l'}${board.id}:${board.version}:${units}:${roundStatus(round, now)}`
}

// A page of the round's board (no search) as UTF-8 JSON without its closing brace: what
// JSON.stringify(roundLeaderboard(…)).slice(0, -1) gives, written straight from the boards and the name
// book's bytes, since a big board's random pages are seldom asked twice and so seldom kept.
export function* roundPageBytes(parts: Parts, { round, board }: PublicView, now: number, page: Page): Program<Buffer> {
  const head = `{"round":${JSON.stringify({ id: round.id, status: roundStatus(round, now), frozen: isFrozen(round, now) })},"total":`
  if (!board) {
    const { total, rows } = yield* lockedPage(parts, round, page.offset, page.limit)
    return yield* pageBytes(parts, round.contestId, head, total, rows, round.predictionEnabled)
  }
  const rows = board.list.slice(page.offset, page.limit)
  const placed: Placed[] = new Array(rows.length)
  for (let i = 0; i < rows.length; i++) placed[i] = board.placed(rows[i], page.offset + i + 1)
  return yield* pageBytes(parts, round.contestId, head, board.list.size, placed)
}

// Shared by every page: each is written in one synchronous stretch (pageBytes waits for nothing once it writes).
const writer = new ByteWriter()

// The page from its head on, entries field for field what pageEntries gives, JSON.stringify'd.
function* pageBytes(parts: Parts, contestId: string, head: string, total: number, rows: Placed[], withPrediction = false): Program<Buffer> {
  yield* parts.names.ensure(rows.map((r) => r.pr))
  const units = unitFieldsOf(yield* parts.unitNames.of(contestId))
  const w = writer.reset().utf8(head).num(total).ascii(',"entries":[')
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]
    w.ascii(i ? ',{"rank":' : '{"rank":').num(r.rank).ascii(',"participantId":')
    parts.names.writeJson(r.pr, ',"fullName":', w)
    w.ascii(',').bytes(units(r.unitId)).ascii(',"score":').num(r.score).ascii(',"maxScore":').num(r.maxScore).ascii(',"durationMs":').num(r.durationMs)
    if (withPrediction) {
      w.ascii(',"predictionError":')
      if (r.predictionError == null) w.ascii('null')
      else w.num(r.predictionError)
    }
    w.ascii('}')
  }
  return w.ascii(']').take()
}

// The contest's units as a page writes them, `"unitId":…,"unitName":…`, kept per map of the contest's unit
// names (a new map when the units change).
const unitBytes = new WeakMap<Map<string, string>, Map<string, Buffer>>()
function unitFieldsOf(names: Map<string, string>): (unitId: string) => Buffer {
  let byId = unitBytes.get(names)
  if (!byId) unitBytes.set(names, (byId = new Map()))
  const kept = byId
  return (unitId) => {
    let bytes = kept.get(unitId)
    if (!bytes) kept.set(unitId, (bytes = Buffer.from(`"unitId":${JSON.stringify(unitId)},"unitName":${JSON.stringify(names.get(unitId) ?? '')}`)))
    return bytes
  }
}

export function* roundLeaderboard(parts: Parts, { round, board }: PublicView, now: number, page: Page): Program<Leaderboard> {
  const head = { id: round.id, status: roundStatus(round, now), frozen: isFrozen(round, now) }
  if (!board) return { round: head, ...(yield* finalPage(parts, round, page)) }
  if (page.q?.trim()) {
    const ranked = yield* rankedMatches(parts, round.contestId, page.q, board.list)
    return { round: head, total: ranked.length, entries: yield* pageEntries(parts, round.contestId, livePlaces(board, ranked.slice(page.offset, page.offset + page.limit))) }
  }
  const rows = board.list.slice(page.offset, page.limit).map((pr, i) => ({ pr, rank: page.offset + i + 1 }))
  const total = board.list.size
  return { round: head, total, entries: yield* pageEntries(parts, round.contestId, livePlaces(board, rows)) }
}

export function* myEntry(parts: Parts, { round, board }: PublicView, participantId: string): Program<MyEntry | null> {
  const pr = yield* parts.names.seqOf(participantId)
  if (pr == null) return null
  if (!board) {
    const row = yield* lockedPlace(parts, round, pr)
    if (!row) return null
    const prize = yield* get<{ name: string }>('SELECT name FROM round_prizes WHERE round_id = ? AND participant_id = ?', round.id, participantId)
    return { ...(yield* pageEntries(parts, round.contestId, [row], round.predictionEnabled))[0], final: true, prize: prize?.name ?? null }
  }
  const rank = board.list.rankOf(pr)
  return rank ? { ...(yield* pageEntries(parts, round.contestId, [board.placed(pr, rank)]))[0], final: false, prize: null } : null
}

// The round prizes a participant won in a contest, locked at each round's finalize.
export function* prizesWon(contestId: string, participantId: string): Program<ContestMyEntry['prizes']> {
  return yield* all<ContestMyEntry['prizes'][number]>(`SELECT rp.round_id AS "roundId", r.title AS "roundTitle", rp.rank, rp.name FROM round_prizes rp
    JOIN rounds r ON r.id = rp.round_id WHERE r.contest_id = ? AND rp.participant_id = ? ORDER BY r.number`, contestId, participantId)
}

// How many people a round's public board ranks: the locked ranking once final, else the public board.
export function* boardSize(parts: Parts, { round, board }: PublicView): Program<number> {
  if (board) return board.list.size
  return parts.locked.get(round)?.size ?? (yield* lockedSize(round))
}

// Which units a units board lists: every unit in the unit order (API.md's default), or one level of the
// tree ranked among itself: the children of parentId, or the roots (top).
export type UnitLevel = { parentId?: string; top?: boolean }
export function unitsAt(ranked: UnitsLeaderboardEntry[], level: UnitLevel): UnitsLeaderboardEntry[] {
  if (level.parentId) return rankPeers(ranked, level.parentId)
  return level.top ? rankPeers(ranked, null) : ranked
}

export function* unitsBoard(contestId: string, direct: Map<string, UnitDirect>): Program<UnitsLeaderboardEntry[]> {
  return rankUnits(unitStatsFromDirect(yield* listUnitRows(contestId), direct))
}

// A board's unit ranking only moves when the board or the units do: cached per board and both positions.
export function* boardUnits(parts: Parts, round: RoundRow, board: RoundBoard): Program<UnitsLeaderboardEntry[]> {
  const version = `${board.version}:${parts.positions.unitsOf(round.contestId)}`
  const hit = parts.unitRanks.get(board)
  if (hit?.version === version) return hit.ranked
  const direct = new Map([...board.direct].map(([id, d]) => [id, { ...d }])) // as it is now, before the read
  const ranked = yield* unitsBoard(round.contestId, direct)
  parts.unitRanks.set(board, { version, ranked })
  return ranked
}

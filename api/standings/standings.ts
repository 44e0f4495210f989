import type { Db } from '../../db/client'
import type { Clock } from '../lib/time'
import type { ContestMyEntry, Leaderboard, MyEntry, UnitsLeaderboardEntry } from '../schemas/wire'
import { getRoundRow, type RoundRow } from '../services/round-view'
import { changesAfter, finishesAfter, lastChange, lastFinish, type LoggedChange } from './change-log'
import { ContestBoards } from './contest-board'
import { StandingsHub } from './hub'
import { judgePage, type StandingsPage } from './judge-page'
import { JsonPageCache } from './page-cache'
import { boardSize, boardUnits, leaderboardState, myEntry, prizesWon, publicBoard, publicBoardReady, publicRound, publicView, roundLeaderboard, rowidOf, unitsAt, type Page, type UnitLevel } from './pages'
import { createParts, type Parts } from './parts'
import type { RoundBoard } from './round-board'

const POLL_MS = 100

// The standings read model: every board, locked ranking, contest total, name, cached page and stream
// version, derived from the database alone. It follows two commit-ordered logs: finishes
// (attempts.finish_seq) and standings_changes (every other change that moves standings, written by the
// services in the change's own transaction). Each read first applies what the logs hold past this
// server's position, so servers sharing one database agree; nothing outside invalidates anything here.
export class Standings {
  private parts: Parts
  private contests: ContestBoards
  private hub: StandingsHub
  private pages = new JsonPageCache()
  private cursor: number | null = null // last change applied; null until the first read
  private finishCursor: number | null = null // last finish announced to streams
  private poll: ReturnType<typeof setInterval> | null = null
  private woken = false

  constructor(private db: Db, clock: Clock, streamIntervalMs = 1000) {
    this.parts = createParts(db)
    this.contests = new ContestBoards(this.parts)
    this.hub = new StandingsHub(streamIntervalMs, () => clock.now())
  }

  // Applies the changes committed since the last look: one index seek when there are none. Nothing is in
  // memory before the first look, so it starts from the log's end.
  follow(): void {
    if (this.cursor == null) {
      this.cursor = lastChange(this.db)
      return
    }
    for (;;) {
      const rows = changesAfter(this.db, this.cursor)
      for (const change of rows) {
        this.apply(change)
        this.cursor = change.seq
      }
      if (rows.length < 1000) return
    }
  }

  private apply(c: LoggedChange): void {
    const { boards, locked, positions } = this.parts
    if (c.kind === 'round' && c.roundId) {
      positions.setRound(c.roundId, c.seq)
      boards.dropRound(c.roundId)
      locked.dropRound(c.roundId) // a regrade after a finalize moves the scores its pages show
      this.hub.bump(c.roundId)
    } else if (c.kind === 'finalize' && c.roundId) {
      positions.setFinalized(c.roundId, c.seq)
      locked.dropRound(c.roundId)
      this.hub.bump(c.roundId)
    } else if (c.kind === 'units' && c.contestId) {
      positions.setUnits(c.contestId, c.seq)
    } else if (c.kind === 'unit_move' && c.contestId && c.participantId && c.unitId) {
      positions.setUnits(c.contestId, c.seq)
      this.moveUnit(c.contestId, c.participantId, c.unitId)
    }
  }

  // Everything in memory that ranks the participant moves them to their new unit in place, as a rebuild
  // would have them; at a million people a rebuild takes seconds a board.
  private moveUnit(contestId: string, participantId: string, unitId: string) {
    const pr = rowidOf(this.parts, participantId)
    if (pr == null) return
    for (const board of [...this.parts.boards.ofContest(contestId), ...this.parts.locked.ofContest(contestId)]) board.moveUnit(pr, unitId)
    this.contests.moveUnit(contestId, pr, unitId)
  }

  // Follows both logs and tells streams which rounds moved. Run every POLL_MS while anyone listens, and
  // soon after a local commit (wake).
  tick(): void {
    this.follow()
    if (this.finishCursor == null) this.finishCursor = lastFinish(this.db)
    for (const { roundId, last } of finishesAfter(this.db, this.finishCursor)) {
      this.finishCursor = Math.max(this.finishCursor, last)
      this.hub.bump(roundId)
    }
  }

  // A write was committed here: look at the logs on the next turn instead of at the next poll.
  wake(): void {
    if (this.woken || !this.poll) return
    this.woken = true
    setImmediate(() => {
      this.woken = false
      this.tick()
    })
  }

  subscribe(roundId: string, listener: (version: number) => void): () => void {
    if (this.finishCursor == null) this.finishCursor = lastFinish(this.db)
    if (!this.poll) {
      this.poll = setInterval(() => this.tick(), POLL_MS)
      this.poll.unref()
    }
    const unsubscribe = this.hub.subscribe(roundId, listener)
    return () => {
      unsubscribe()
      if (!this.hub.listening() && this.poll) {
        clearInterval(this.poll)
        this.poll = null
      }
    }
  }

  version(roundId: string): number {
    return this.hub.version(roundId)
  }

  // -- reads: each follows the log first

  publicRound(roundId: string): RoundRow {
    this.follow()
    return publicRound(this.parts, roundId)
  }

  roundReady(round: RoundRow, now: number, forUnits = false): Promise<void> | undefined {
    return publicBoardReady(this.parts, round, now, forUnits)
  }

  // The page's JSON without its closing brace (see sendOpenJson): a page without a search is cached.
  roundPage(round: RoundRow, now: number, page: Page): string {
    const view = publicView(this.parts, round, now)
    if (page.q?.trim()) return JSON.stringify(roundLeaderboard(this.parts, view, now, page)).slice(0, -1)
    const key = `${round.id}:${leaderboardState(this.parts, view, now)}:${page.offset}:${page.limit}`
    return this.pages.body(key, () => roundLeaderboard(this.parts, view, now, page))
  }

  // One participant's place on the round's public board, and how many it ranks ("hạng N/M").
  myPlace(round: RoundRow, now: number, participantId: string): { entry: MyEntry | null; total: number } {
    const view = publicView(this.parts, round, now)
    return { entry: myEntry(this.parts, view, participantId), total: boardSize(this.parts, view) }
  }

  roundUnits(round: RoundRow, now: number, level: UnitLevel): UnitsLeaderboardEntry[] {
    return unitsAt(boardUnits(this.parts, round, publicBoard(this.parts, round, now)), level)
  }

  contestReady(contestId: string, now: number): Promise<void> | undefined {
    this.follow()
    return this.contests.ready(contestId, now)
  }

  contestPage(contestId: string, now: number, page: Page): Leaderboard {
    return this.contests.page(contestId, now, page)
  }

  contestUnits(contestId: string, now: number, level: UnitLevel): UnitsLeaderboardEntry[] {
    return this.contests.units(contestId, now, level)
  }

  // One participant's contest-wide place; final once every round is, with the round prizes won (the
  // contest itself awards none: prizes are per round).
  contestPlace(contestId: string, now: number, participantId: string): { entry: ContestMyEntry | null; total: number } {
    const pr = rowidOf(this.parts, participantId)
    const { entry, total, final } = pr == null ? { entry: null, total: 0, final: false } : this.contests.place(contestId, now, pr)
    return { entry: entry && { ...entry, final, prize: null, prizes: prizesWon(this.parts, contestId, participantId) }, total }
  }

  judgePage(roundId: string, now: number, page?: StandingsPage) {
    this.follow()
    return judgePage(this.parts, getRoundRow(this.db, roundId), now, page)
  }

  // The round's live, unfrozen board, for what is computed from it (unit prizes, provisional results).
  liveBoard(round: RoundRow): RoundBoard {
    this.follow()
    return this.parts.boards.get(round, null)
  }

  close(): void {
    if (this.poll) clearInterval(this.poll)
    this.poll = null
    this.hub.close()
  }
}

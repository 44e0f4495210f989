import type { Program } from '../../db/program'
import type { Store } from '../../db/store'
import type { Clock } from '../lib/time'
import type { ContestMyEntry, Leaderboard, MyEntry, Place, UnitsLeaderboardEntry } from '../schemas/wire'
import { roundRow, type RoundRow } from '../services/round-view'
import { changesSince, finishesSince, finishLogStart, logHeads, logStart, roundsTaken, type LoggedChange, type LogPosition } from './change-log'
import { ContestBoards, type Shape } from './contest-board'
import { StandingsHub } from './hub'
import { judgePage, type StandingsPage } from './judge-page'
import { JsonPageCache } from './page-cache'
import { boardSize, boardUnits, leaderboardState, myEntry, NotReady, prizesWon, publicBoard, publicBoardReady, publicRound, publicView, roundLeaderboard, roundPageBytes, unitsAt, type Page, type UnitLevel } from './pages'
import { createParts, type Parts } from './parts'
import type { RoundBoard, Run } from './round-board'

const POLL_MS = 100
// Streams send at most about one event a second (API.md); a little under a second, so that a change
// committed just after an event still reaches every server's subscribers within a second (issue #13).
const STREAM_INTERVAL_MS = 900
// How many times a read waits for a board that a change dropped again meanwhile, before it gives up.
const LOOKS = 4

// The standings read model: every board, locked ranking, contest total, name, cached page and stream
// version, derived from the database alone. It follows two commit-ordered logs (change-log.ts): finishes
// and standings_changes (every other change that moves standings, written by the services in the
// change's own transaction). Each read first brings memory up to the logs as they stand when it arrives,
// so servers sharing one database agree; nothing outside invalidates anything here.
//
// On SQLite every step runs synchronously, as it always has. On PostgreSQL steps await the database, so
// what changes memory is kept to one thing at a time: one catch-up with the logs at a time (readers that
// arrive meanwhile share the next one), one build per board; reads take what they show from memory
// before they wait for anything (names, unit names), so a page never mixes two states of a board.
export class Standings {
  private parts: Parts
  private contests: ContestBoards
  private hub: StandingsHub
  private pages = new JsonPageCache()
  private changePosition: LogPosition | null = null // null until the first catch-up
  private finishPosition: LogPosition | null = null
  private poll: ReturnType<typeof setInterval> | null = null
  private woken = false
  private running: Promise<void> | null = null // the catch-up under way (PostgreSQL)
  private next: Promise<void> | null = null // the one that starts after it, for readers that came later
  private run: Run
  // The rows of rounds that board reads are about (a public round: its contest is not a draft), kept while
  // the change log says nothing of them: a round's edit, regrade or finalize drops its row, a contest's edit
  // or status change the rows of its rounds (apply). `rowsEpoch` moves with each drop, so a row whose read
  // overlapped one (on PostgreSQL the catch-up runs beside reads) is not kept. Rows are kept only once the
  // logs are followed (the first catch-up), so no change before a kept row's read goes unseen.
  private roundRows = new Map<string, RoundRow>()
  private rowsEpoch = 0

  constructor(private store: Store, clock: Clock, streamIntervalMs = STREAM_INTERVAL_MS) {
    this.run = (program) => store.read(program)
    this.parts = createParts()
    this.contests = new ContestBoards(this.parts)
    this.hub = new StandingsHub(streamIntervalMs, () => clock.now())
  }

  // Applies what both logs hold past this server's positions: the changes, then the finishes of the
  // rounds whose boards are in memory (and of boards built since the last look). Streams hear of every
  // round that moved. Nothing is in memory before the first look, so it starts from the logs' ends.
  private *catchUp(): Program<void> {
    if (this.changePosition == null || this.finishPosition == null) {
      this.changePosition = yield* logStart()
      this.finishPosition = yield* finishLogStart()
      return
    }
    // Most looks find nothing new (a read while only answers are being saved): one statement decides.
    const heads = yield* logHeads()
    if (heads.change === this.changePosition && heads.finish === this.finishPosition && !this.parts.boards.anyToSync()) return
    const end = heads.finish
    const { changes, position } = yield* changesSince(this.changePosition, end)
    for (const change of changes) yield* this.apply(change)
    this.changePosition = position
    const moved = yield* finishesSince(this.finishPosition, end)
    this.finishPosition = moved.position
    const rounds = new Set(moved.rounds.map((r) => r.roundId))
    for (const roundId of rounds) this.hub.bump(roundId)
    for (const board of this.parts.boards.all()) {
      if (board.built && (board.needsSync || rounds.has(board.round.id))) yield* board.sync(end)
    }
  }

  private *apply(c: LoggedChange): Program<void> {
    const { boards, locked, positions } = this.parts
    if ((c.kind === 'round' || c.kind === 'finalize') && c.roundId) this.dropRoundRows((row) => row.id === c.roundId)
    if (c.kind === 'contest' && c.contestId) this.dropRoundRows((row) => row.contestId === c.contestId)
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
      // Everything in memory that ranks the participant moves them to their new unit in place, as a
      // rebuild would have them; at a million people a rebuild takes seconds a board.
      const pr = yield* this.parts.names.seqOf(c.participantId)
      if (pr == null) return
      for (const board of [...boards.ofContest(c.contestId), ...locked.ofContest(c.contestId)]) board.moveUnit(pr, c.unitId)
      this.contests.moveUnit(c.contestId, pr, c.unitId)
    } else if (c.kind === 'rename' && c.participantId) {
      positions.nameChanged()
      const pr = yield* this.parts.names.seqOf(c.participantId)
      if (pr != null) yield* this.parts.names.reread(pr)
      for (const r of yield* roundsTaken(c.participantId)) this.hub.bump(r)
    }
  }

  private dropRoundRows(which: (row: RoundRow) => boolean) {
    this.rowsEpoch++
    for (const [id, row] of this.roundRows) if (which(row)) this.roundRows.delete(id)
  }

  // Brings memory up to the logs as they stand now. On SQLite at once (synchronously, inside the call).
  // On PostgreSQL the catch-up under way may have read the logs before the caller's moment: the caller
  // waits for the one that starts after it, which every caller arriving meanwhile shares.
  private fresh(): Promise<void> {
    if (this.store.dialect === 'sqlite') return this.run(this.catchUp())
    if (!this.running) return this.start()
    this.next ??= this.running.then(() => undefined, () => undefined).then(() => {
      this.next = null
      return this.start()
    })
    return this.next
  }

  private start(): Promise<void> {
    const running = this.run(this.catchUp()).finally(() => {
      if (this.running === running) this.running = null
    })
    this.running = running
    return running
  }

  // Follows both logs and tells streams which rounds moved. Run every POLL_MS while anyone listens, soon
  // after a local commit (wake), and on PostgreSQL when another server says it committed (NOTIFY).
  tick(): Promise<void> {
    return this.fresh().catch((err: unknown) => console.error(JSON.stringify({ level: 'error', what: 'standings follow', error: String(err) })))
  }

  // A write was committed: look at the logs on the next turn instead of at the next poll.
  wake(): void {
    if (this.woken || !this.poll) return
    this.woken = true
    setImmediate(() => {
      this.woken = false
      void this.tick()
    })
  }

  subscribe(roundId: string, listener: (version: number) => void): () => void {
    if (this.finishPosition == null) void this.tick()
    if (!this.poll) {
      this.poll = setInterval(() => void this.tick(), POLL_MS)
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

  // Answers a read once what it needs is in memory and current. `look` reads what the read is about (the
  // round row, the contest's rounds); the catch-up brings memory up to now; `ready` builds what is
  // missing (a step at a time: the first read after a restart), followed by a second catch-up for what
  // came in meanwhile; then `compute` takes its answer. A board can be dropped again while a read waits
  // for it (a disqualification in that round): look again, a few times, rather than rebuild a big board
  // at once inside the answer.
  // `current` (round reads): false when the catch-up dropped the kept row `look` gave.
  private async answer<X, T>(look: () => Promise<X>, ready: (it: X) => Promise<void> | undefined, compute: (it: X) => Program<T>, current: (it: X) => boolean = () => true): Promise<T> {
    for (let looks = 1; ; looks++) {
      const it = await look()
      await this.fresh()
      // A kept round row the catch-up just dropped is read again, with the boards now past its change.
      if (!current(it) && looks < LOOKS) continue
      const waiting = ready(it)
      if (waiting) {
        await waiting
        await this.fresh()
      }
      try {
        return await this.run(compute(it))
      } catch (err) {
        if (!(err instanceof NotReady) || looks >= LOOKS) throw err
      }
    }
  }

  // -- reads

  publicRound(roundId: string): Promise<RoundRow> {
    return this.run(publicRound(roundId))
  }

  private isKept = (round: RoundRow) => this.roundRows.get(round.id) === round

  // publicRound for the board reads (answer), from the kept rows when it can: most reads then touch the
  // database only to see that the logs have not moved.
  private keptRound(roundId: string): Promise<RoundRow> {
    const kept = this.roundRows.get(roundId)
    if (kept) return Promise.resolve(kept)
    const epoch = this.rowsEpoch
    return this.run(publicRound(roundId)).then((row) => {
      if (epoch === this.rowsEpoch && this.changePosition != null) this.roundRows.set(roundId, row)
      return row
    })
  }

  // The page's JSON (UTF-8) without its closing brace (see sendOpenJson): a page without a search is cached.
  roundPage(roundId: string, now: number, page: Page): Promise<Buffer> {
    return this.answer(() => this.keptRound(roundId), (round) => publicBoardReady(this.parts, this.run, round, now), (round) => this.pageBody(round, now, page), this.isKept)
  }

  private *pageBody(round: RoundRow, now: number, page: Page): Program<Buffer> {
    const view = publicView(this.parts, round, now)
    if (page.q?.trim()) return Buffer.from(JSON.stringify(yield* roundLeaderboard(this.parts, view, now, page)).slice(0, -1))
    // The key is taken with the rows (roundPageBytes reads the board before it waits for anything).
    const key = `${round.id}:${leaderboardState(this.parts, view, now)}:${page.offset}:${page.limit}`
    const hit = this.pages.get(key)
    if (hit !== undefined) return hit
    return this.pages.offer(key, yield* roundPageBytes(this.parts, view, now, page))
  }

  // One participant's place on the round's public board, and how many it ranks ("hạng N/M").
  myPlace(roundId: string, now: number, participantId: string): Promise<Place> {
    const parts = this.parts
    return this.answer(() => this.keptRound(roundId), (round) => publicBoardReady(parts, this.run, round, now), function* (round) {
      const view = publicView(parts, round, now)
      const total = yield* boardSize(parts, view)
      return { entry: yield* myEntry(parts, view, participantId), total }
    }, this.isKept)
  }

  roundUnits(roundId: string, now: number, level: UnitLevel): Promise<UnitsLeaderboardEntry[]> {
    const parts = this.parts
    return this.answer(() => this.keptRound(roundId), (round) => publicBoardReady(parts, this.run, round, now, true), function* (round) {
      return unitsAt(yield* boardUnits(parts, round, publicBoard(parts, round, now)), level)
    }, this.isKept)
  }

  // A contest-wide read: the contest's shape (its rounds) is read at each look.
  private contestAnswer<T>(contestId: string, now: number, compute: (shape: Shape) => Program<T>): Promise<T> {
    return this.answer(() => this.run(this.contests.shape(contestId)), (shape) => this.contests.ready(contestId, shape, now, this.run), compute)
  }

  contestPage(contestId: string, now: number, page: Page): Promise<Leaderboard> {
    return this.contestAnswer(contestId, now, (shape) => this.contests.page(contestId, shape, now, page))
  }

  contestUnits(contestId: string, now: number, level: UnitLevel): Promise<UnitsLeaderboardEntry[]> {
    return this.contestAnswer(contestId, now, (shape) => this.contests.units(contestId, shape, now, level))
  }

  // One participant's contest-wide place; final once every round is, with the round prizes won (the
  // contest itself awards none: prizes are per round).
  contestPlace(contestId: string, now: number, participantId: string): Promise<Place<ContestMyEntry>> {
    const { contests, parts } = this
    return this.contestAnswer(contestId, now, function* (shape) {
      const pr = yield* parts.names.seqOf(participantId)
      if (pr == null) return { entry: null, total: 0 }
      const { entry, total, final } = yield* contests.place(contestId, shape, now, pr)
      return { entry: entry && { ...entry, final, prize: null, prizes: yield* prizesWon(contestId, participantId) }, total }
    })
  }

  // The judges' view (any contest status).
  judgePage(roundId: string, now: number, page?: StandingsPage) {
    return this.answer(() => this.run(roundRow(roundId)), (round) => this.parts.boards.warm(round, null, this.run), (round) => judgePage(this.parts, round, now, page))
  }

  // The round's live, unfrozen board, for what is computed from it (unit prizes, provisional results).
  liveBoard(round: RoundRow): Promise<RoundBoard> {
    const boards = this.parts.boards
    return this.answer(() => Promise.resolve(round), () => boards.warm(round, null, this.run), function* () {
      const board = boards.built(round, null)
      if (!board) throw new NotReady()
      return board
    })
  }

  close(): void {
    if (this.poll) clearInterval(this.poll)
    this.poll = null
    this.hub.close()
  }
}

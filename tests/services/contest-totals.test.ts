import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ContestTotals } from '../../api/standings/contest-totals'
import { lockRanking } from '../helpers/final-ranking'
import { RoundBoard } from '../../api/standings/round-board'
import { logEnd } from '../../api/standings/change-log'
import { getRoundRow } from '../../api/services/round-view'
import type { Db } from '../../db/client'
import type { Program } from '../../db/program'
import { runSqlite } from '../../db/sqlite-runner'
import { finishLog, type Finish } from '../helpers/finish-log'

const PEOPLE = 10

// A contest with a finalized round r1 and two live rounds r2, r3.
const seedContest = () => finishLog(['r1', 'r2', 'r3'], PEOPLE, (i) => (i % 3 ? 'u2' : 'u1'))

const finishes = fc.array(fc.record({ person: fc.integer({ min: 0, max: PEOPLE - 1 }), score: fc.integer({ min: 0, max: 4 }), dur: fc.integer({ min: 1, max: 6 }) }), { maxLength: 25 })
const live = fc.array(fc.record({ round: fc.constantFrom('r2', 'r3'), person: fc.integer({ min: 0, max: PEOPLE - 1 }), score: fc.integer({ min: 0, max: 4 }), dur: fc.integer({ min: 1, max: 6 }) }), { maxLength: 30 })

function view(t: ContestTotals) {
  const order = [...t.list].map((pr) => [pr, t.entry(pr)])
  const units = Object.fromEntries([...t.direct].filter(([, d]) => d.participants > 0).sort(([a], [b]) => a.localeCompare(b)))
  return { order, units }
}

const prOf = (db: Db, id: string) => (db.$client.prepare('SELECT seq AS pr FROM participants WHERE id = ?').get(id) as { pr: number }).pr
// A board's syncs, run on the SQLite file as the read model runs them; built at once and read up to now.
const sync = (db: Db, b: RoundBoard) => runSqlite(db, b.sync(runSqlite(db, logEnd())))
const built = (db: Db, b: RoundBoard) => { runSqlite(db, b.buildStep(-1)); sync(db, b); return b }
const runOn = (db: Db) => <T>(p: Program<T>) => Promise.resolve(runSqlite(db, p))
// Large enough that the finalized round is read in one step: the totals as built from scratch.
const ALL = 1000

// Boards of the live rounds r2 and r3, read up to now.
const liveBoards = (db: Db) => ['r2', 'r3'].map((id) => built(db, new RoundBoard(getRoundRow(db, id), null)))

// Totals over the boards, filled from the database.
async function filled(db: Db, locked: ReturnType<typeof getRoundRow>[], boards: RoundBoard[]) {
  const totals = new ContestTotals('c', 'k', locked, boards)
  await totals.fill(runOn(db), ALL)
  return totals
}

// The contest after `closed` finishes in r1, then finalized, and `open` finishes in r2 and r3.
function contestAfter(closed: Finish[], open: (Finish & { round: string })[]) {
  const { db, finish } = seedContest()
  closed.forEach((f) => finish('r1', f))
  db.$client.prepare("UPDATE rounds SET finalized_at = 5 WHERE id = 'r1'").run()
  lockRanking(db, 'r1', ['duration'])
  open.forEach((f) => finish(f.round, f))
  return { db, finish, locked: [getRoundRow(db, 'r1')] }
}

describe('contest totals followed through the boards’ change logs', () => {
  it('equal totals built from scratch after the same finishes, whatever arrives after the build', async () => {
    await fc.assert(fc.asyncProperty(finishes, live, live, async (closed, before, after) => {
      const { db, finish, locked } = contestAfter(closed, before)
      const boards = liveBoards(db)
      const followed = await filled(db, locked, boards)
      for (const [i, f] of after.entries()) {
        finish(f.round, f)
        if (i % 3 === 0) { boards.forEach((b) => sync(db, b)); followed.sync() } // some reads in between
      }
      boards.forEach((b) => sync(db, b))
      followed.sync()
      expect(view(followed)).toEqual(view(await filled(db, locked, liveBoards(db))))
      const people = new Set([...closed, ...before, ...after].map((f) => f.person))
      expect(followed.list.size).toBe(people.size)
    }), { numRuns: 150 })
  })

  it('follow unit moves in place, also while the locked rounds are being read, to what a rebuild reads', async () => {
    const move = fc.record({ person: fc.integer({ min: 0, max: PEOPLE - 1 }), unit: fc.constantFrom('u1', 'u2') })
    await fc.assert(fc.asyncProperty(finishes, live, fc.array(move, { maxLength: 8 }), fc.array(move, { maxLength: 8 }), fc.integer({ min: 1, max: 4 }), async (closed, open, during, after, step) => {
      const { db, locked } = contestAfter(closed, open)
      const boards = liveBoards(db)
      const totals = new ContestTotals('c', 'k', locked, boards)
      const moveUnit = (m: { person: number; unit: string }) => {
        db.$client.prepare("UPDATE participant_units SET unit_id = ? WHERE participant_id = ? AND contest_id = 'c'").run(m.unit, `p${m.person}`)
        const pr = prOf(db, `p${m.person}`)
        boards.forEach((b) => b.moveUnit(pr, m.unit))
        totals.moveUnit(pr, m.unit)
      }
      // The fill reads the locked round `step` ranks a program, with turns of the event loop between: a move
      // lands before each of its programs, so in the middle of the fill.
      let k = 0
      const run = <T>(p: Program<T>) => {
        if (k < during.length) moveUnit(during[k++])
        return Promise.resolve(runSqlite(db, p))
      }
      await totals.fill(run, step)
      during.slice(k).forEach(moveUnit)
      after.forEach(moveUnit)
      expect(view(totals)).toEqual(view(await filled(db, locked, liveBoards(db))))
    }), { numRuns: 200 })
  })

  it('sums each round’s best per person and orders by total score, then total duration', async () => {
    const { db, finish } = seedContest()
    finish('r1', { person: 0, score: 3, dur: 5 })
    finish('r1', { person: 1, score: 4, dur: 6 })
    db.$client.prepare("UPDATE rounds SET finalized_at = 5 WHERE id = 'r1'").run()
    lockRanking(db, 'r1', ['duration'])
    const board = built(db, new RoundBoard(getRoundRow(db, 'r2'), null))
    const totals = await filled(db, [getRoundRow(db, 'r1')], [board])
    finish('r2', { person: 0, score: 2, dur: 1 })
    finish('r2', { person: 0, score: 1, dur: 1 }) // not better: counts as an attempt only
    finish('r2', { person: 2, score: 4, dur: 2 })
    sync(db, board)
    totals.sync()
    const pr = (id: string) => prOf(db, id)
    expect([...totals.list].map((p) => [p, totals.entry(p).score, totals.entry(p).durationMs, totals.entry(p).attempts]))
      .toEqual([[pr('p0'), 5, 6, 3], [pr('p2'), 4, 2, 1], [pr('p1'), 4, 6, 1]]) // 4 in 2 ms before 4 in 6 ms
  })
})

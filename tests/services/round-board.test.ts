import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RoundBoard, RoundBoards } from '../../api/standings/round-board'
import { logEnd, recordChange } from '../../api/standings/change-log'
import { Standings } from '../../api/standings/standings'
import { getRoundRow } from '../../api/services/round-view'
import type { Db } from '../../db/client'
import { GroupCommit } from '../../db/group-commit'
import type { Program } from '../../db/program'
import { runSqlite } from '../../db/sqlite-runner'
import { SqliteStore } from '../../db/store'
import { finishLog, type Finish } from '../helpers/finish-log'

// One round 'r', its people alternating between the two units.
function seedRound(people: number): { db: Db; finish: (f: Finish) => void } {
  const { db, finish } = finishLog(['r'], people, (i) => (i % 2 ? 'u2' : 'u1'))
  return { db, finish: (f) => finish('r', f) }
}

const prOf = (db: Db, id: string) => (db.$client.prepare('SELECT seq AS pr FROM participants WHERE id = ?').get(id) as { pr: number }).pr
// A board's build steps and syncs, run on the SQLite file as the read model runs them.
const buildStep = (db: Db, b: RoundBoard, rows: number) => runSqlite(db, b.buildStep(rows))
const sync = (db: Db, b: RoundBoard) => runSqlite(db, b.sync(runSqlite(db, logEnd())))
const built = (db: Db, b: RoundBoard) => { buildStep(db, b, -1); sync(db, b) }
const order = (b: RoundBoard) => [...b.list].map((pr) => [pr, b.entry(pr).score, b.entry(pr).durationMs, b.entry(pr).attempts, b.entry(pr).unitId])
// Units nobody counts in any more add nothing to the units board: left out of the comparison.
const units = (b: RoundBoard) => Object.fromEntries([...b.direct].filter(([, d]) => d.participants > 0 || d.attempts > 0).sort(([a], [z]) => a.localeCompare(z)))

const finishes = fc.array(fc.record({ person: fc.integer({ min: 0, max: 11 }), score: fc.integer({ min: 0, max: 4 }), dur: fc.integer({ min: 1, max: 6 }) }), { maxLength: 40 })

describe('round board built a step at a time', () => {
  it('equals the board built at once, also when finishes arrive between the steps', () => {
    fc.assert(fc.property(finishes, finishes, fc.integer({ min: 1, max: 7 }), (before, during, step) => {
      const { db, finish } = seedRound(12)
      before.forEach(finish)
      const round = getRoundRow(db, 'r')
      const stepped = new RoundBoard(round, null)
      let k = 0
      while (!buildStep(db, stepped, step)) if (k < during.length) finish(during[k++])
      during.slice(k).forEach(finish)
      sync(db, stepped) // the live path picks up what came after the build
      const atOnce = new RoundBoard(round, null)
      built(db, atOnce)
      expect(order(stepped)).toEqual(order(atOnce))
      expect(units(stepped)).toEqual(units(atOnce))
      expect(stepped.list.size).toBe(new Set([...before, ...during].map((f) => f.person)).size)
    }), { numRuns: 150 })
  })

  it('follows unit moves in place, also during the build, to what a board built afterwards reads', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('finish' as const), person: fc.integer({ min: 0, max: 11 }), score: fc.integer({ min: 0, max: 4 }), dur: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ kind: fc.constant('move' as const), person: fc.integer({ min: 0, max: 11 }), unit: fc.constantFrom('u1', 'u2') }),
    )
    fc.assert(fc.property(fc.array(step, { maxLength: 40 }), fc.array(step, { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), (before, during, rows) => {
      const { db, finish } = seedRound(12)
      const board = new RoundBoard(getRoundRow(db, 'r'), null)
      const apply = (s: (typeof before)[number]) => {
        if (s.kind === 'finish') return finish(s)
        db.$client.prepare("UPDATE participant_units SET unit_id = ? WHERE participant_id = ? AND contest_id = 'c'").run(s.unit, `p${s.person}`)
        board.moveUnit(prOf(db, `p${s.person}`), s.unit)
      }
      before.forEach(apply)
      let k = 0
      while (!buildStep(db, board, rows)) if (k < during.length) apply(during[k++])
      during.slice(k).forEach((s) => { apply(s); if (s.kind === 'finish') sync(db, board) })
      sync(db, board)
      const fresh = new RoundBoard(getRoundRow(db, 'r'), null)
      built(db, fresh)
      expect(order(board)).toEqual(order(fresh))
      expect(units(board)).toEqual(units(fresh))
    }), { numRuns: 200 })
  })

  it('a change to one round rebuilds only that round’s boards', async () => {
    const { db, finish } = finishLog(['r1', 'r2'], 4, () => 'u1')
    finish('r1', { person: 0, score: 3, dur: 2 })
    finish('r2', { person: 1, score: 2, dur: 2 })
    const [r1, r2] = ['r1', 'r2'].map((id) => getRoundRow(db, id))
    const standings = new Standings(new SqliteStore(db, new GroupCommit(db)), { now: () => 10 })
    const before = [await standings.liveBoard(r1), await standings.liveBoard(r2)]
    expect(await standings.liveBoard(r1)).toBe(before[0])
    recordChange(db, { kind: 'round', roundId: 'r1' }, 10) // as a disqualification in r1 writes it
    expect(await standings.liveBoard(r1)).not.toBe(before[0])
    expect(await standings.liveBoard(r2)).toBe(before[1])
  })

  it('warm() builds between turns of the event loop, and built() then serves the same board', async () => {
    const { db, finish } = seedRound(12)
    for (let i = 0; i < 12; i++) finish({ person: i, score: i % 5, dur: 1 + (i % 3) })
    const round = getRoundRow(db, 'r')
    let turns = 0
    let ticking = true
    const tick = () => { turns++; if (ticking) setImmediate(tick) }
    setImmediate(tick)
    const boards = new RoundBoards()
    const run = <T>(p: Program<T>) => Promise.resolve(runSqlite(db, p))
    await boards.warm(round, null, run, 2) // 12 finishes, 2 a step: 7 steps with a turn between each
    ticking = false
    const board = boards.built(round, null)!
    expect(board.built).toBe(true)
    expect(board.list.size).toBe(12)
    expect(turns).toBeGreaterThanOrEqual(6) // other work (here: the ticker) ran between the steps
    expect(boards.warm(round, null, run)).toBeUndefined() // already built
  })
})

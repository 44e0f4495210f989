import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { boardFor, epochOf, RoundBoard, warmBoard } from '../../api/services/round-board'
import { getRoundRow } from '../../api/services/rounds'
import type { Db } from '../../db/client'
import { finishLog, type Finish } from '../helpers/finish-log'

// One round 'r', its people alternating between the two units.
function seedRound(people: number): { db: Db; finish: (f: Finish) => void } {
  const { db, finish } = finishLog(['r'], people, (i) => (i % 2 ? 'u2' : 'u1'))
  return { db, finish: (f) => finish('r', f) }
}

const order = (b: RoundBoard) => [...b.list].map((pr) => [pr, b.entry(pr).score, b.entry(pr).durationMs, b.entry(pr).attempts, b.entry(pr).unitId])
const units = (b: RoundBoard) => Object.fromEntries([...b.direct].sort(([a], [z]) => a.localeCompare(z)))

const finishes = fc.array(fc.record({ person: fc.integer({ min: 0, max: 11 }), score: fc.integer({ min: 0, max: 4 }), dur: fc.integer({ min: 1, max: 6 }) }), { maxLength: 40 })

describe('round board built a step at a time', () => {
  it('equals the board built at once, also when finishes arrive between the steps', () => {
    fc.assert(fc.property(finishes, finishes, fc.integer({ min: 1, max: 7 }), (before, during, step) => {
      const { db, finish } = seedRound(12)
      before.forEach(finish)
      const round = getRoundRow(db, 'r')
      const stepped = new RoundBoard(db, round, null, epochOf(db))
      let k = 0
      while (!stepped.buildStep(step)) if (k < during.length) finish(during[k++])
      during.slice(k).forEach(finish)
      stepped.sync() // the live path picks up what came after the build
      const atOnce = new RoundBoard(db, round, null, epochOf(db))
      atOnce.sync()
      expect(order(stepped)).toEqual(order(atOnce))
      expect(units(stepped)).toEqual(units(atOnce))
      expect(stepped.list.size).toBe(new Set([...before, ...during].map((f) => f.person)).size)
    }), { numRuns: 150 })
  })

  it('warmBoard builds between turns of the event loop, and boardFor then serves the same board', async () => {
    const { db, finish } = seedRound(12)
    for (let i = 0; i < 12; i++) finish({ person: i, score: i % 5, dur: 1 + (i % 3) })
    const round = getRoundRow(db, 'r')
    let turns = 0
    let ticking = true
    const tick = () => { turns++; if (ticking) setImmediate(tick) }
    setImmediate(tick)
    await warmBoard(db, round, null, 2) // 12 finishes, 2 a step: 7 steps with a turn between each
    ticking = false
    const board = boardFor(db, round, null)
    expect(board.built).toBe(true)
    expect(board.list.size).toBe(12)
    expect(turns).toBeGreaterThanOrEqual(6) // other work (here: the ticker) ran between the steps
    await warmBoard(db, round, null) // already built: resolves at once
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { boardFor, epochOf, RoundBoard, warmBoard } from '../../api/services/round-board'
import { getRoundRow } from '../../api/services/rounds'
import type { Db } from '../../db/client'
import { memoryDb } from '../helpers/db'

type Finish = { person: number; score: number; dur: number }

// A round straight in SQLite: people in two units, finishes appended to the finish log as the server does.
function seedRound(people: number): { db: Db; finish: (f: Finish) => void } {
  const db = memoryDb()
  const c = db.$client
  c.exec(`INSERT INTO contests (id, slug, title, status, one_prize_per_person, created_at) VALUES ('c', 'c', 'c', 'published', 0, 0)`)
  c.exec(`INSERT INTO units (id, contest_id, code, name, parent_id, headcount) VALUES ('u1', 'c', 'U1', 'Chi bộ Một', NULL, 10), ('u2', 'c', 'U2', 'Chi bộ Hai', NULL, 10)`)
  c.exec(`INSERT INTO rounds (id, contest_id, number, title, opens_at, closes_at, question_count, time_limit_sec, blueprint, prediction_enabled, tiebreak, prizes, unit_prizes, grace_sec)
    VALUES ('r', 'c', 1, 'r', 0, 1, 4, 60, '[]', 0, '["duration"]', '[]', '[]', 0)`)
  const person = c.prepare(`INSERT INTO participants (id, full_name, name_folded, date_of_birth, phone, password_hash, consent_at, consent_version, created_at) VALUES (?, 'x', 'x', '1990-01-01', ?, 'h', 0, 'v', 0)`)
  const unit = c.prepare(`INSERT INTO participant_units (participant_id, contest_id, unit_id) VALUES (?, 'c', ?)`)
  for (let i = 0; i < people; i++) {
    person.run(`p${i}`, `09${String(i).padStart(8, '0')}`)
    unit.run(`p${i}`, i % 2 ? 'u2' : 'u1')
  }
  const insert = c.prepare(`INSERT INTO attempts (id, round_id, participant_id, number, status, started_at, deadline_at, submitted_at, ended_at, score, max_score, correct_count, finish_seq)
    VALUES (@id, 'r', @pid, @number, 'submitted', 0, 1000, @dur, @dur, @score, 4, @score, (SELECT coalesce(max(finish_seq), 0) + 1 FROM attempts))`)
  let n = 0
  return { db, finish: (f) => { n++; insert.run({ id: `a${n}`, pid: `p${f.person}`, number: n, dur: f.dur, score: f.score }) } }
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

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lockRanking } from '../helpers/final-ranking'
import { myEntry, publicView, roundLeaderboard } from '../../api/standings/pages'
import { createParts, type Parts } from '../../api/standings/parts'
import { getRoundRow } from '../../api/services/round-view'
import { finishLog } from '../helpers/finish-log'

const PEOPLE = 12
const finishes = fc.array(fc.record({ person: fc.integer({ min: 0, max: PEOPLE - 1 }), score: fc.integer({ min: 0, max: 4 }), dur: fc.integer({ min: 1, max: 6 }) }), { maxLength: 40 })
const setup = fc.record({
  finishes,
  withPrediction: fc.boolean(), // ranks otherwise than the live board: the fill falls back to final_standings
  disqualified: fc.uniqueArray(fc.integer({ min: 0, max: PEOPLE - 1 }), { maxLength: 3 }),
  liveBoardFirst: fc.boolean(), // in memory at the finalize, as after a live round; not, as after a restart
  pageSize: fc.integer({ min: 1, max: 7 }),
})

// Every page, every person's own entry and a search, as the public reads them.
function everything(parts: Parts, pageSize: number) {
  const round = getRoundRow(parts.db, 'r')
  const view = publicView(parts, round, 10)
  const pages = []
  for (let offset = 0; offset <= PEOPLE; offset += pageSize) pages.push(roundLeaderboard(parts, view, 10, { offset, limit: pageSize }))
  const mine = Array.from({ length: PEOPLE }, (_, i) => myEntry(parts, view, `p${i}`))
  return { pages, mine, search: roundLeaderboard(parts, view, 10, { offset: 0, limit: 50, q: 'x' }) }
}

describe('locked board', () => {
  it('serves the same pages, own entries and searches as final_standings read through SQLite', async () => {
    await fc.assert(fc.asyncProperty(setup, async ({ finishes: list, withPrediction, disqualified, liveBoardFirst, pageSize }) => {
      const { db, finish } = finishLog(['r'], PEOPLE, (i) => (i % 2 ? 'u2' : 'u1'))
      const parts = createParts(db)
      const c = db.$client
      list.forEach((f) => finish('r', f))
      c.prepare('UPDATE attempts SET prediction = (seq * 7) % 5').run()
      if (withPrediction) c.prepare(`UPDATE rounds SET prediction_enabled = 1, prediction_target = 'participants', tiebreak = '["prediction","duration"]'`).run()
      for (const p of disqualified) c.prepare(`INSERT INTO disqualifications (round_id, participant_id, reason, by, at) VALUES ('r', ?, 'x', 'judge', 0)`).run(`p${p}`)
      if (liveBoardFirst) parts.boards.get(getRoundRow(db, 'r'), null)
      const round = getRoundRow(db, 'r')
      lockRanking(db, 'r', round.tiebreak, withPrediction ? 'participants' : null)
      c.prepare('UPDATE rounds SET finalized_at = 5 WHERE id = ?').run('r')
      const finalized = getRoundRow(db, 'r')

      const fromSql = everything(parts, pageSize)
      const fill = parts.locked.fill(finalized)
      expect(fill?.fromLive).toBe(liveBoardFirst)
      await fill?.done
      expect(parts.locked.get(finalized)).toBeDefined()
      expect(everything(parts, pageSize)).toEqual(fromSql)
    }), { numRuns: 150 })
  })

  it('a board dropped while it is read (a finalize again) stops, and pages keep coming from SQLite', async () => {
    const { db, finish } = finishLog(['r'], PEOPLE, (i) => (i % 2 ? 'u2' : 'u1'))
    const parts = createParts(db)
    for (let i = 0; i < PEOPLE; i++) finish('r', { person: i, score: i % 5, dur: 1 + (i % 3) })
    lockRanking(db, 'r', ['duration'])
    db.$client.prepare('UPDATE rounds SET finalized_at = 5 WHERE id = ?').run('r')
    const round = getRoundRow(db, 'r')
    const fromSql = everything(parts, 5)
    const fill = parts.locked.fill(round)
    parts.locked.dropRound('r') // before its first step
    await fill?.done
    expect(parts.locked.get(round)).toBeUndefined()
    expect(everything(parts, 5)).toEqual(fromSql)
    await parts.locked.fill(round)?.done // read again from the start
    expect(parts.locked.get(round)).toBeDefined()
    expect(everything(parts, 5)).toEqual(fromSql)
  })
})

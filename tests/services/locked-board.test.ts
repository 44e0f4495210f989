import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lockRanking } from '../helpers/final-ranking'
import { myEntry, publicView, roundLeaderboard, roundPageBytes } from '../../api/standings/pages'
import { createParts, type Parts } from '../../api/standings/parts'
import { logEnd } from '../../api/standings/change-log'
import { getRoundRow } from '../../api/services/round-view'
import type { Db } from '../../db/client'
import type { Program } from '../../db/program'
import { runSqlite } from '../../db/sqlite-runner'
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

const runOn = (db: Db) => <T>(p: Program<T>) => Promise.resolve(runSqlite(db, p))

// Every page, every person's own entry and a search, as the public reads them (programs run on the SQLite file).
function everything(db: Db, parts: Parts, pageSize: number) {
  const round = getRoundRow(db, 'r')
  const view = publicView(parts, round, 10)
  const pages = []
  for (let offset = 0; offset <= PEOPLE; offset += pageSize) pages.push(runSqlite(db, roundLeaderboard(parts, view, 10, { offset, limit: pageSize })))
  const mine = Array.from({ length: PEOPLE }, (_, i) => runSqlite(db, myEntry(parts, view, `p${i}`)))
  return { pages, mine, search: runSqlite(db, roundLeaderboard(parts, view, 10, { offset: 0, limit: 50, q: 'x' })) }
}

// Names as people type them and as they should never be: what JSON must escape goes another way than the
// name book's bytes. (SQLite stores a lone surrogate as U+FFFD.)
const NAMES = ['Nguyễn Văn Ân', 'Trần "Bé" Ba', 'Lê \\ Thị', 'Phạm 😀 Hùng', 'Hồ \ud800 Lẻ', 'Đỗ\u0001Minh', 'Ngô\tThị\nHà', 'x']

// Every page as the public route sends it (UTF-8 JSON written straight from the boards and the name book's
// bytes) is the page object's JSON, byte for byte.
function pageTextsMatch(db: Db, parts: Parts, pageSize: number) {
  const view = publicView(parts, getRoundRow(db, 'r'), 10)
  for (let offset = 0; offset <= PEOPLE; offset += pageSize) {
    const page = { offset, limit: pageSize }
    const sent = runSqlite(db, roundPageBytes(parts, view, 10, page))
    const json = JSON.stringify(runSqlite(db, roundLeaderboard(parts, view, 10, page))).slice(0, -1)
    expect(sent.toString('utf8')).toBe(json)
    expect(sent.equals(Buffer.from(json))).toBe(true)
  }
}

// The round's live board built and read up to now, as it is in memory after a live round.
async function liveBoard(db: Db, parts: Parts) {
  const round = getRoundRow(db, 'r')
  await parts.boards.warm(round, null, runOn(db))
  const board = parts.boards.built(round, null)!
  runSqlite(db, board.sync(runSqlite(db, logEnd())))
}

describe('locked board', () => {
  it('serves the same pages, own entries and searches as final_standings read through SQLite', async () => {
    await fc.assert(fc.asyncProperty(setup, async ({ finishes: list, withPrediction, disqualified, liveBoardFirst, pageSize }) => {
      const { db, finish } = finishLog(['r'], PEOPLE, (i) => (i % 2 ? 'u2' : 'u1'))
      const parts = createParts()
      const c = db.$client
      for (let i = 0; i < PEOPLE; i++) c.prepare('UPDATE participants SET full_name = ? WHERE id = ?').run(NAMES[i % NAMES.length], `p${i}`)
      c.prepare(`UPDATE units SET name = 'Chi bộ "Hai" \\ Bắc' WHERE id = 'u2'`).run()
      list.forEach((f) => finish('r', f))
      c.prepare('UPDATE attempts SET prediction = (seq * 7) % 5').run()
      if (withPrediction) c.prepare(`UPDATE rounds SET prediction_enabled = 1, prediction_target = 'participants', tiebreak = '["prediction","duration"]'`).run()
      for (const p of disqualified) c.prepare(`INSERT INTO disqualifications (round_id, participant_id, reason, by, at) VALUES ('r', ?, 'x', 'judge', 0)`).run(`p${p}`)
      if (liveBoardFirst) {
        await liveBoard(db, parts)
        pageTextsMatch(db, parts, pageSize)
      }
      const round = getRoundRow(db, 'r')
      lockRanking(db, 'r', round.tiebreak, withPrediction ? 'participants' : null)
      c.prepare('UPDATE rounds SET finalized_at = 5 WHERE id = ?').run('r')
      const finalized = getRoundRow(db, 'r')

      const fromSql = everything(db, parts, pageSize)
      const fill = parts.locked.fill(finalized, runOn(db))
      expect(fill?.fromLive).toBe(liveBoardFirst)
      await fill?.done
      expect(parts.locked.get(finalized)).toBeDefined()
      expect(everything(db, parts, pageSize)).toEqual(fromSql)
      pageTextsMatch(db, parts, pageSize)
    }), { numRuns: 150 })
  })

  it('a board dropped while it is read (a finalize again) stops, and pages keep coming from SQLite', async () => {
    const { db, finish } = finishLog(['r'], PEOPLE, (i) => (i % 2 ? 'u2' : 'u1'))
    const parts = createParts()
    for (let i = 0; i < PEOPLE; i++) finish('r', { person: i, score: i % 5, dur: 1 + (i % 3) })
    lockRanking(db, 'r', ['duration'])
    db.$client.prepare('UPDATE rounds SET finalized_at = 5 WHERE id = ?').run('r')
    const round = getRoundRow(db, 'r')
    const fromSql = everything(db, parts, 5)
    const fill = parts.locked.fill(round, runOn(db))
    parts.locked.dropRound('r') // before its first step
    await fill?.done
    expect(parts.locked.get(round)).toBeUndefined()
    expect(everything(db, parts, 5)).toEqual(fromSql)
    await parts.locked.fill(round, runOn(db))?.done // read again from the start
    expect(parts.locked.get(round)).toBeDefined()
    expect(everything(db, parts, 5)).toEqual(fromSql)
  })
})

import type { Db } from '../../db/client'
import { assignGroups, ItemTally, type ItemStat, type StatAttempt } from '../rules/item-stats'
import { getRevision } from './question-store'
import { getRoundRow } from './round-view'

export type ItemStatsFilter = { roundId?: string; questionId?: string; topic?: string }
export type ItemStatsReport = { attempts: number; rounds: number; items: ItemStat[] }

type ItemRow = { seq: number; questionId: string; revision: number; optionOrder: string; choice: string; correct: number | null }

// SQL conditions on attempts `a` (and items `i` for the item pass) for one filter; values bind in order.
function conditions(f: ItemStatsFilter) {
  const attempt: string[] = ["a.status != 'in_progress'"]
  const attemptArgs: string[] = []
  if (f.roundId) { attempt.push('a.round_id = ?'); attemptArgs.push(f.roundId) }
  // Groups come from the rounds where the question was drawn; other rounds say nothing about it.
  if (f.questionId) {
    attempt.push('a.round_id IN (SELECT DISTINCT a2.round_id FROM attempt_items i2 JOIN attempts a2 ON a2.seq = i2.attempt_seq WHERE i2.question_id = ?)')
    attemptArgs.push(f.questionId)
  }
  const item = [...attempt]
  const itemArgs = [...attemptArgs]
  if (f.questionId) { item.push('i.question_id = ?'); itemArgs.push(f.questionId) }
  if (f.topic) { item.push('i.question_id IN (SELECT id FROM questions WHERE topic = ?)'); itemArgs.push(f.topic) }
  return { attempt: attempt.join(' AND '), attemptArgs, item: item.join(' AND '), itemArgs }
}

// Two streamed passes: attempts in rank order give the upper/lower groups, then every item of a
// finished attempt is tallied per question. Only the group of each ranked attempt is held in memory.
export function itemStats(db: Db, f: ItemStatsFilter): ItemStatsReport {
  if (f.roundId) getRoundRow(db, f.roundId)
  const c = db.$client
  const where = conditions(f)
  const counts = new Map(c.prepare<unknown[], { roundId: string; n: number }>(`SELECT a.round_id AS roundId, count(*) AS n FROM attempts a
    WHERE ${where.attempt} GROUP BY a.round_id`).all(...where.attemptArgs).map((r) => [r.roundId, r.n]))
  const ranked = c.prepare<unknown[], StatAttempt>(`SELECT a.seq, a.round_id AS roundId, coalesce(a.score, 0) AS score FROM attempts a
    WHERE ${where.attempt} ORDER BY a.round_id, score DESC, a.seq`).iterate(...where.attemptArgs)
  const groups = assignGroups(ranked, counts)

  const tally = new ItemTally()
  const rows = c.prepare<unknown[], ItemRow>(`SELECT i.attempt_seq AS seq, i.question_id AS questionId, i.revision, i.option_order AS optionOrder,
    i.choice, i.correct FROM attempt_items i JOIN attempts a ON a.seq = i.attempt_seq WHERE ${where.item}`).iterate(...where.itemArgs)
  for (const row of rows) {
    const order = JSON.parse(row.optionOrder) as string[]
    const chosen = (JSON.parse(row.choice) as string[]).map((letter) => order[letter.charCodeAt(0) - 65]).filter((k): k is string => k !== undefined)
    tally.add({ questionId: row.questionId, revision: row.revision, chosen, correct: row.correct === 1, group: groups.get(row.seq) ?? 0 })
  }
  const items = tally.results((id, revision) => getRevision(db, id, revision))
  let attempts = 0
  for (const n of counts.values()) attempts += n
  return { attempts, rounds: counts.size, items }
}

import { all, type Program } from '../../db/program'
import type { AliasedRow } from '../../db/row-types'
import type { attemptItems } from '../../db/schema'
import { groupSize, ItemTally, LOWER, UPPER, type QuestionFacts } from '../rules/item-stats'
import type { ItemStatsReport } from '../schemas/wire'
import { revisionContent } from './question-store'
import { roundRow } from './round-view'

export type ItemStatsFilter = { roundId?: string; questionId?: string; topic?: string }

// An answered item and its attempt's seq (attempt_seq AS "seq").
type ItemRow = { seq: number } & Pick<AliasedRow<typeof attemptItems>, 'questionId' | 'revision' | 'optionOrder' | 'choice' | 'correct'>
type Condition = { sql: string; args: string[] }

const PAGE = 1000

// The rounds the report covers, each with its number of finished attempts. Groups come from the rounds
// where the question was drawn; other rounds say nothing about it.
function* roundSizes(f: ItemStatsFilter): Program<Map<string, number>> {
  const where = ["a.status != 'in_progress'"]
  const args: string[] = []
  if (f.roundId) { where.push('a.round_id = ?'); args.push(f.roundId) }
  if (f.questionId) {
    where.push('a.round_id IN (SELECT DISTINCT a2.round_id FROM attempt_items i2 JOIN attempts a2 ON a2.seq = i2.attempt_seq WHERE i2.question_id = ?)')
    args.push(f.questionId)
  }
  const rows = yield* all<{ roundId: string; n: number }>(`SELECT a.round_id AS "roundId", count(*) AS "n" FROM attempts a
    WHERE ${where.join(' AND ')} GROUP BY a.round_id ORDER BY a.round_id`, ...args)
  return new Map(rows.map((r) => [r.roundId, r.n]))
}

// The items a report counts, as SQL on attempt_items `i`.
function itemCondition(f: ItemStatsFilter): Condition {
  const where: string[] = []
  const args: string[] = []
  if (f.questionId) { where.push('i.question_id = ?'); args.push(f.questionId) }
  if (f.topic) { where.push('i.question_id IN (SELECT id FROM questions WHERE topic = ?)'); args.push(f.topic) }
  return { sql: where.map((w) => ` AND ${w}`).join(''), args }
}

// The upper and lower groups of a round of n finished attempts, ranked by score, ties by start order (seq):
// its best and its worst 27%, read from each end, so only the groups are held.
function* roundGroups(roundId: string, n: number): Program<Map<number, number>> {
  const k = groupSize(n)
  const ranked = (order: string) => all<{ seq: number }>(`SELECT seq FROM attempts WHERE round_id = ? AND status != 'in_progress'
    ORDER BY ${order} LIMIT ?`, roundId, k)
  const groups = new Map<number, number>()
  for (const { seq } of yield* ranked('coalesce(score, 0) DESC, seq')) groups.set(seq, UPPER)
  for (const { seq } of yield* ranked('coalesce(score, 0), seq DESC')) groups.set(seq, (groups.get(seq) ?? 0) | LOWER)
  return groups
}

// Every item of the round's finished attempts, a page of attempts at a time in finish order (an index
// range on both stores), so a round of any size is summed without holding its rows.
function* tallyRound(tally: ItemTally, roundId: string, groups: Map<number, number>, items: Condition, size: number): Program<void> {
  for (let after = 0; ;) {
    const page = yield* all<{ seq: number; finishSeq: number }>(`SELECT seq, finish_seq AS "finishSeq" FROM attempts
      WHERE round_id = ? AND finish_seq > ? AND status != 'in_progress' ORDER BY finish_seq LIMIT ?`, roundId, after, size)
    if (!page.length) return
    const seqs = page.map((a) => a.seq)
    const rows = yield* all<ItemRow>(`SELECT i.attempt_seq AS "seq", i.question_id AS "questionId", i.revision, i.option_order AS "optionOrder",
      i.choice, i.correct FROM attempt_items i WHERE i.attempt_seq IN (${seqs.map(() => '?').join(', ')})${items.sql}`, ...seqs, ...items.args)
    for (const row of rows) {
      const order = JSON.parse(row.optionOrder) as string[]
      const chosen = (JSON.parse(row.choice) as string[]).map((letter) => order[letter.charCodeAt(0) - 65]).filter((k): k is string => k !== undefined)
      tally.add({ questionId: row.questionId, revision: row.revision, chosen, correct: row.correct === 1, group: groups.get(row.seq) ?? 0 })
    }
    if (page.length < size) return
    after = page[page.length - 1].finishSeq
  }
}

// Round by round: the groups of its ranked attempts, then every item of its finished attempts tallied per
// question, `page` attempts at a time.
export function* itemStats(f: ItemStatsFilter, page = PAGE): Program<ItemStatsReport> {
  if (f.roundId) yield* roundRow(f.roundId)
  const sizes = yield* roundSizes(f)
  const items = itemCondition(f)
  const tally = new ItemTally()
  for (const [roundId, n] of sizes) yield* tallyRound(tally, roundId, yield* roundGroups(roundId, n), items, page)
  const facts = new Map<string, QuestionFacts>()
  for (const { questionId, revision } of tally.latest()) facts.set(`${questionId}@${revision}`, yield* revisionContent(questionId, revision))
  let attempts = 0
  for (const n of sizes.values()) attempts += n
  return { attempts, rounds: sizes.size, items: tally.results((id, revision) => facts.get(`${id}@${revision}`)!) }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addContest } from '../../api/services/contests'
import { itemStats } from '../../api/services/item-stats'
import { saveQuestion, toContent } from '../../api/services/question-store'
import { importQuestions } from '../../api/services/questions'
import { addRound } from '../../api/services/rounds'
import { itemStatsOf, type QuestionFacts, type StatAttempt } from '../../api/rules/item-stats'
import { runPg } from '../../db/pg-runner'
import { get, run, type Program } from '../../db/program'
import { runSqlite } from '../../db/sqlite-runner'
import { makeQuestion } from '../helpers/bank'
import { memoryDb } from '../helpers/db'
import { pgTestDb, type PgTestDb } from '../helpers/pg'

// The statistics program pages through a round's attempts: on either store and at any page size it must
// give what the pure rule gives over all the rows at once.
type Exec = <T>(program: Program<T>) => Promise<T>
const ADMIN = { id: 'admin-1', role: 'admin' as const }
const NOW = Date.parse('2026-03-02T03:00:00Z')
const QUESTIONS = [makeQuestion('q1'), makeQuestion('q2'), makeQuestion('q3', { topic: 't2' })]
// q2's second revision drops option D; later attempts are drawn on it.
const Q2_REVISED = makeQuestion('q2', { options: QUESTIONS[1].options.slice(0, 3) })
const ORDERS = [['A', 'B', 'C', 'D'], ['C', 'A', 'D', 'B'], ['D', 'C', 'B', 'A']]

type Built = { attempts: StatAttempt[]; items: { attemptSeq: number; questionId: string; revision: number; chosen: string[]; correct: boolean }[]; rounds: string[] }

// Round one: 23 finished attempts and 2 in progress; round two: 7 finished. Scores tie often.
function* build(): Program<Built> {
  yield* importQuestions(ADMIN, QUESTIONS.map((question) => ({ question })), NOW - 60_000, 'test')
  const contest = yield* addContest(ADMIN, { title: 'Hội thi' }, NOW)
  const rounds: string[] = []
  for (const title of ['Tuần 1', 'Tuần 2']) rounds.push((yield* addRound(ADMIN, contest.id, { title, opensAt: NOW - 60_000, closesAt: NOW + 3600_000, questionCount: 3 }, NOW, 0)).id)
  yield* saveQuestion('q2', toContent(Q2_REVISED), NOW, 'test')
  const built: Built = { attempts: [], items: [], rounds }
  let finish = 0
  for (let i = 0; i < 32; i++) {
    const roundId = i < 25 ? rounds[0] : rounds[1]
    const finished = i !== 3 && i !== 11
    yield* run(`INSERT INTO participants (id, full_name, name_folded, date_of_birth, phone, password_hash, consent_at, consent_version, created_at)
      VALUES (?, 'A', 'a', '1990-01-01', ?, 'x', 0, 'v1', 0)`, `p${i}`, `09000000${String(i).padStart(2, '0')}`)
    const score = finished ? (i * 7) % 4 : null
    yield* run(`INSERT INTO attempts (id, round_id, participant_id, number, status, started_at, deadline_at, submitted_at, ended_at, score, max_score, correct_count, finish_seq)
      VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, 3, ?, ?)`, `a${i}`, roundId, `p${i}`, finished ? 'submitted' : 'in_progress', NOW, NOW + 600_000,
    finished ? NOW + i : null, finished ? NOW + i : null, score, score, finished ? ++finish : null)
    const { seq } = (yield* get<{ seq: number }>('SELECT seq FROM attempts WHERE id = ?', `a${i}`))!
    if (finished) built.attempts.push({ seq, roundId, score: score! })
    for (const [position, q] of QUESTIONS.entries()) {
      const revision = q.id === 'q2' && i >= 16 ? 2 : 1
      const order = ORDERS[(i + position) % 3].filter((k) => revision === 1 || k !== 'D')
      const letter = (i * 5 + position) % 5 // 4: left blank
      const chosen = letter < order.length ? [order[letter]] : []
      const correct = chosen[0] === 'A'
      yield* run(`INSERT INTO attempt_items (attempt_seq, position, question_id, revision, option_order, choice, correct) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        seq, position, q.id, revision, JSON.stringify(order), JSON.stringify(letter < order.length ? [String.fromCharCode(65 + letter)] : []), finished ? (correct ? 1 : 0) : null)
      built.items.push({ attemptSeq: seq, questionId: q.id, revision, chosen, correct })
    }
  }
  return built
}

const facts = (id: string, revision: number): QuestionFacts => toContent(id === 'q2' && revision === 2 ? Q2_REVISED : QUESTIONS.find((q) => q.id === id)!)

const pg: { t?: PgTestDb } = {}
beforeAll(async () => { pg.t = await pgTestDb() })
afterAll(async () => { await pg.t?.drop() })

const stores: [string, () => Exec][] = [
  ['SQLite', () => { const db = memoryDb(); return async (p) => runSqlite(db, p) }],
  ['PostgreSQL', () => (p) => runPg(pg.t!.db.$client, p)],
]

describe.each(stores)('item statistics on %s', (_name, open) => {
  it('match the rule over all rows, for every page size and filter', async () => {
    const exec = open()
    const built = await exec(build())
    const expectFor = (roundIds: string[], keep: (questionId: string) => boolean) => itemStatsOf(
      built.attempts.filter((a) => roundIds.includes(a.roundId)),
      built.items.filter((i) => keep(i.questionId)), facts)
    for (const page of [1, 4, 7, 1000]) {
      const all = await exec(itemStats({}, page))
      expect(all).toEqual({ attempts: 30, rounds: 2, items: expectFor(built.rounds, () => true) })
      const first = await exec(itemStats({ roundId: built.rounds[0] }, page))
      expect(first).toEqual({ attempts: 23, rounds: 1, items: expectFor([built.rounds[0]], () => true) })
      const topic = await exec(itemStats({ topic: 't2' }, page))
      expect(topic.items).toEqual(expectFor(built.rounds, (id) => id === 'q3'))
      const one = await exec(itemStats({ questionId: 'q2' }, page))
      expect(one.items).toEqual(expectFor(built.rounds, (id) => id === 'q2'))
    }
    // The groups really split: q1 is not answered alike by the best and the worst.
    const q1 = (await exec(itemStats({ roundId: built.rounds[0] }))).items.find((i) => i.questionId === 'q1')!
    expect(q1.upperFacility).not.toBeNull()
    expect(q1.discrimination).not.toBe(0)
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { finalTop, predictionTruthSql, rankInDatabase } from '../../api/services/final-ranking'
import { runSqlite } from '../../db/sqlite-runner'
import { lockRanking } from '../helpers/final-ranking'
import { predictionTruth } from '../../api/rules/prediction'
import { rankAttempts } from '../../api/rules/ranking'
import type { PredictionTarget, RankedAttempt, TiebreakKey } from '../../api/rules/types'
import { memoryDb } from '../helpers/db'

type Gen = { people: { dq: boolean; attempts: { score: number; dur: number; end: number; prediction: number | null; expired: boolean }[] }[] }

const attempt = fc.record({
  score: fc.integer({ min: 0, max: 4 }), dur: fc.integer({ min: 1, max: 5 }), end: fc.integer({ min: 0, max: 6 }),
  prediction: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }), expired: fc.boolean(),
})
const round = fc.record({ people: fc.array(fc.record({ dq: fc.boolean(), attempts: fc.array(attempt, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 25 }) })
const tiebreaks = fc.shuffledSubarray(['prediction', 'duration', 'submittedAt'] as TiebreakKey[])
const targets = fc.constantFrom<PredictionTarget>('participants', 'perfect_scores', 'attempts')

// Writes a round straight into SQLite; small value ranges make ties on every key common.
function seed(g: Gen) {
  const db = memoryDb()
  const c = db.$client
  c.exec(`INSERT INTO contests (id, slug, title, status, one_prize_per_person, created_at) VALUES ('c', 'c', 'c', 'published', 0, 0)`)
  c.exec(`INSERT INTO rounds (id, contest_id, number, title, opens_at, closes_at, question_count, time_limit_sec, blueprint, prediction_enabled, tiebreak, prizes, unit_prizes, grace_sec)
    VALUES ('r', 'c', 1, 'r', 0, 1, 4, 60, '[]', 1, '[]', '[]', '[]', 0)`)
  const person = c.prepare(`INSERT INTO participants (id, full_name, name_folded, date_of_birth, phone, password_hash, consent_at, consent_version, created_at) VALUES (?, 'x', 'x', '1990-01-01', ?, 'h', 0, 'v', 0)`)
  const insert = c.prepare(`INSERT INTO attempts (id, round_id, participant_id, number, status, started_at, deadline_at, submitted_at, ended_at, prediction, score, max_score, correct_count, finish_seq)
    VALUES (@id, 'r', @pid, @number, @status, @started, 1000, @submitted, @ended, @prediction, @score, 4, @score, @fs)`)
  const expected: (RankedAttempt & { status: string })[] = []
  let fs = 0
  g.people.forEach((p, i) => {
    const pid = `p${i}`
    person.run(pid, `09${String(i).padStart(8, '0')}`)
    if (p.dq) c.prepare(`INSERT INTO disqualifications (round_id, participant_id, reason, by, at) VALUES ('r', ?, 'x', 'j', 0)`).run(pid)
    p.attempts.forEach((a, n) => {
      const ended = 100 + a.end * 10
      const started = ended - a.dur * 10
      const prediction = a.expired ? null : a.prediction
      const seq = Number(insert.run({ id: `${pid}-${n}`, pid, number: n + 1, status: a.expired ? 'expired' : 'submitted', started, submitted: a.expired ? null : ended, ended, prediction, score: a.score, fs: ++fs }).lastInsertRowid)
      expected.push({ attemptSeq: seq, participantId: pid, score: a.score, maxScore: 4, durationMs: ended - started, endedAt: ended, prediction, status: 'done' })
    })
  })
  const dq = new Set(g.people.flatMap((p, i) => (p.dq ? [`p${i}`] : [])))
  return { db, all: expected, dq }
}

describe('the final ranking written by SQLite', () => {
  it('agrees with the pure rules on random rounds: best attempts, every tie-break order, prediction truth', () => {
    fc.assert(fc.property(round, tiebreaks, targets, fc.boolean(), (g, tiebreak, target, predictionOn) => {
      const { db, all, dq } = seed(g)
      const truth = predictionOn ? predictionTruthSql(db, 'r', target) : null
      if (predictionOn) expect(truth).toBe(predictionTruth(target, all, dq))
      const ranking = lockRanking(db, 'r', tiebreak, predictionOn ? target : null)
      expect(ranking.truth).toBe(truth)
      // The program PostgreSQL runs ranks alike (one SQL text; the worker streams it from SQLite's file).
      expect(runSqlite(db, rankInDatabase({ roundId: 'r', contestId: '', tiebreak, target: predictionOn ? target : null }))).toEqual(ranking)
      const n = ranking.seqs.length
      const keys = truth == null ? tiebreak.filter((k) => k !== 'prediction') : tiebreak
      const want = rankAttempts(all.filter((a) => !dq.has(a.participantId)), keys, truth)
      const got = db.$client.prepare("SELECT rank, participant_id AS participantId, attempt_seq AS attemptSeq, prediction_error AS predictionError FROM final_standings WHERE round_id = 'r' ORDER BY rank").all()
      expect(n).toBe(want.length)
      expect(got).toEqual(want.map((w) => ({ rank: w.rank, participantId: w.participantId, attemptSeq: w.attemptSeq, predictionError: w.predictionError })))
      expect(runSqlite(db, finalTop('r', 0, 3))).toEqual(want.slice(0, 3).map((w) => ({ participantId: w.participantId, rank: w.rank, score: w.score })))
    }), { numRuns: 300 })
  })
})

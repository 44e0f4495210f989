import type { Db } from '../../db/client'
import { memoryDb } from './db'

export type Finish = { person: number; score: number; dur: number }

// A published contest straight in SQLite: two units, the given rounds (duration tie-break, score out of 4),
// `people` participants p0… spread over the units by `unitOf`, and finish(), which appends a submitted
// attempt to the finish log the way the server does. For tests of what follows that log (boards, totals).
export function finishLog(rounds: string[], people: number, unitOf: (i: number) => 'u1' | 'u2'): { db: Db; finish: (roundId: string, f: Finish) => void } {
  const db = memoryDb()
  const c = db.$client
  c.exec(`INSERT INTO contests (id, slug, title, status, one_prize_per_person, created_at) VALUES ('c', 'c', 'c', 'published', 0, 0)`)
  c.exec(`INSERT INTO units (id, contest_id, code, name, parent_id, headcount) VALUES ('u1', 'c', 'U1', 'Chi bộ Một', NULL, 10), ('u2', 'c', 'U2', 'Chi bộ Hai', NULL, 10)`)
  const round = c.prepare(`INSERT INTO rounds (id, contest_id, number, title, opens_at, closes_at, question_count, time_limit_sec, blueprint, prediction_enabled, tiebreak, prizes, unit_prizes, grace_sec)
    VALUES (?, 'c', ?, ?, 0, 1, 4, 60, '[]', 0, '["duration"]', '[]', '[]', 0)`)
  rounds.forEach((id, i) => round.run(id, i + 1, id))
  const person = c.prepare(`INSERT INTO participants (id, full_name, name_folded, date_of_birth, phone, password_hash, consent_at, consent_version, created_at) VALUES (?, 'x', 'x', '1990-01-01', ?, 'h', 0, 'v', 0)`)
  const unit = c.prepare(`INSERT INTO participant_units (participant_id, contest_id, unit_id) VALUES (?, 'c', ?)`)
  for (let i = 0; i < people; i++) {
    person.run(`p${i}`, `09${String(i).padStart(8, '0')}`)
    unit.run(`p${i}`, unitOf(i))
  }
  const insert = c.prepare(`INSERT INTO attempts (id, round_id, participant_id, number, status, started_at, deadline_at, submitted_at, ended_at, score, max_score, correct_count, finish_seq)
    VALUES (@id, @round, @pid, @number, 'submitted', 0, 1000, @dur, @dur, @score, 4, @score, (SELECT coalesce(max(finish_seq), 0) + 1 FROM attempts))`)
  let n = 0
  return { db, finish: (roundId, f) => { n++; insert.run({ id: `a${n}`, round: roundId, pid: `p${f.person}`, number: n, dur: f.dur, score: f.score }) } }
}

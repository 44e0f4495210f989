import { prepared, type Db } from '../../db/client'
import type { StandingsEntry } from '../schemas/wire'
import { judgeFlags } from './judge-flags'
import { boardFor } from './round-board'
import { getRoundRow, roundView } from './rounds'

type PersonRow = { id: string; full_name: string; date_of_birth: string; phone: string; unit_id: string | null; unit_name: string | null }
export type StandingsPage = { limit: number; offset: number }

const PERSON = `SELECT p.id, p.full_name, p.date_of_birth, p.phone, pu.unit_id, u.name AS unit_name FROM participants p
  LEFT JOIN participant_units pu ON pu.participant_id = p.id AND pu.contest_id = ? LEFT JOIN units u ON u.id = pu.unit_id`

// The judges' view: live and unfrozen; the ranked first, then the disqualified (rank 0), each with flags.
export function judgeStandings(db: Db, roundId: string, now: number, page: StandingsPage = { limit: 1000, offset: 0 }) {
  const round = getRoundRow(db, roundId)
  const board = boardFor(db, round, null)
  const flags = judgeFlags(db, round, board)
  const byRow = prepared(db, `${PERSON} WHERE p.rowid = ?`)
  const entries: StandingsEntry[] = board.list.slice(page.offset, page.limit).map((pr, i) => {
    const e = board.entry(pr)
    const p = byRow.get(round.contestId, pr) as PersonRow
    return {
      rank: page.offset + i + 1, participantId: p.id, fullName: p.full_name, unitId: p.unit_id ?? '', unitName: p.unit_name ?? '',
      score: e.score, maxScore: e.maxScore, durationMs: e.durationMs, dateOfBirth: p.date_of_birth, phone: p.phone, disqualified: false, flags: flags.get(p.id) ?? [],
    }
  })
  const out = disqualifiedEntries(db, round.id, round.contestId)
  const from = Math.max(0, page.offset - board.list.size)
  for (const d of out.slice(from, from + page.limit - entries.length)) entries.push({ ...d, flags: flags.get(d.participantId) ?? [] })
  return { round: roundView(round, now), total: board.list.size + out.length, entries }
}

// Each disqualified person with their best finished attempt by score, then duration.
export function disqualifiedEntries(db: Db, roundId: string, contestId: string): Omit<StandingsEntry, 'flags'>[] {
  const rows = prepared(db, `SELECT d.participant_id, d.reason,
      (SELECT a.seq FROM attempts a WHERE a.round_id = d.round_id AND a.participant_id = d.participant_id AND a.status != 'in_progress'
        ORDER BY a.score DESC, a.ended_at - a.started_at, a.seq LIMIT 1) AS best
    FROM disqualifications d WHERE d.round_id = ? ORDER BY d.at`).all(roundId) as { participant_id: string; reason: string; best: number | null }[]
  const attempt = prepared(db, 'SELECT score, max_score, ended_at - started_at AS dur FROM attempts WHERE seq = ?')
  const person = prepared(db, `${PERSON} WHERE p.id = ?`)
  return rows.map((r) => {
    const a = (r.best == null ? undefined : attempt.get(r.best)) as { score: number; max_score: number; dur: number } | undefined
    const p = person.get(contestId, r.participant_id) as PersonRow
    return {
      rank: 0, participantId: p.id, fullName: p.full_name, unitId: p.unit_id ?? '', unitName: p.unit_name ?? '', score: a?.score ?? 0, maxScore: a?.max_score ?? 0,
      durationMs: a?.dur ?? 0, dateOfBirth: p.date_of_birth, phone: p.phone, disqualified: true, disqualifyReason: r.reason,
    }
  })
}

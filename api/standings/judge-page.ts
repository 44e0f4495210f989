import { prepared, type Db } from '../../db/client'
import { predictionError, roundSortKeys, sqlOrderBy } from '../rules/ranking'
import type { StandingsEntry } from '../schemas/wire'
import { predictionTruthSql } from '../services/final-ranking'
import { roundStatus, roundView, type RoundRow } from '../services/round-view'
import { judgeFlags } from './judge-flags'
import { livePlaces, lockedPage, type Placed } from './pages'
import type { Parts } from './parts'
import type { RoundBoard } from './round-board'

type PersonRow = { id: string; full_name: string; date_of_birth: string; phone: string; unit_id: string | null; unit_name: string | null }
export type StandingsPage = { limit: number; offset: number }

const PERSON = `SELECT p.id, p.full_name, p.date_of_birth, p.phone, pu.unit_id, u.name AS unit_name FROM participants p
  LEFT JOIN participant_units pu ON pu.participant_id = p.id AND pu.contest_id = ? LEFT JOIN units u ON u.id = pu.unit_id`

// The judges' view. Before finalize: the live, unfrozen order, and once the round has closed each entry's
// prediction error against the truth as it stands. After finalize: the locked ranking, the same order as
// the public board, the results files and the prizes. The ranked first, then the disqualified (rank 0),
// each with flags.
export function judgePage(parts: Parts, round: RoundRow, now: number, page: StandingsPage = { limit: 1000, offset: 0 }) {
  const { db } = parts
  const live = parts.boards.get(round, null)
  const flags = judgeFlags(db, round, live)
  const final = round.finalizedAt != null
  let ranked: Placed[]
  let size: number
  if (final) {
    const locked = lockedPage(parts, round, page.offset, page.limit)
    ranked = locked.rows
    size = locked.total
  } else {
    const truth = round.predictionEnabled && round.predictionTarget && roundStatus(round, now) === 'closed' ? truthOf(db, round, live) : null
    ranked = livePlaces(live, live.list.slice(page.offset, page.limit).map((pr, i) => ({ pr, rank: page.offset + i + 1 })))
      .map((p) => ({ ...p, predictionError: predictionError(live.entry(p.pr).prediction, truth) }))
    size = live.list.size
  }
  const byRow = prepared(db, `${PERSON} WHERE p.rowid = ?`)
  const entries: StandingsEntry[] = ranked.map((r) => {
    const p = byRow.get(round.contestId, r.pr) as PersonRow
    return {
      rank: r.rank, participantId: p.id, fullName: p.full_name, unitId: p.unit_id ?? '', unitName: p.unit_name ?? '', score: r.score, maxScore: r.maxScore, durationMs: r.durationMs,
      predictionError: r.predictionError ?? null, dateOfBirth: p.date_of_birth, phone: p.phone, disqualified: false, flags: flags.get(p.id) ?? [],
    }
  })
  const out = disqualifiedEntries(db, round)
  const from = Math.max(0, page.offset - size)
  for (const d of out.slice(from, from + page.limit - entries.length)) entries.push({ ...d, flags: flags.get(d.participantId) ?? [] })
  return { round: roundView(round, now), final, total: size + out.length, entries }
}

// The prediction truth as it stands, counted once per state of the live board (a scan of the round's
// attempts: a second at 900,000 on a slow machine, too much for every judge's refresh).
const truths = new WeakMap<RoundBoard, { version: number; truth: number }>()
function truthOf(db: Db, round: RoundRow, live: RoundBoard): number {
  const hit = truths.get(live)
  if (hit && hit.version === live.version) return hit.truth
  const truth = predictionTruthSql(db, round.id, round.predictionTarget!)
  truths.set(live, { version: live.version, truth })
  return truth
}

// Each disqualified person with their best finished attempt by the round's provisional order.
export function disqualifiedEntries(db: Db, round: RoundRow): Omit<StandingsEntry, 'flags'>[] {
  const order = sqlOrderBy(roundSortKeys(round.tiebreak, false), { score: 'a.score', durationMs: '(a.ended_at - a.started_at)', endedAt: 'a.ended_at', attemptSeq: 'a.seq' })
  const rows = prepared(db, `SELECT d.participant_id, d.reason,
      (SELECT a.seq FROM attempts a WHERE a.round_id = d.round_id AND a.participant_id = d.participant_id AND a.status != 'in_progress'
        ORDER BY ${order} LIMIT 1) AS best
    FROM disqualifications d WHERE d.round_id = ? ORDER BY d.at`).all(round.id) as { participant_id: string; reason: string; best: number | null }[]
  const attempt = prepared(db, 'SELECT score, max_score, ended_at - started_at AS dur FROM attempts WHERE seq = ?')
  const person = prepared(db, `${PERSON} WHERE p.id = ?`)
  return rows.map((r) => {
    const a = (r.best == null ? undefined : attempt.get(r.best)) as { score: number; max_score: number; dur: number } | undefined
    const p = person.get(round.contestId, r.participant_id) as PersonRow
    return {
      rank: 0, participantId: p.id, fullName: p.full_name, unitId: p.unit_id ?? '', unitName: p.unit_name ?? '', score: a?.score ?? 0, maxScore: a?.max_score ?? 0,
      durationMs: a?.dur ?? 0, dateOfBirth: p.date_of_birth, phone: p.phone, disqualified: true, disqualifyReason: r.reason,
    }
  })
}

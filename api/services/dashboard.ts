import { all, type Program } from '../../db/program'
import { HANOI_OFFSET_MS, iso } from '../lib/time'
import { unitStatsFromDirect, type UnitDirect } from '../rules/units'
import type { ContestDashboard, DashboardDay, DashboardUnit } from '../schemas/dashboard'
import { listUnitRows } from '../standings/unit-names'
import { contestRow } from './contests'
import { roundRow, roundStatus } from './round-view'
import { behindFirst, hanoiDay, unitDepths } from '../rules/units-behind'

// Hà Nội is UTC+7 all year: a day is [local midnight, next local midnight). Bound as BigInt so that
// SQLite divides as integers (better-sqlite3 binds JS numbers as REAL).
const OFFSET = BigInt(HANOI_OFFSET_MS)
const DAY = BigInt(86_400_000)
const dayOf = (col: string) => `(${col} + ?) / ?`

// A participant counts for a unit once they have a finished attempt in some round of the contest in
// which they are not disqualified (SPEC §5, units), as on the contest's units board.
const TOOK = `a.status != 'in_progress' AND NOT EXISTS (SELECT 1 FROM disqualifications d WHERE d.round_id = a.round_id AND d.participant_id = a.participant_id)`

// Everything the contest's dashboard shows, each figure one aggregate query: nothing loops over people.
export function* contestDashboard(contestId: string, now: number): Program<ContestDashboard> {
  const contest = yield* contestRow(contestId)
  return {
    contest: { id: contest.id, title: contest.title },
    days: yield* perDay(contestId),
    units: yield* perUnit(contestId),
    rounds: yield* perRound(contestId, now),
  }
}

// Registrations (a person's account creation, for the people placed in this contest) and attempts
// started and finished, per Hà Nội day.
function* perDay(contestId: string): Program<DashboardDay[]> {
  const regs = yield* all<{ d: number; n: number }>(`SELECT ${dayOf('p.created_at')} AS d, count(*) AS n FROM participants p
    JOIN participant_units pu ON pu.participant_id = p.id WHERE pu.contest_id = ? GROUP BY 1`, OFFSET, DAY, contestId)
  const started = yield* all<{ d: number; n: number }>(`SELECT ${dayOf('a.started_at')} AS d, count(*) AS n FROM attempts a
    JOIN rounds r ON r.id = a.round_id WHERE r.contest_id = ? GROUP BY 1`, OFFSET, DAY, contestId)
  const finished = yield* all<{ d: number; n: number }>(`SELECT ${dayOf('a.ended_at')} AS d, count(*) AS n FROM attempts a
    JOIN rounds r ON r.id = a.round_id WHERE r.contest_id = ? AND a.status != 'in_progress' GROUP BY 1`, OFFSET, DAY, contestId)
  const days = new Map<number, DashboardDay>()
  const at = (d: number) => {
    let day = days.get(d)
    if (!day) days.set(d, (day = { day: hanoiDay(d), registrations: 0, attemptsStarted: 0, attemptsFinished: 0 }))
    return day
  }
  for (const r of regs) at(Number(r.d)).registrations = Number(r.n)
  for (const r of started) at(Number(r.d)).attemptsStarted = Number(r.n)
  for (const r of finished) at(Number(r.d)).attemptsFinished = Number(r.n)
  return [...days.entries()].sort((a, b) => a[0] - b[0]).map(([, d]) => d)
}

// Participation per unit, rolled up the tree (units × depth in JS, people only in SQL), furthest behind first.
function* perUnit(contestId: string): Program<DashboardUnit[]> {
  const units = yield* listUnitRows(contestId)
  const took = yield* all<{ unitId: string; n: number }>(`SELECT pu.unit_id AS "unitId", count(DISTINCT a.participant_id) AS n FROM attempts a
    JOIN rounds r ON r.id = a.round_id JOIN participant_units pu ON pu.participant_id = a.participant_id AND pu.contest_id = r.contest_id
    WHERE r.contest_id = ? AND ${TOOK} GROUP BY pu.unit_id`, contestId)
  const registered = yield* all<{ unitId: string; n: number }>(`SELECT unit_id AS "unitId", count(*) AS n FROM participant_units
    WHERE contest_id = ? GROUP BY unit_id`, contestId)
  const direct = new Map<string, UnitDirect>(took.map((r) => [r.unitId, { participants: Number(r.n), attempts: 0, scoreSum: 0, perfect: 0 }]))
  const regDirect = new Map<string, UnitDirect>(registered.map((r) => [r.unitId, { participants: Number(r.n), attempts: 0, scoreSum: 0, perfect: 0 }]))
  const regs = new Map(unitStatsFromDirect(units, regDirect).map((s) => [s.unitId, s.participants]))
  const depth = unitDepths(units)
  return behindFirst(unitStatsFromDirect(units, direct).map((s) => ({
    unitId: s.unitId, unitName: s.unitName, parentId: s.parentId, depth: depth.get(s.unitId) ?? 0,
    registered: regs.get(s.unitId) ?? 0, participants: s.participants, headcount: s.headcount, participationRate: s.participationRate,
  })))
}

// Each round: its state and window, attempts started and finished, distinct participants (finished, not
// disqualified) and the mean of their best scores.
function* perRound(contestId: string, now: number): Program<ContestDashboard['rounds']> {
  const ids = yield* all<{ id: string }>('SELECT id FROM rounds WHERE contest_id = ? ORDER BY number', contestId)
  const counts = new Map((yield* all<{ roundId: string; attempts: number; finished: number }>(`SELECT a.round_id AS "roundId", count(*) AS attempts,
    sum(CASE WHEN a.status != 'in_progress' THEN 1 ELSE 0 END) AS finished FROM attempts a JOIN rounds r ON r.id = a.round_id
    WHERE r.contest_id = ? GROUP BY a.round_id`, contestId)).map((r) => [r.roundId, r]))
  const bests = new Map((yield* all<{ roundId: string; people: number; mean: number | null; maxScore: number | null }>(`SELECT b.round_id AS "roundId",
    count(*) AS people, avg(b.best) AS mean, max(b.top) AS "maxScore" FROM (
      SELECT a.round_id, a.participant_id, max(a.score) AS best, max(a.max_score) AS top FROM attempts a JOIN rounds r ON r.id = a.round_id
      WHERE r.contest_id = ? AND ${TOOK} GROUP BY a.round_id, a.participant_id) b GROUP BY b.round_id`, contestId)).map((r) => [r.roundId, r]))
  const out: ContestDashboard['rounds'] = []
  for (const { id } of ids) {
    const r = yield* roundRow(id)
    const c = counts.get(id)
    const b = bests.get(id)
    out.push({
      id, number: r.number, title: r.title, status: roundStatus(r, now), opensAt: iso(r.opensAt), closesAt: iso(r.closesAt),
      attempts: Number(c?.attempts ?? 0), finished: Number(c?.finished ?? 0), participants: Number(b?.people ?? 0),
      meanScore: b?.mean == null ? null : Math.round(Number(b.mean) * 100) / 100, maxScore: b?.maxScore == null ? null : Number(b.maxScore),
    })
  }
  return out
}

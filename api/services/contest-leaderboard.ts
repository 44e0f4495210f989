import { prepared, type Db } from '../../db/client'
import { notFound } from '../errors'
import { foldText } from '../lib/text'
import { rankUnits, unitStatsFromDirect, type UnitDirect } from '../rules/units'
import type { Leaderboard, LeaderboardEntry, UnitsLeaderboardEntry } from '../schemas/wire'
import { getContestRow } from './contests'
import { publicBoard, unitRows } from './leaderboards'
import { getRoundRow } from './rounds'

type Total = { pr: number; score: number; maxScore: number; durationMs: number; attempts: number; unitId: string }
const cache = new WeakMap<Db, Map<string, { key: string; totals: Total[] }>>()

// Sum of each round's best score per participant, ties by total duration (SPEC §5): finalized rounds from
// their locked standings, open ones from their public boards; cached until any of them changes.
function contestTotals(db: Db, contestId: string, now: number): Total[] {
  const contest = getContestRow(db, contestId)
  if (contest.status === 'draft') throw notFound('cuộc thi')
  const rounds = (prepared(db, 'SELECT id FROM rounds WHERE contest_id = ? ORDER BY number').all(contestId) as { id: string }[]).map((r) => getRoundRow(db, r.id))
  const live = rounds.filter((r) => r.finalizedAt == null).map((r) => publicBoard(db, r, now))
  const key = [...rounds.filter((r) => r.finalizedAt != null).map((r) => `${r.id}:f${r.finalizedAt}`), ...live.map((b) => `${b.round.id}:${b.epoch}:${b.version}`)].join('|')
  let perDb = cache.get(db)
  if (!perDb) cache.set(db, (perDb = new Map()))
  const hit = perDb.get(contestId)
  if (hit && hit.key === key) return hit.totals
  const totals = new Map<number, Total>()
  const add = (pr: number, e: { score: number; maxScore: number; durationMs: number; attempts: number; unitId: string }) => {
    const t = totals.get(pr)
    if (t) Object.assign(t, { score: t.score + e.score, maxScore: t.maxScore + e.maxScore, durationMs: t.durationMs + e.durationMs, attempts: t.attempts + e.attempts })
    else totals.set(pr, { pr, ...e })
  }
  for (const r of rounds.filter((x) => x.finalizedAt != null)) {
    const rows = prepared(db, `SELECT p.rowid AS pr, a.score, a.max_score, a.ended_at - a.started_at AS dur, coalesce(pu.unit_id, '') AS unit_id,
        (SELECT count(*) FROM attempts x WHERE x.round_id = f.round_id AND x.participant_id = f.participant_id AND x.status != 'in_progress') AS n
      FROM final_standings f JOIN attempts a ON a.seq = f.attempt_seq JOIN participants p ON p.id = f.participant_id
      LEFT JOIN participant_units pu ON pu.participant_id = p.id AND pu.contest_id = ? WHERE f.round_id = ?`)
      .iterate(contestId, r.id) as IterableIterator<{ pr: number; score: number; max_score: number; dur: number; unit_id: string; n: number }>
    for (const x of rows) add(x.pr, { score: x.score, maxScore: x.max_score, durationMs: x.dur, attempts: x.n, unitId: x.unit_id })
  }
  for (const board of live) for (const pr of board.list) add(pr, board.entry(pr))
  const list = [...totals.values()].sort((a, b) => b.score - a.score || a.durationMs - b.durationMs || a.pr - b.pr)
  perDb.set(contestId, { key, totals: list })
  return list
}

function entryOf(db: Db, contestId: string, t: Total, rank: number): LeaderboardEntry {
  const p = prepared(db, `SELECT p.id, p.full_name, u.name AS unit_name FROM participants p LEFT JOIN units u ON u.id = ? WHERE p.rowid = ?`).get(t.unitId, t.pr) as { id: string; full_name: string; unit_name: string | null }
  return { rank, participantId: p.id, fullName: p.full_name, unitId: t.unitId, unitName: p.unit_name ?? '', score: t.score, maxScore: t.maxScore, durationMs: t.durationMs }
}

export function contestLeaderboard(db: Db, contestId: string, now: number, page: { limit: number; offset: number; q?: string }): Leaderboard {
  const totals = contestTotals(db, contestId, now)
  let ranked = totals.map((t, i) => ({ t, rank: i + 1 }))
  if (page.q?.trim()) {
    const needle = foldText(page.q.trim())
    const units = new Map((unitRows(db, contestId)).map((u) => [u.id, foldText(u.name)]))
    const names = new Map((prepared(db, `SELECT p.rowid AS pr, p.name_folded FROM participants p JOIN participant_units pu ON pu.participant_id = p.id AND pu.contest_id = ?`)
      .all(contestId) as { pr: number; name_folded: string }[]).map((r) => [r.pr, r.name_folded]))
    ranked = ranked.filter(({ t }) => (names.get(t.pr) ?? '').includes(needle) || (units.get(t.unitId) ?? '').includes(needle))
  }
  return { contest: { id: contestId }, total: ranked.length, entries: ranked.slice(page.offset, page.offset + page.limit).map(({ t, rank }) => entryOf(db, contestId, t, rank)) }
}

export function contestUnitsLeaderboard(db: Db, contestId: string, now: number, parentId?: string): UnitsLeaderboardEntry[] {
  const direct = new Map<string, UnitDirect>()
  for (const t of contestTotals(db, contestId, now)) {
    let d = direct.get(t.unitId)
    if (!d) direct.set(t.unitId, (d = { participants: 0, attempts: 0, scoreSum: 0, perfect: 0 }))
    d.participants++
    d.attempts += t.attempts
    d.scoreSum += t.score
    d.perfect += t.maxScore > 0 && t.score === t.maxScore ? 1 : 0
  }
  const ranked = rankUnits(unitStatsFromDirect(unitRows(db, contestId), direct))
  return parentId ? ranked.filter((u) => u.parentId === parentId) : ranked
}

import { all, get, type Program } from '../../db/program'
import type { Store } from '../../db/store'
import { conflict, notFound } from '../errors'
import type { UnitReportRow, UnitsReport } from '../pdf/units-pdf'
import { dateTimeVn } from '../pdf/vn-format'
import type { UnitsLeaderboardEntry } from '../schemas/wire'
import type { Standings } from '../standings/standings'
import { contestRow } from './contests'
import { auditMark, notFinalized } from './printed-results'
import { roundRow } from './round-view'

// The units board's entries (every unit, subtree figures rolled up) in tree order: each unit under its
// parent, siblings in the board's order and ranked 1…n among themselves (a unit is never ranked against
// its ancestors). With `rootId`, that unit's subtree alone, its root at depth 0.
export function unitReportRows(entries: readonly UnitsLeaderboardEntry[], codes: ReadonlyMap<string, string>, rootId?: string): UnitReportRow[] {
  const children = new Map<string | null, UnitsLeaderboardEntry[]>()
  const known = new Set(entries.map((e) => e.unitId))
  for (const e of [...entries].sort((a, b) => a.rank - b.rank)) {
    const parent = e.parentId != null && known.has(e.parentId) ? e.parentId : null
    if (!children.has(parent)) children.set(parent, [])
    children.get(parent)!.push(e)
  }
  const out: UnitReportRow[] = []
  const visit = (e: UnitsLeaderboardEntry, depth: number, rank: number) => {
    out.push({ depth, rank, code: codes.get(e.unitId) ?? '', name: e.unitName, participants: e.participants, headcount: e.headcount, participationRate: e.participationRate, attempts: e.attempts, meanScore: e.meanScore, perfectScores: e.perfectScores })
    ;(children.get(e.unitId) ?? []).forEach((c, i) => visit(c, depth + 1, i + 1))
  }
  if (rootId) {
    const root = entries.find((e) => e.unitId === rootId)
    if (!root) throw notFound('đơn vị')
    visit(root, 0, 1)
  } else {
    ;(children.get(null) ?? []).forEach((e, i) => visit(e, 0, i + 1))
  }
  return out
}

export function* unitCodes(contestId: string): Program<Map<string, string>> {
  return new Map((yield* all<{ id: string; code: string }>('SELECT id, code FROM units WHERE contest_id = ?', contestId)).map((u) => [u.id, u.code]))
}

const SCOPE_NOTE = 'Số liệu mỗi đơn vị gồm cả các đơn vị trực thuộc; hạng xếp giữa các đơn vị cùng cấp.'

// A finalized round's units report (409 before), from the units board of its official results.
export async function roundUnitsReport(store: Store, standings: Standings, roundId: string, now: number, unitId?: string): Promise<UnitsReport & { contestId: string }> {
  const round = await store.read(roundRow(roundId))
  if (round.finalizedAt == null) throw notFinalized()
  const contest = await store.read(contestRow(round.contestId))
  const entries = await standings.roundUnits(roundId, now, {})
  return {
    contestId: contest.id, title: 'BÁO CÁO KẾT QUẢ THEO ĐƠN VỊ', subtitle: `${contest.title} – Đợt ${round.number}: ${round.title}`,
    note: `Kết quả chính thức, chốt lúc ${dateTimeVn(round.finalizedAt)}. ${SCOPE_NOTE}`,
    rows: unitReportRows(entries, await store.read(unitCodes(contest.id)), unitId), audit: await store.read(auditMark()), printedAt: now,
  }
}

// The contest's units report, every round counted as the contest's units board counts them; printable
// once a round is finalized.
export async function contestUnitsReport(store: Store, standings: Standings, contestId: string, now: number, unitId?: string): Promise<UnitsReport> {
  const contest = await store.read(contestRow(contestId))
  const finalized = await store.read(get('SELECT id FROM rounds WHERE contest_id = ? AND finalized_at IS NOT NULL LIMIT 1', contestId))
  if (!finalized) throw conflict('Cuộc thi chưa có đợt nào chốt kết quả: báo cáo theo đơn vị chỉ in được sau khi chốt.')
  const entries = await standings.contestUnits(contestId, now, {})
  return {
    title: 'BÁO CÁO KẾT QUẢ THEO ĐƠN VỊ', subtitle: contest.title, note: `Số liệu toàn cuộc thi (mọi đợt) tính đến ${dateTimeVn(now)}. ${SCOPE_NOTE}`,
    rows: unitReportRows(entries, await store.read(unitCodes(contestId)), unitId), audit: await store.read(auditMark()), printedAt: now,
  }
}

import { all, type Program } from '../../db/program'
import type { AliasedRow } from '../../db/row-types'
import type { participants, participantUnits, rounds } from '../../db/schema'
import { notFound } from '../errors'
import { iso, isoOrNull } from '../lib/time'
import { foldText } from '../lib/text'
import { currentRound } from '../rules/current-round'
import type { MembersQuery } from '../schemas/coordinators'
import type { ContestRoundBrief, UnitMember, UnitMembersPage } from '../schemas/wire'
import { subtreeOf, type CoordinatorScope } from './coordinator-scope'
import { roundStatus } from './round-view'

export type ContestRound = ContestRoundBrief
type RoundRaw = Pick<AliasedRow<typeof rounds>, 'id' | 'number' | 'title' | 'opensAt' | 'closesAt' | 'finalizedAt'>
// finished, bestScore, maxScore and lastEnd are computed over the person's finished attempts in the round.
type MemberRow = Pick<AliasedRow<typeof participantUnits>, 'participantId' | 'unitId'> & Pick<AliasedRow<typeof participants>, 'fullName'>
  & { finished: number; bestScore: number | null; maxScore: number | null; lastEnd: number | null }

// Units per statement: far under both stores' limits on bound parameters.
const UNITS_PER_READ = 500
const collator = new Intl.Collator('vi', { sensitivity: 'base' })
// Vietnamese lists go by the given name (the last word), then the whole name: "Trần Văn An" before "Lê Bình".
const givenName = (full: string) => full.trim().split(/\s+/).pop() ?? ''
const byName = (a: string, b: string) => collator.compare(givenName(a), givenName(b)) || collator.compare(a, b)

export function* contestRounds(contestId: string, now: number): Program<{ rounds: ContestRound[]; current: ContestRound | null }> {
  const raw = yield* all<RoundRaw>(`SELECT id, number, title, opens_at AS "opensAt", closes_at AS "closesAt", finalized_at AS "finalizedAt"
    FROM rounds WHERE contest_id = ? ORDER BY number`, contestId)
  const rounds = raw.map((r) => ({ id: r.id, number: r.number, title: r.title, opensAt: iso(r.opensAt), closesAt: iso(r.closesAt), status: roundStatus(r, now) }))
  const current = currentRound(raw, now)
  return { rounds, current: rounds.find((r) => r.id === current?.id) ?? null }
}

// The round asked for (it must be the contest's), else the contest's current round.
export function chooseRound(rounds: ContestRound[], current: ContestRound | null, roundId: string | undefined): ContestRound | null {
  if (roundId === undefined) return current
  const round = rounds.find((r) => r.id === roundId)
  if (!round) throw notFound('đợt thi này trong cuộc thi')
  return round
}

export function* pickRound(contestId: string, roundId: string | undefined, now: number): Program<ContestRound | null> {
  const { rounds, current } = yield* contestRounds(contestId, now)
  return chooseRound(rounds, current, roundId)
}

// took: a finished (submitted or expired) attempt in the round; bestScore: the highest such score.
function* readMembers(contestId: string, unitIds: string[], roundId: string): Program<MemberRow[]> {
  const rows: MemberRow[] = []
  for (let i = 0; i < unitIds.length; i += UNITS_PER_READ) {
    const ids = unitIds.slice(i, i + UNITS_PER_READ)
    rows.push(...(yield* all<MemberRow>(`SELECT p.id AS "participantId", p.full_name AS "fullName", pu.unit_id AS "unitId",
        COUNT(a.seq) AS finished, MAX(a.score) AS "bestScore", MAX(a.max_score) AS "maxScore", MAX(a.ended_at) AS "lastEnd"
      FROM participant_units pu JOIN participants p ON p.id = pu.participant_id
      LEFT JOIN attempts a ON a.participant_id = pu.participant_id AND a.round_id = ? AND a.status <> 'in_progress'
      WHERE pu.contest_id = ? AND pu.unit_id IN (${ids.map(() => '?').join(', ')})
      GROUP BY p.id, p.full_name, pu.unit_id`, roundId, contestId, ...ids)))
  }
  return rows
}

export type MembersPage = UnitMembersPage

// The members of a unit's subtree with their part in the round; counts are of the whole subtree, the
// list is filtered (took, name with or without diacritics) and sorted as Vietnamese lists are.
export function* listUnitMembers(scope: CoordinatorScope, unitId: string, query: MembersQuery, now: number): Program<MembersPage> {
  const units = subtreeOf(scope, unitId)
  const round = yield* pickRound(scope.contestId, query.roundId, now)
  const names = new Map(units.map((u) => [u.id, u.name]))
  const rows = yield* readMembers(scope.contestId, units.map((u) => u.id), round?.id ?? '')
  const all: UnitMember[] = rows.map((r) => ({
    participantId: r.participantId, fullName: r.fullName, unitId: r.unitId, unitName: names.get(r.unitId) ?? '',
    took: Number(r.finished) > 0, bestScore: r.bestScore ?? null, maxScore: r.maxScore ?? null, lastFinishedAt: isoOrNull(r.lastEnd),
  }))
  const q = query.q?.trim() ? foldText(query.q.trim()) : ''
  const members = all
    .filter((m) => (query.took === undefined || m.took === (query.took === 'true')) && (!q || foldText(m.fullName).includes(q)))
    .sort((a, b) => byName(a.fullName, b.fullName) || collator.compare(a.unitName, b.unitName) || a.participantId.localeCompare(b.participantId))
  const root = units[0].id === unitId ? units[0] : units.find((u) => u.id === unitId)!
  return {
    round,
    unit: { id: root.id, code: root.code, name: root.name, headcount: root.effectiveHeadcount },
    counts: { total: all.length, took: all.filter((m) => m.took).length, headcount: root.effectiveHeadcount },
    members,
  }
}

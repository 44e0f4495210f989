import { isPerfect } from './scoring'
import { buildUnitTree, effectiveHeadcounts } from './unit-tree'
import type { UnitInput, UnitPerson, UnitStat } from './types'

export type { UnitInput, UnitPerson, UnitStat } from './types'
export type RankedUnit = UnitStat & { rank: number }

export type UnitDirect = { participants: number; attempts: number; scoreSum: number; perfect: number }
export type UnitShare = { attempts: number; bestScore: number; maxScore: number }

// Adds (sign 1) or takes away (-1) one person's share of the totals of the unit they are placed in: they
// count as a participant, with their attempts, their best score and whether it is perfect. Every board
// (round, contest, and the unitStats below) sums units through this one function.
export function shiftUnit(d: UnitDirect, person: UnitShare, sign: 1 | -1): void {
  d.participants += sign
  d.attempts += sign * person.attempts
  d.scoreSum += sign * person.bestScore
  d.perfect += sign * (isPerfect(person.bestScore, person.maxScore) ? 1 : 0)
}

// Figures roll up the whole subtree: one walk up each person's memoized ancestor chain,
// so the cost is people × depth, not people × units.
export function unitStats(units: UnitInput[], people: UnitPerson[]): UnitStat[] {
  const direct = new Map<string, UnitDirect>()
  for (const person of people) {
    let d = direct.get(person.unitId)
    if (!d) direct.set(person.unitId, (d = { participants: 0, attempts: 0, scoreSum: 0, perfect: 0 }))
    shiftUnit(d, person, 1)
  }
  return unitStatsFromDirect(units, direct)
}

// The same figures from per-unit totals of the people placed directly in each unit (kept up to date
// elsewhere), so a board of thousands of units over a million people costs units × depth.
export function unitStatsFromDirect(units: UnitInput[], direct: Map<string, UnitDirect>): UnitStat[] {
  const tree = buildUnitTree(units)
  const n = units.length
  const participants = new Float64Array(n)
  const attempts = new Float64Array(n)
  const scoreSum = new Float64Array(n)
  const perfect = new Float64Array(n)
  for (const [unitId, d] of direct) {
    const at = tree.index.get(unitId)
    if (at === undefined) continue
    for (const k of tree.ancestors[at]) {
      participants[k] += d.participants
      attempts[k] += d.attempts
      scoreSum[k] += d.scoreSum
      perfect[k] += d.perfect
    }
  }
  const headcounts = effectiveHeadcounts(units, tree)
  return units.map((u, i) => {
    const headcount = headcounts[i]
    const p = tree.parent[i]
    return {
      unitId: u.id,
      unitName: u.name,
      parentId: p === -1 ? null : units[p].id,
      participants: participants[i],
      headcount,
      participationRate: headcount != null && headcount > 0 ? participants[i] / headcount : null,
      attempts: attempts[i],
      meanScore: participants[i] > 0 ? scoreSum[i] / participants[i] : 0,
      perfectScores: perfect[i],
    }
  })
}

const vietnamese = new Intl.Collator('vi')

// Participation rate (units without one after all with one), then participants, then mean best score;
// name and id only make the order total.
export function compareUnits(a: UnitStat, b: UnitStat): number {
  if (a.participationRate !== b.participationRate) {
    if (a.participationRate == null) return 1
    if (b.participationRate == null) return -1
    return b.participationRate - a.participationRate
  }
  if (a.participants !== b.participants) return b.participants - a.participants
  if (a.meanScore !== b.meanScore) return b.meanScore - a.meanScore
  const byName = vietnamese.compare(a.unitName, b.unitName)
  if (byName !== 0) return byName
  return a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0
}

export function rankUnits(stats: UnitStat[]): RankedUnit[] {
  return stats
    .slice()
    .sort(compareUnits)
    .map((s, i) => ({ ...s, rank: i + 1 }))
}

// One level of the tree, ranked among itself: the children of a unit (or the roots, parentId null). A unit is
// compared only with its peers, never with its own ancestors or descendants. Takes a list in the unit order.
export function rankPeers<T extends { parentId: string | null; rank: number }>(ranked: T[], parentId: string | null): T[] {
  return ranked.filter((u) => u.parentId === parentId).map((u, i) => ({ ...u, rank: i + 1 }))
}

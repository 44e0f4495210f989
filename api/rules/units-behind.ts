import { buildUnitTree } from './unit-tree'
import type { UnitInput } from './types'

type Behind = { unitId: string; unitName: string; participants: number; participationRate: number | null }
const vietnamese = new Intl.Collator('vi')

// The units board's order turned round, for the organizer who chases the laggards: lowest participation
// rate first, then fewest participants; units without a headcount (no rate) still come last (SPEC §2).
export function compareBehind(a: Behind, b: Behind): number {
  if (a.participationRate !== b.participationRate) {
    if (a.participationRate == null) return 1
    if (b.participationRate == null) return -1
    return a.participationRate - b.participationRate
  }
  if (a.participants !== b.participants) return a.participants - b.participants
  return vietnamese.compare(a.unitName, b.unitName) || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0)
}

export const behindFirst = <T extends Behind>(units: T[]): T[] => units.slice().sort(compareBehind)

// How deep each unit sits in its tree: 0 for a root.
export function unitDepths(units: UnitInput[]): Map<string, number> {
  const tree = buildUnitTree(units)
  return new Map(units.map((u, i) => [u.id, tree.ancestors[i].length - 1]))
}

// A day number counted from the epoch in Hà Nội time, as "YYYY-MM-DD".
export const hanoiDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10)

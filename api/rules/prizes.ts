import type { PrizeRow } from './types'

export type PrizeAward = { name: string; participantId: string; rank: number }
export type UnitPrizeAward = { name: string; unitId: string; rank: number }

function allocate<T extends { rank: number }>(
  ranking: T[],
  table: PrizeRow[],
  idOf: (x: T) => string,
  skip: (id: string) => boolean,
  scoreOf: (x: T) => number = () => Infinity,
) {
  const awarded = new Set<string>()
  const out: { name: string; id: string; rank: number }[] = []
  const ordered = ranking.slice().sort((a, b) => a.rank - b.rank)
  let next = 0
  for (const row of table) {
    // An entry below the tier's minScore leaves the tier's remaining places empty; it may still take a lower tier.
    for (let given = 0; given < row.count && next < ordered.length; ) {
      const entry = ordered[next]
      const id = idOf(entry)
      if (awarded.has(id) || skip(id)) { next++; continue }
      if (row.minScore != null && scoreOf(entry) < row.minScore) break
      awarded.add(id)
      out.push({ name: row.name, id, rank: entry.rank })
      given++
      next++
    }
  }
  return out
}

// A participant in `excluded` (already a winner elsewhere, one prize per person) is passed over:
// the next in rank takes the place, so every table row fills while the ranking lasts and its minScore allows.
export function allocatePrizes(
  ranking: { participantId: string; rank: number; score: number }[],
  table: PrizeRow[],
  excluded: Set<string>,
): PrizeAward[] {
  return allocate(ranking, table, (r) => r.participantId, (id) => excluded.has(id), (r) => r.score).map(({ name, id, rank }) => ({
    name,
    participantId: id,
    rank,
  }))
}

export function allocateUnitPrizes(units: { unitId: string; rank: number }[], table: PrizeRow[]): UnitPrizeAward[] {
  return allocate(units, table, (u) => u.unitId, () => false).map(({ name, id, rank }) => ({ name, unitId: id, rank }))
}

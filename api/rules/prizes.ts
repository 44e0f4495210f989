import type { PrizeRow } from './types'

export type PrizeAward = { name: string; participantId: string; rank: number }
export type UnitPrizeAward = { name: string; unitId: string; rank: number }

// Expands the table into one slot name per prize, in table order (1 Nhất, 2 Nhì, …).
function prizeSlots(table: PrizeRow[]): string[] {
  const slots: string[] = []
  for (const row of table) for (let i = 0; i < row.count; i++) slots.push(row.name)
  return slots
}

function allocate<T extends { rank: number }>(ranking: T[], table: PrizeRow[], idOf: (x: T) => string, skip: (id: string) => boolean) {
  const slots = prizeSlots(table)
  const awarded = new Set<string>()
  const out: { name: string; id: string; rank: number }[] = []
  const ordered = ranking.slice().sort((a, b) => a.rank - b.rank)
  for (const entry of ordered) {
    if (out.length >= slots.length) break
    const id = idOf(entry)
    if (awarded.has(id) || skip(id)) continue
    awarded.add(id)
    out.push({ name: slots[out.length], id, rank: entry.rank })
  }
  return out
}

// A participant in `excluded` (already a winner elsewhere, one prize per person) is passed over:
// the next in rank takes the place, so every table row still fills while the ranking lasts.
export function allocatePrizes(
  ranking: { participantId: string; rank: number }[],
  table: PrizeRow[],
  excluded: Set<string>,
): PrizeAward[] {
  return allocate(ranking, table, (r) => r.participantId, (id) => excluded.has(id)).map(({ name, id, rank }) => ({
    name,
    participantId: id,
    rank,
  }))
}

export function allocateUnitPrizes(units: { unitId: string; rank: number }[], table: PrizeRow[]): UnitPrizeAward[] {
  return allocate(units, table, (u) => u.unitId, () => false).map(({ name, id, rank }) => ({ name, unitId: id, rank }))
}

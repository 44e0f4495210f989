import type { Unit } from '../../api/schemas/wire'
import { fold } from './fold'

// One unit in tree order: its depth, the names above it ("Tỉnh › Huyện"), and the members it stands for.
// `members` is its own headcount or, without one, the sum over its children (as the boards count it:
// api/rules/unit-tree.ts); `summed` says the figure was added up, null when nothing below has one.
export type UnitTreeRow = { unit: Unit; depth: number; path: string; folded: string; childCount: number; members: number | null; summed: boolean }

export function unitTreeRows(units: Unit[]): UnitTreeRow[] {
  const ids = new Set(units.map((u) => u.id))
  const children = new Map<string | null, Unit[]>()
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) && u.parentId !== u.id ? u.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), u])
  }
  const rows: UnitTreeRow[] = []
  const seen = new Set<string>()
  const walk = (parent: string | null, depth: number, trail: string[]): number | null => {
    let sum: number | null = null
    for (const u of children.get(parent) ?? []) {
      if (seen.has(u.id)) continue // a cycle in bad data: each unit once
      seen.add(u.id)
      const at = rows.length
      const kids = children.get(u.id) ?? []
      rows.push({ unit: u, depth, path: trail.join(' › '), folded: fold(`${u.name} ${u.code} ${trail.join(' ')}`), childCount: kids.length, members: u.headcount, summed: false })
      const below = walk(u.id, depth + 1, [...trail, u.name])
      if (u.headcount == null && below != null) rows[at] = { ...rows[at], members: below, summed: true }
      const own = rows[at].members
      if (own != null) sum = (sum ?? 0) + own
    }
    return sum
  }
  walk(null, 0, [])
  return rows
}

// Rows whose name, code or path hold every typed word (diacritics optional), with the units above each
// match kept so the tree still reads; the ids of the matches themselves come back too.
export function searchUnitRows(rows: UnitTreeRow[], query: string): { rows: UnitTreeRow[]; matched: Set<string> } {
  const words = fold(query).split(/\s+/).filter(Boolean)
  if (!words.length) return { rows, matched: new Set() }
  const parentOf = new Map(rows.map((r) => [r.unit.id, r.unit.parentId]))
  const matched = new Set(rows.filter((r) => words.every((w) => r.folded.includes(w))).map((r) => r.unit.id))
  const keep = new Set<string>()
  for (const id of matched) for (let cur: string | null | undefined = id; cur && !keep.has(cur); cur = parentOf.get(cur)) keep.add(cur)
  return { rows: rows.filter((r) => keep.has(r.unit.id)), matched }
}

// Rows left once the collapsed units hide their subtrees.
export function visibleUnitRows(rows: UnitTreeRow[], collapsed: Set<string>): UnitTreeRow[] {
  const out: UnitTreeRow[] = []
  let hideBelow = Infinity
  for (const r of rows) {
    if (r.depth > hideBelow) continue
    hideBelow = collapsed.has(r.unit.id) ? r.depth : Infinity
    out.push(r)
  }
  return out
}

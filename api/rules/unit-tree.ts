import type { UnitInput } from './types'

export type UnitTree = {
  index: Map<string, number> // unit id → position in the input list
  parent: Int32Array // effective parent position, -1 for a root
  ancestors: number[][] // each unit's chain: itself first, then up to its root
}

// Parent links are accepted in input order; a link to an unknown unit, or one that would close a cycle,
// is ignored (the unit becomes a root), so bad data never loops or double-counts.
export function buildUnitTree(units: UnitInput[]): UnitTree {
  const index = new Map<string, number>()
  units.forEach((u, i) => {
    if (!index.has(u.id)) index.set(u.id, i)
  })
  const parent = new Int32Array(units.length).fill(-1)
  units.forEach((u, i) => {
    const p = u.parentId == null ? undefined : index.get(u.parentId)
    if (p === undefined || index.get(u.id) !== i) return
    for (let k = p; k !== -1; k = parent[k]) if (k === i) return
    parent[i] = p
  })
  const ancestors: number[][] = new Array(units.length)
  const chainOf = (start: number): number[] => {
    const path: number[] = []
    let k = start
    while (k !== -1 && ancestors[k] === undefined) {
      path.push(k)
      k = parent[k]
    }
    // Fill memo from the top of the path down, reusing the chain above it.
    let above = k === -1 ? [] : ancestors[k]
    for (let n = path.length - 1; n >= 0; n--) {
      above = [path[n], ...above]
      ancestors[path[n]] = above
    }
    return ancestors[start]
  }
  for (let i = 0; i < units.length; i++) chainOf(i)
  return { index, parent, ancestors }
}

// A unit's own headcount counts for its whole subtree; without one, the sum of its children's effective
// headcounts, and null when no child has one either.
export function effectiveHeadcounts(units: UnitInput[], tree: UnitTree): (number | null)[] {
  const order = units.map((_, i) => i).sort((a, b) => tree.ancestors[b].length - tree.ancestors[a].length)
  const childSum: (number | null)[] = units.map(() => null)
  const result: (number | null)[] = units.map(() => null)
  for (const i of order) {
    result[i] = units[i].headcount ?? childSum[i]
    const p = tree.parent[i]
    if (p !== -1 && result[i] != null) childSum[p] = (childSum[p] ?? 0) + (result[i] ?? 0)
  }
  return result
}

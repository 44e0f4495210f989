import type { BlueprintRow, BlueprintShortfall, DrawCandidate } from './types'

export type DrawRow = { topic: string | null; tag: string | null; difficulty: number | null; count: number }

// An empty blueprint means "questionCount questions from the whole pool".
export function drawRows(blueprint: BlueprintRow[], questionCount: number): DrawRow[] {
  const rows = blueprint.length > 0 ? blueprint : [{ count: questionCount }]
  return rows.map((r) => ({ topic: r.topic ?? null, tag: r.tag ?? null, difficulty: r.difficulty ?? null, count: r.count }))
}

export function matchesRow(c: DrawCandidate, row: DrawRow): boolean {
  return (
    (row.topic == null || c.topic === row.topic) &&
    (row.tag == null || c.tags.includes(row.tag)) &&
    (row.difficulty == null || c.difficulty === row.difficulty)
  )
}

// Whether a round with this blueprint can draw the question at all.
export function canDraw(c: DrawCandidate, blueprint: BlueprintRow[], questionCount: number): boolean {
  return drawRows(blueprint, questionCount).some((row) => matchesRow(c, row))
}

// A question without a variant group is a group of its own; prefixes keep the two kinds apart.
export function groupKey(c: DrawCandidate): string {
  return c.group == null ? `q:${c.id}` : `g:${c.group}`
}

export function describeRow(row: DrawRow, index: number): string {
  const parts: string[] = []
  if (row.topic != null) parts.push(`chủ đề "${row.topic}"`)
  if (row.tag != null) parts.push(`thẻ "${row.tag}"`)
  if (row.difficulty != null) parts.push(`mức độ ${row.difficulty}`)
  return `Dòng ${index + 1} của cấu trúc đề (${parts.length > 0 ? parts.join(', ') : 'toàn bộ ngân hàng'})`
}

export class BlueprintShortfallError extends Error {
  constructor(readonly shortfall: BlueprintShortfall & { row: number }, description: string) {
    super(`${description} cần ${shortfall.needed} câu nhưng chỉ lấy được ${shortfall.available} câu.`)
  }
}

function overlapCount(mine: Set<string>, other: Set<string>): number {
  let n = 0
  for (const g of mine) if (other.has(g)) n++
  return n
}

// Rows draw in order, so a row can lose groups to earlier rows whose filters overlap it. We assume the
// worst case (every earlier row takes as many shared groups as it can): never "fillable" when a draw
// could fail, exact when rows do not overlap, conservative when they do.
export function checkBlueprint(pool: DrawCandidate[], blueprint: BlueprintRow[], questionCount: number): BlueprintShortfall[] {
  const rows = drawRows(blueprint, questionCount)
  const groupSets = rows.map((row) => new Set(pool.filter((c) => matchesRow(c, row)).map(groupKey)))
  const shortfalls: BlueprintShortfall[] = []
  rows.forEach((row, i) => {
    if (row.count <= 0) return
    const mine = groupSets[i]
    let taken = 0
    const shared = new Set<string>()
    for (let j = 0; j < i; j++) {
      taken += Math.min(Math.max(rows[j].count, 0), overlapCount(mine, groupSets[j]))
      for (const g of mine) if (groupSets[j].has(g)) shared.add(g)
    }
    const available = mine.size - Math.min(taken, shared.size)
    if (available < row.count) {
      shortfalls.push({ topic: row.topic, tag: row.tag, difficulty: row.difficulty, needed: row.count, available })
    }
  })
  return shortfalls
}

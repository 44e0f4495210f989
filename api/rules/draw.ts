import { BlueprintShortfallError, describeRow, drawRows, groupKey, matchesRow, type DrawRow } from './blueprint'
import { shuffled } from './random'
import type { BlueprintRow, DrawCandidate, RandomSource } from './types'

export { BlueprintShortfallError, checkBlueprint } from './blueprint'

// Lazy Fisher–Yates: yields a uniformly random order, spending random numbers only on what is consumed.
function* randomOrder<T>(items: T[], random: RandomSource): Generator<T> {
  const pool = items.slice()
  for (let i = 0; i < pool.length; i++) {
    const j = i + random.int(pool.length - i)
    const tmp = pool[i]
    pool[i] = pool[j]
    pool[j] = tmp
    yield pool[i]
  }
}

// Rows match the same candidates on every draw from one pool: computed once per pool (a new pool array
// comes with every bank change) and row, instead of scanning the whole bank for each row of each start.
// Each match carries its variant-group key, so a draw builds no strings.
type Match = { c: DrawCandidate; group: string }
const rowMatches = new WeakMap<DrawCandidate[], Map<string, Match[]>>()
function matching(pool: DrawCandidate[], row: DrawRow): Match[] {
  let perPool = rowMatches.get(pool)
  if (!perPool) rowMatches.set(pool, (perPool = new Map()))
  const key = `${row.topic ?? ''}|${row.tag ?? ''}|${row.difficulty ?? ''}`
  let list = perPool.get(key)
  if (!list) perPool.set(key, (list = pool.filter((c) => matchesRow(c, row)).map((c) => ({ c, group: groupKey(c) }))))
  return list
}

// Candidates not seen come first; among those, ones whose variant group the participant has not met
// either (a sibling asks the same fact). Seen questions only once the others run out.
export function drawQuestions(
  pool: DrawCandidate[],
  blueprint: BlueprintRow[],
  questionCount: number,
  seen: Set<string>,
  random: RandomSource,
): DrawCandidate[] {
  const seenGroups = new Set<string>()
  if (seen.size) for (const c of pool) if (seen.has(c.id)) seenGroups.add(groupKey(c))
  const usedIds = new Set<string>()
  const usedGroups = new Set<string>()
  const picked: DrawCandidate[] = []
  drawRows(blueprint, questionCount).forEach((row, index) => {
    if (row.count <= 0) return
    const tiers: Match[][] = [[], [], []]
    for (const m of matching(pool, row)) {
      if (usedIds.has(m.c.id) || usedGroups.has(m.group)) continue
      tiers[seen.has(m.c.id) ? 2 : seenGroups.has(m.group) ? 1 : 0].push(m)
    }
    let got = 0
    for (const tier of tiers) {
      for (const m of randomOrder(tier, random)) {
        if (got === row.count) break
        if (usedIds.has(m.c.id) || usedGroups.has(m.group)) continue
        usedIds.add(m.c.id)
        usedGroups.add(m.group)
        picked.push(m.c)
        got++
      }
    }
    if (got < row.count) {
      const shortfall = { row: index + 1, topic: row.topic, tag: row.tag, difficulty: row.difficulty, needed: row.count, available: got }
      throw new BlueprintShortfallError(shortfall, describeRow(row, index))
    }
  })
  return shuffled(picked, random)
}

// Display order of option keys: pinned options keep their index ("Cả A, B, C đều đúng" stays last),
// the others are shuffled among the remaining slots; true/false keeps Đúng before Sai.
export function shuffleOptions(
  options: { key: string; pinned?: boolean }[],
  type: 'single' | 'multiple' | 'true_false',
  random: RandomSource,
): string[] {
  if (type === 'true_false') return options.map((o) => o.key)
  const free = shuffled(
    options.filter((o) => !o.pinned).map((o) => o.key),
    random,
  )
  let next = 0
  return options.map((o) => (o.pinned ? o.key : free[next++]))
}

// Display letters go by position, whatever the stored option keys are: A, B, …, Z, AA, AB, …
export function displayKeys(n: number): string[] {
  const keys: string[] = []
  for (let i = 0; i < n; i++) {
    let label = ''
    for (let k = i; k >= 0; k = Math.floor(k / 26) - 1) label = String.fromCharCode(65 + (k % 26)) + label
    keys.push(label)
  }
  return keys
}

import type { RankedAttempt, TiebreakKey } from './types'

export type AttemptComparator = (a: RankedAttempt, b: RankedAttempt) => number
export type RankedEntry = RankedAttempt & { rank: number; predictionError: number | null }

// One key of an order: a field of the ranked thing, its direction, and (for prediction error) that a
// missing value sorts after every present one. Every implementation of a ranking (in memory, SQL,
// typed-array boards) is derived from these lists, so the rule is written once (SPEC §5).
export type SortField = 'score' | 'predictionError' | 'durationMs' | 'endedAt' | 'attemptSeq' | 'participantOrder'
export type SortKey = { field: SortField; descending: boolean; missingLast: boolean }

const key = (field: SortField, descending = false, missingLast = false): SortKey => ({ field, descending, missingLast })

// A round's order: score high to low, the round's tie-break keys in its chosen order, then start order so
// the order is total. Without a prediction truth (the provisional ranking) the prediction key is left out.
export function roundSortKeys(tiebreak: readonly TiebreakKey[], withPrediction: boolean): SortKey[] {
  const keys = [key('score', true)]
  for (const t of tiebreak) {
    if (t === 'prediction') {
      if (withPrediction) keys.push(key('predictionError', false, true))
    } else keys.push(key(t === 'duration' ? 'durationMs' : 'endedAt'))
  }
  keys.push(key('attemptSeq'))
  return keys
}

// The contest-wide order (SPEC §5): summed best score high to low, then summed duration, then the
// participant's registration order, so the order is total.
export const CONTEST_SORT_KEYS: SortKey[] = [key('score', true), key('durationMs'), key('participantOrder')]

// A comparator over anything whose fields can be read by name; null or NaN is a missing value.
export function comparatorFor<T>(keys: SortKey[], read: (item: T, field: SortField) => number | null): (a: T, b: T) => number {
  return (a, b) => {
    for (const k of keys) {
      const x = read(a, k.field)
      const y = read(b, k.field)
      const xMissing = x == null || Number.isNaN(x)
      const yMissing = y == null || Number.isNaN(y)
      if (xMissing || yMissing) {
        if (xMissing !== yMissing) return xMissing ? 1 : -1
        continue
      }
      if (x !== y) return k.descending ? y! - x! : x! - y!
    }
    return 0
  }
}

export type Columns = Partial<Record<SortField, ArrayLike<number>>>

// The same order over rows of column arrays (boards of a million people keep typed arrays, NaN for a
// missing value). The arrays are resolved once: build it again when the columns are replaced.
export function columnComparator(keys: SortKey[], columns: Columns): (a: number, b: number) => number {
  const cols = keys.map((k) => {
    const col = columns[k.field]
    if (!col) throw new Error(`no column for sort field ${k.field}`)
    return col
  })
  const descending = keys.map((k) => k.descending)
  return (a, b) => {
    for (let i = 0; i < cols.length; i++) {
      const x = cols[i][a]
      const y = cols[i][b]
      if (x === y) continue
      const xMissing = Number.isNaN(x)
      if (xMissing || Number.isNaN(y)) {
        if (xMissing && Number.isNaN(y)) continue
        return xMissing ? 1 : -1
      }
      return descending[i] ? y - x : x - y
    }
    return 0
  }
}

// The same order as SQL: `columns` names the expression for each field used.
export function sqlOrderBy(keys: SortKey[], columns: Partial<Record<SortField, string>>): string {
  return keys.flatMap((k) => {
    const col = columns[k.field]
    if (!col) throw new Error(`no column for sort field ${k.field}`)
    return [...(k.missingLast ? [`(${col} IS NULL)`] : []), `${col}${k.descending ? ' DESC' : ''}`]
  }).join(', ')
}

export function predictionError(prediction: number | null, truth: number | null): number | null {
  return prediction == null || truth == null ? null : Math.abs(prediction - truth)
}

function attemptField(a: RankedAttempt, field: SortField, truth: number | null): number | null {
  if (field === 'participantOrder') throw new Error('a round ranks attempts, not participants')
  return field === 'predictionError' ? predictionError(a.prediction, truth) : a[field]
}

export function compareAttempts(tiebreak: readonly TiebreakKey[], truth: number | null): AttemptComparator {
  return comparatorFor(roundSortKeys(tiebreak, truth != null), (a: RankedAttempt, f) => attemptField(a, f, truth))
}

// Per participant, the attempt that ranks first among their own; participants in first-seen order.
export function bestAttempts(attempts: RankedAttempt[], cmp: AttemptComparator): RankedAttempt[] {
  const best = new Map<string, RankedAttempt>()
  for (const attempt of attempts) {
    const current = best.get(attempt.participantId)
    if (!current || cmp(attempt, current) < 0) best.set(attempt.participantId, attempt)
  }
  return [...best.values()]
}

export function rankAttempts(attempts: RankedAttempt[], tiebreak: readonly TiebreakKey[], truth: number | null): RankedEntry[] {
  const cmp = compareAttempts(tiebreak, truth)
  return bestAttempts(attempts, cmp)
    .sort(cmp)
    .map((a, i) => ({ ...a, rank: i + 1, predictionError: predictionError(a.prediction, truth) }))
}

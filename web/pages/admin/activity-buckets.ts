import type { ActivityBucket as Bucket } from '../../../api/schemas/wire'

// Hà Nội is UTC+7 all year: day buckets start at local midnight, as the server aligns them.
const HANOI_OFFSET_MS = 7 * 3600_000

// Buckets lined up on multiples of the bucket size (in Hà Nội time) and merged, in time order. The server
// already sends them so; doing it here too keeps the chart right if it ever sends raw instants.
export function alignBuckets(buckets: Bucket[], bucketMinutes: number): Bucket[] {
  const step = bucketMinutes * 60_000
  const byTime = new Map<number, Bucket>()
  for (const b of buckets) {
    const t = Math.floor((Date.parse(b.at) + HANOI_OFFSET_MS) / step) * step - HANOI_OFFSET_MS
    const seen = byTime.get(t)
    byTime.set(t, { at: new Date(t).toISOString(), started: (seen?.started ?? 0) + b.started, finished: (seen?.finished ?? 0) + b.finished })
  }
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([, b]) => b)
}

// The server lists only buckets that saw activity; a chart needs the quiet ones too, as zeros.
// Past `max` buckets the gaps stay unfilled rather than drawing thousands of empty bars.
export function fillBuckets(buckets: Bucket[], bucketMinutes: number, max = 500): Bucket[] {
  const aligned = alignBuckets(buckets, bucketMinutes)
  if (aligned.length < 2) return aligned
  const step = bucketMinutes * 60_000
  const first = Date.parse(aligned[0].at)
  const last = Date.parse(aligned[aligned.length - 1].at)
  if ((last - first) / step + 1 > max) return aligned
  const byTime = new Map(aligned.map((b) => [Date.parse(b.at), b]))
  const out: Bucket[] = []
  for (let t = first; t <= last; t += step) out.push(byTime.get(t) ?? { at: new Date(t).toISOString(), started: 0, finished: 0 })
  return out
}

export const activityTotals = (buckets: Bucket[]) =>
  buckets.reduce((s, b) => ({ started: s.started + b.started, finished: s.finished + b.finished }), { started: 0, finished: 0 })

// Days given as "YYYY-MM-DD" with the quiet ones between them filled in as zeros (up to `max` days).
export function fillDays<T extends { day: string }>(days: T[], zero: (day: string) => T, max = 400): T[] {
  if (days.length < 2) return days
  const at = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000
  const first = at(days[0].day)
  const last = at(days[days.length - 1].day)
  if (last - first + 1 > max) return days
  const byDay = new Map(days.map((d) => [d.day, d]))
  const out: T[] = []
  for (let n = first; n <= last; n++) {
    const day = new Date(n * 86_400_000).toISOString().slice(0, 10)
    out.push(byDay.get(day) ?? zero(day))
  }
  return out
}

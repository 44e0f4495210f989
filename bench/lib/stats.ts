export type Summary = { n: number; p50: number; p95: number; p99: number; max: number; mean: number }

// Exact percentiles from every recorded value (nearest rank), not from a histogram.
export function summarize(values: number[]): Summary {
  if (!values.length) return { n: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN }
  const s = Float64Array.from(values).sort()
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]
  let sum = 0
  for (const v of s) sum += v
  return { n: s.length, p50: at(50), p95: at(95), p99: at(99), max: s[s.length - 1], mean: sum / s.length }
}

// A row of the results table and how its milliseconds are written: shared by the report and the
// side-by-side table it ends with.

// One line of the results table. met: true / false, or null when the row has no target.
export type Row = {
  scenario: string; store?: string; what: string; settings?: string; n?: number
  p50?: number; p95?: number; p99?: number; rps?: number; ratio?: number
  bare?: number // throughput as a ratio to the bare node:http ceiling measured just before
  server?: string; rssMb?: number; cpu?: string; target?: string; met?: boolean | null; value?: string
}

export function ms(v: number | undefined): string {
  if (v == null || Number.isNaN(v)) return ''
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)
}

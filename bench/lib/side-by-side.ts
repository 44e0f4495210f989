import { ms, type Row } from './row'

// The closing comparison: each measure taken on more than one server group (SQLite, pg, pg×3), one column
// per group, with its throughput (and ratio to that group's own /api/health), p99 and CPU split.
export function sideBySide(rows: Row[]): string {
  const stores = [...new Set(rows.map((r) => r.store ?? ''))]
  if (stores.length < 2) return ''
  const measures = new Map<string, Map<string, Row>>()
  for (const r of rows) {
    const key = `${r.scenario} | ${r.what}`
    const m = measures.get(key) ?? new Map<string, Row>()
    measures.set(key, m.set(r.store ?? '', r))
  }
  const head = `| # | measure | ${stores.map((s) => s || 'SQLite').join(' | ')} |`
  const sep = '|' + ' --- |'.repeat(stores.length + 2)
  const lines = [...measures].filter(([, m]) => m.size > 1)
    .map(([key, m]) => `| ${key} | ${stores.map((s) => (m.has(s) ? cell(m.get(s)!) : '')).join(' | ')} |`)
  return ['Side by side (each ratio against the same group\'s /api/health):', '', head, sep, ...lines].join('\n')
}

function cell(r: Row): string {
  const parts: string[] = []
  if (r.rps != null) parts.push(`${Math.round(r.rps).toLocaleString('en-US')}/s${r.ratio != null && r.ratio !== 1 ? ` (${r.ratio.toFixed(2)}${r.bare != null ? `; ${r.bare.toFixed(2)} of bare` : ''})` : ''}`)
  if (r.p99 != null) parts.push(`p99 ${ms(r.p99)} ms`)
  if (r.rps == null && r.value) parts.push(r.value)
  if (r.met === false) parts.push('**NOT MET**')
  return parts.join(', ') + (r.cpu ? `<br>${r.cpu}` : '')
}

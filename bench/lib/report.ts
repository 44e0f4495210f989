import { execSync } from 'node:child_process'
import { appendFileSync, existsSync, writeFileSync } from 'node:fs'
import { cpus, release, totalmem } from 'node:os'
import type { LoadResult } from './load'
import { ROOT } from './server'
import { ms, type Row } from './row'
import { sideBySide } from './side-by-side'

export type { Row }

export class Report {
  rows: Row[] = []
  notes: string[] = []
  readonly commit = commit() // at the start: the tree may change while a long run goes on
  store = '' // the server group rows and notes are added for now: '' (SQLite), 'pg', 'pg×3'
  constructor(public mode: 'quick' | 'full') {}

  add(row: Row): Row {
    row.store ??= this.store
    this.rows.push(row)
    const flag = row.met == null ? '' : row.met ? '  [met]' : '  [NOT MET]'
    console.log(`  · ${label(row)} ${row.what}: ${describe(row)}${flag}`)
    return row
  }

  note(text: string) {
    const line = this.store ? `${this.store}: ${text}` : text
    this.notes.push(line)
    console.log(`  note: ${line}`)
  }

  markdown(): string {
    const head = '| # | measure | settings | n | p50 ms | p95 ms | p99 ms | req/s | ratio to bare | ratio to health | server time (Server-Timing) or value | peak RSS MB | CPU over the phase | target | result |'
    const sep = '|' + ' --- |'.repeat(15)
    const lines = this.rows.map((r) => `| ${[
      label(r), r.what, r.settings ?? '', r.n ?? '', ms(r.p50), ms(r.p95), ms(r.p99), r.rps == null ? '' : Math.round(r.rps).toLocaleString('en-US'),
      r.bare == null ? '' : r.bare.toFixed(2), r.ratio == null ? '' : r.ratio.toFixed(2), r.server ?? r.value ?? '', r.rssMb == null || Number.isNaN(r.rssMb) ? '' : Math.round(r.rssMb), r.cpu ?? '', r.target ?? '',
      r.met == null ? '' : r.met ? 'met' : '**NOT MET**',
    ].join(' | ')} |`)
    return [head, sep, ...lines].join('\n')
  }

  sideBySide(): string {
    return sideBySide(this.rows)
  }

  // Appends the run (date, commit, machine, mode, table, notes) to bench/RESULTS.md.
  save(elapsedSec: number) {
    const file = `${ROOT}bench/RESULTS.md`
    if (!existsSync(file)) {
      writeFileSync(file, '# Benchmark results\n\n`npm run bench` (full) and `npm run bench -- --quick` append a section here. Throughputs are compared with a bare `node:http` server and with the same server\'s `/api/health`, both measured in the same run with the same autocannon settings; the generator runs on the same machine.\n')
    }
    const missed = this.rows.filter((r) => r.met === false)
    const text = [
      '', `## ${new Date().toISOString()} — ${this.mode}`, '',
      `- commit: ${this.commit}`, `- machine: ${machine()}`, `- run time: ${Math.round(elapsedSec)} s`, '',
      this.markdown(), '', ...(this.sideBySide() ? [this.sideBySide(), ''] : []),
      missed.length ? `Targets not met: ${missed.map((r) => `${label(r)} ${r.what}`).join('; ')}.` : 'Every target with a row above is met.',
      '', ...this.notes.map((n) => `- ${n}`), '',
    ].join('\n')
    appendFileSync(file, text)
    return file
  }
}

const label = (r: Row) => (r.store ? `${r.scenario} ${r.store}` : r.scenario)

function describe(r: Row): string {
  const parts: string[] = []
  if (r.n != null) parts.push(`n=${r.n}`)
  if (r.p50 != null) parts.push(`p50 ${ms(r.p50)} p95 ${ms(r.p95)} p99 ${ms(r.p99)} ms`)
  if (r.rps != null) parts.push(`${Math.round(r.rps)} req/s`)
  if (r.bare != null) parts.push(`${r.bare.toFixed(2)} of bare`)
  if (r.ratio != null) parts.push(`ratio ${r.ratio.toFixed(2)}`)
  if (r.server) parts.push(`server ${r.server}`)
  if (r.value) parts.push(r.value)
  if (r.rssMb != null) parts.push(`RSS ${Math.round(r.rssMb)} MB`)
  if (r.cpu) parts.push(r.cpu)
  return parts.join(', ')
}

export function fromLoad(r: LoadResult): Pick<Row, 'n' | 'p50' | 'p95' | 'p99' | 'rps'> {
  return { n: r.ok, p50: r.latency.p50, p95: r.latency.p95, p99: r.latency.p99, rps: r.rps }
}

export const serverText = (r: LoadResult) => (r.serverMs.n ? `p50 ${ms(r.serverMs.p50)} / p99 ${ms(r.serverMs.p99)} / max ${ms(r.serverMs.max)} ms` : '')

export function commit(): string {
  try {
    const sha = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim()
    const dirty = execSync('git status --porcelain --untracked-files=no', { cwd: ROOT }).toString().trim()
    return dirty ? `${sha} (with uncommitted changes)` : sha
  } catch { return 'unknown (not a git checkout)' }
}

export function machine(): string {
  const c = cpus()
  return `${c[0]?.model ?? 'cpu'} × ${c.length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Linux ${release()}, Node ${process.version}`
}

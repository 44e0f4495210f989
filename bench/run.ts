// npm run bench [-- --quick] [--keep] [--profile] [--store pg [--servers 3 | 1,3] [--pool N]]: the contest-day
// benchmark (see bench/README.md).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'
import { FULL, QUICK, otherLoad, type Ctx } from './lib/context'
import { outputNotes, startPgGroup, startSqliteGroup, type Group } from './lib/group'
import { BENCH_PG_SETTINGS, startBenchCluster, type BenchCluster } from './lib/pg'
import { Report } from './lib/report'
import { ROOT, startBare } from './lib/server'
import { bigRound, seedBigRound, type Big } from './scenarios/big-round'
import { coldStart } from './scenarios/cold-start'
import { deadlineRush } from './scenarios/deadline-rush'
import { fanout } from './scenarios/fanout'
import { importWhileServing } from './scenarios/import-health'
import { openingRush } from './scenarios/opening-rush'
import { reading } from './scenarios/reading'
import { setupContestDay, type Day } from './scenarios/setup'
import { taking } from './scenarios/taking'

const argv = process.argv.slice(2)
const args = new Set(argv)
const option = (name: string) => {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`))
  return i < 0 ? undefined : argv[i].includes('=') ? argv[i].slice(name.length + 1) : argv[i + 1]
}
const store = option('--store') ?? 'sqlite'
const serverCounts = (option('--servers') ?? '1').split(',').map(Number)
const pool = option('--pool') ? Number(option('--pool')) : undefined
// --only 1,3: those scenarios and what they rest on (setup always; 2 and 3 need the attempts 1 starts, 4 the
// board 3 fills, 6 the second attempts 4 starts, 7 the big round of 5; 2 runs only when asked for). Such a
// partial run prints its table and does not append it to RESULTS.md.
const only = option('--only')?.split(',')
const wanted = (...scenarios: string[]) => !only || scenarios.some((n) => only.includes(n))
if (!['sqlite', 'pg'].includes(store) || serverCounts.some((n) => !Number.isInteger(n) || n < 1 || n > 8) || (store === 'sqlite' && serverCounts.join() !== '1')
  || (pool !== undefined && !(Number.isInteger(pool) && pool >= 2 && pool <= 200)) || (only && !only.every((n) => /^[1-8]$/.test(n)))) {
  console.error('usage: bench/run.ts [--quick] [--keep] [--profile] [--store sqlite|pg] [--servers N[,N…]] [--pool N] [--only N[,N…]] (several servers need --store pg)')
  process.exit(2)
}
const quick = args.has('--quick')
const started = performance.now()
const tmp = mkdtempSync(join(tmpdir(), 'hoithi-bench-'))
const profileDir = args.has('--profile') ? join(tmp, 'profiles') : undefined
if (profileDir) mkdirSync(profileDir)
const log = (s: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${s}`)
// The servers run as `npm start` runs them, built (dist/server); the bare ceiling runs beside them all along.
log('building the server (vite build --mode server)')
await build({ configFile: `${ROOT}vite.config.ts`, mode: 'server', logLevel: 'warn' })
const ctx: Ctx = { cfg: quick ? QUICK : FULL, quick, report: new Report(quick ? 'quick' : 'full'), tmp, profileDir, log, bare: await startBare() }

// A failing step is written down as NOT MET with its error, and the run goes on where it can.
async function step(name: string, fn: () => Promise<unknown>) {
  log(`${name}${ctx.report.store ? ` (${ctx.report.store})` : ''}`)
  try {
    await fn()
  } catch (err) {
    ctx.report.add({ scenario: name.split(' ')[0], what: `${name}: failed`, value: String((err as Error).message ?? err).slice(0, 300).replace(/\|/g, '/').replace(/\s+/g, ' '), met: false })
  }
}

// Scenarios 0–4, 6 and 8 on one server group, its rows labelled with the group ('' for SQLite).
async function contestDay(label: string, start: () => Promise<Group>) {
  ctx.report.store = label
  let group: Group | null = null
  let day: Day | null = null
  try {
    await step('0 setup: fresh database, demo contest, registrations', async () => { group = await start(); day = await setupContestDay(ctx, group) })
    if (day) {
      const d: Day = day
      if (wanted('1', '2', '3', '4', '6')) await step('1 opening rush', () => openingRush(ctx, d))
      if (wanted('2')) await step('2 taking', () => taking(ctx, d))
      if (wanted('3', '4', '6')) await step('3 deadline rush', () => deadlineRush(ctx, d))
      if (wanted('4', '6')) await step('4 reading while taking', () => reading(ctx, d))
      if (wanted('6')) await step('6 fan-out', () => fanout(ctx, d))
      if (wanted('8')) await step('8 import while serving', () => importWhileServing(ctx, d.group.servers[0]))
    }
    const g = group as Group | null
    if (g) outputNotes(ctx, g)
  } finally {
    await (group as Group | null)?.stop()
    ctx.report.store = ''
  }
}

let big: Big | null = null
let cluster: BenchCluster | null = null
try {
  log(`hoithi bench, ${quick ? 'quick' : 'full'}${store === 'pg' ? `, SQLite then PostgreSQL with ${serverCounts.join(' and ')} server(s)` : ''}; scratch files in ${tmp}`)
  // The machine is shared: wait a while (full runs) for other jobs to go quiet, and write down what was left.
  let background = await otherLoad()
  for (let waited = 0; !quick && background > 0.25 && waited < 600; waited += 10) {
    if (waited === 0) log(`other processes use ${background.toFixed(2)} cores; waiting up to 10 min for a quieter machine`)
    background = await otherLoad(10_000)
  }
  if (quick) ctx.report.note('quick run: small sizes and 2 s phases; the targets are set for the full run, so met / NOT MET here is only indicative.')
  ctx.report.note(`background load from other processes when the run began: ${background.toFixed(2)} cores of ${cpus().length} (the CPU column shows it per phase).`)
  if (only) ctx.report.note(`only scenarios ${only.join(', ')} (--only).`)
  if (wanted('1', '2', '3', '4', '6', '8')) await contestDay('', () => startSqliteGroup(ctx))
  if (store === 'pg' && wanted('1', '2', '3', '4', '6', '8')) {
    await step('0 PostgreSQL: throwaway cluster', async () => { cluster = await startBenchCluster() })
    for (const n of cluster ? serverCounts : []) {
      const c: BenchCluster = cluster!
      await contestDay(n > 1 ? `pg×${n}` : 'pg', () => startPgGroup(ctx, c, n, pool))
      const errors = c.newLogLines()
      ctx.report.note(`PostgreSQL log over the ${n > 1 ? `pg×${n}` : 'pg'} part: ${errors.length} ERROR/FATAL/PANIC lines${errors.length ? `; first: ${errors[0].slice(0, 300)}` : ''}.`)
    }
    const settings = Object.entries(BENCH_PG_SETTINGS).map(([k, v]) => `${k}=${v}`).join(', ')
    ctx.report.note(`PostgreSQL parts: a throwaway cluster on the same machine (${settings}), a fresh database per server group, each server with a pool of ${pool ?? 10} connections${pool ? ' (--pool)' : ' (the default)'}. The CPU column adds PostgreSQL's processes; "server" sums the group's server processes; peak RSS is the largest of them.`)
    ctx.report.note('big round on PostgreSQL: not measured; bulk seeding into PostgreSQL not written (scenarios 5 and 7 run on SQLite only).')
  }
  if (wanted('5', '7')) await step('5 big round: create and bulk-seed', async () => { big = await seedBigRound(ctx) })
  if (big) {
    const b: Big = big
    if (wanted('5')) await step('5 big round: reads, finalize, XLSX', () => bigRound(ctx, b))
    if (wanted('7')) await step('7 cold start', () => coldStart(ctx, b))
    const rss = ctx.report.rows.filter((r) => r.rssMb != null && !Number.isNaN(r.rssMb) && r.what !== 'results XLSX' && r.scenario !== '8')
    const worst = rss.reduce((m, r) => (r.rssMb! > m.rssMb! ? r : m), rss[0])
    if (worst) ctx.report.add({ scenario: '—', what: 'server peak RSS, every phase but the XLSX', value: `${Math.round(worst.rssMb!)} MB in "${worst.scenario}${worst.store ? ` ${worst.store}` : ''} ${worst.what}"`, target: '≤ 300 MB', met: worst.rssMb! <= 300 })
    await b.server?.stop()
  }
} finally {
  await (big as Big | null)?.server?.stop()
  await ctx.bare.stop()
  ;(cluster as BenchCluster | null)?.stop()
  const elapsed = (performance.now() - started) / 1000
  console.log(`\n${ctx.report.markdown()}\n`)
  const side = ctx.report.sideBySide()
  if (side) console.log(`${side}\n`)
  if (only) log('--only: not appended to bench/RESULTS.md')
  else log(`appended to ${ctx.report.save(elapsed)}`)
  if (profileDir) log(`CPU profiles of the server processes: ${profileDir}`)
  if (!args.has('--keep')) {
    for (const f of ['day.db', 'day.db-wal', 'day.db-shm', 'big.db', 'big.db-wal', 'big.db-shm', 'requests.log']) rmSync(join(tmp, f), { force: true })
    if (!profileDir) rmSync(tmp, { recursive: true, force: true })
  }
}

// npm run bench [-- --quick] [--keep] [--profile]: the contest-day benchmark (see bench/README.md).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { FULL, QUICK, otherLoad, type Ctx } from './lib/context'
import { Report } from './lib/report'
import { bigRound, seedBigRound, type Big } from './scenarios/big-round'
import { coldStart } from './scenarios/cold-start'
import { deadlineRush } from './scenarios/deadline-rush'
import { fanout } from './scenarios/fanout'
import { importWhileServing } from './scenarios/import-health'
import { openingRush } from './scenarios/opening-rush'
import { reading } from './scenarios/reading'
import { setupContestDay, type Day } from './scenarios/setup'
import { taking } from './scenarios/taking'

const args = new Set(process.argv.slice(2))
const quick = args.has('--quick')
const started = performance.now()
const tmp = mkdtempSync(join(tmpdir(), 'hoithi-bench-'))
const profileDir = args.has('--profile') ? join(tmp, 'profiles') : undefined
if (profileDir) mkdirSync(profileDir)
const log = (s: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${s}`)
const ctx: Ctx = { cfg: quick ? QUICK : FULL, quick, report: new Report(quick ? 'quick' : 'full'), tmp, profileDir, log }

// A failing step is written down as NOT MET with its error, and the run goes on where it can.
async function step(name: string, fn: () => Promise<unknown>) {
  log(name)
  try {
    await fn()
  } catch (err) {
    ctx.report.add({ scenario: name.split(' ')[0], what: `${name}: failed`, value: String((err as Error).message ?? err).slice(0, 300).replace(/\|/g, '/').replace(/\s+/g, ' '), met: false })
  }
}

let day: Day | null = null
let big: Big | null = null
try {
  log(`hoithi bench, ${quick ? 'quick' : 'full'}; scratch files in ${tmp}`)
  // The machine is shared: wait a while (full runs) for other jobs to go quiet, and write down what was left.
  let background = await otherLoad()
  for (let waited = 0; !quick && background > 0.25 && waited < 600; waited += 10) {
    if (waited === 0) log(`other processes use ${background.toFixed(2)} cores; waiting up to 10 min for a quieter machine`)
    background = await otherLoad(10_000)
  }
  if (quick) ctx.report.note('quick run: small sizes and 2 s phases; the targets are set for the full run, so met / NOT MET here is only indicative.')
  ctx.report.note(`background load from other processes when the run began: ${background.toFixed(2)} cores of ${cpus().length} (the CPU column shows it per phase).`)
  await step('0 setup: fresh database, demo contest, registrations', async () => { day = await setupContestDay(ctx) })
  if (day) {
    const d: Day = day
    await step('1 opening rush', () => openingRush(ctx, d))
    await step('2 taking', () => taking(ctx, d))
    await step('3 deadline rush', () => deadlineRush(ctx, d))
    await step('4 reading while taking', () => reading(ctx, d))
    await step('6 fan-out', () => fanout(ctx, d))
    await step('8 import while serving', () => importWhileServing(ctx, d.server))
    await d.server.stop()
  }
  await step('5 big round: create and bulk-seed', async () => { big = await seedBigRound(ctx) })
  if (big) {
    const b: Big = big
    await step('5 big round: reads, finalize, XLSX', () => bigRound(ctx, b))
    await step('7 cold start', () => coldStart(ctx, b))
    const rss = ctx.report.rows.filter((r) => r.rssMb != null && !Number.isNaN(r.rssMb) && r.what !== 'results XLSX' && r.scenario !== '8')
    const worst = rss.reduce((m, r) => (r.rssMb! > m.rssMb! ? r : m), rss[0])
    if (worst) ctx.report.add({ scenario: '—', what: 'server peak RSS, every phase but the XLSX', value: `${Math.round(worst.rssMb!)} MB in "${worst.scenario} ${worst.what}"`, target: '≤ 300 MB', met: worst.rssMb! <= 300 })
    await b.server?.stop()
  }
} finally {
  await (day as Day | null)?.server.stop()
  await (big as Big | null)?.server?.stop()
  const elapsed = (performance.now() - started) / 1000
  console.log(`\n${ctx.report.markdown()}\n`)
  const file = ctx.report.save(elapsed)
  log(`appended to ${file}`)
  if (profileDir) log(`CPU profiles of the server processes: ${profileDir}`)
  if (!args.has('--keep')) {
    for (const f of ['day.db', 'day.db-wal', 'day.db-shm', 'big.db', 'big.db-wal', 'big.db-shm']) rmSync(join(tmp, f), { force: true })
    if (!profileDir) rmSync(tmp, { recursive: true, force: true })
  }
}

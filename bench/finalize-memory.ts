// node --import tsx bench/finalize-memory.ts [--db DIR] [--people N] [--items] [--no-build] [--runs N] [--env K=V]…
// The big round's finalize alone (scenario 5's "finalize" row), for working on its memory and time: seeds a
// round once into DIR (kept; pass the same --db again to reuse it), starts the built server on it, reads one
// board page (so the live board is in memory, as in the bench), then finalizes the round (again, on a reused
// database: each finalize writes a new generation) and prints the server's peak RSS (VmHWM, reset first),
// its RSS every 100 ms meanwhile, the time and the CPU; then the first board read after it (the locked
// board's fill) the same way. See bench/README.md, "The finalize's memory".
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'
import { FULL, phase, type Ctx } from './lib/context'
import { call, longRequest, signIn } from './lib/http'
import { Report } from './lib/report'
import { ROOT, startServer, type Server } from './lib/server'
import { seedBigRound } from './scenarios/big-round'

const argv = process.argv.slice(2)
const option = (name: string) => {
  const i = argv.indexOf(name)
  return i < 0 ? undefined : argv[i + 1]
}
const people = Number(option('--people') ?? FULL.big.people)
const runs = Number(option('--runs') ?? 1)
const env = Object.fromEntries(argv.flatMap((a, i) => (argv[i - 1] === '--env' ? [a.split(/=(.*)/s).slice(0, 2)] : [])))
const dir = option('--db') ?? mkdtempSync(join(tmpdir(), 'hoithi-finalize-'))
mkdirSync(dir, { recursive: true })
const log = (s: string) => console.log(s)
const sidecar = join(dir, 'big.json')

if (!argv.includes('--no-build')) {
  log('building the server (vite build --mode server)')
  await build({ configFile: `${ROOT}vite.config.ts`, mode: 'server', logLevel: 'warn' })
}

let roundId: string
if (existsSync(sidecar)) {
  roundId = (JSON.parse(readFileSync(sidecar, 'utf8')) as { roundId: string }).roundId
  log(`reusing ${dir} (round ${roundId})`)
} else {
  const big = { ...FULL.big, people, attempts: Math.round((people * 10) / 9), withItems: argv.includes('--items') }
  const ctx = { cfg: { ...FULL, big }, quick: false, report: new Report('full'), tmp: dir, log } as unknown as Ctx
  log(`seeding ${people} people into ${dir}${big.withItems ? '' : ' (attempts without their items: the finalize reads none)'}`)
  const seeded = await seedBigRound(ctx)
  await seeded.server?.stop()
  roundId = seeded.roundId
  writeFileSync(sidecar, JSON.stringify({ roundId }))
}

const server: Server = await startServer({ dbPath: join(dir, 'big.db'), seedDemo: false, logDir: dir, env })
try {
  const judge = await signIn(server.url, 'bench-judge', 'bench-judge-password')
  const lb = `/rounds/${roundId}/leaderboard?limit=50&offset=0`
  const mb = (x: number) => `${Math.round(x)} MB`
  const first = await phase(server, () => call(server.url, 'GET', lb))
  log(`first board read: ${first.value.ms.toFixed(0)} ms, peak ${mb(first.rssMb)}, RSS after ${mb(server.rssMb())}`)
  for (let r = 0; r < runs; r++) {
    const samples: number[] = []
    const timer = setInterval(() => samples.push(server.rssMb()), 100)
    const before = server.rssMb()
    const fin = await phase(server, () => longRequest(server.url, 'POST', `/admin/rounds/${roundId}/finalize`, judge, 900_000))
    clearInterval(timer)
    const f = fin.value
    log(`finalize: HTTP ${f.status} in ${(f.totalMs / 1000).toFixed(2)} s; RSS before ${mb(before)}, peak ${mb(fin.rssMb)}, after ${mb(server.rssMb())}; ${fin.cpu}`)
    if (f.status !== 200) log(f.text)
    log(`  RSS every 100 ms (MB): ${samples.map(Math.round).join(' ')}`)
    const locked = await phase(server, () => call(server.url, 'GET', lb))
    log(`first board read after it: ${locked.value.ms.toFixed(0)} ms, peak ${mb(locked.rssMb)}, RSS after ${mb(server.rssMb())}`)
  }
} finally {
  await server.stop()
  log(`database kept in ${dir} (reuse: --db ${dir})`)
}

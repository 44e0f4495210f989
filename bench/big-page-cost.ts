// node --import tsx bench/big-page-cost.ts --db DIR [--trees DIR,DIR…] [--reps N] [--judge]
// Random pages of a big finalized round, tree against tree: for each tree (this checkout by default; a
// `git worktree` of another commit, built there with `npx vite build --mode server`), its built server on
// DIR's database (seeded and finalized by bench/finalize-memory.ts --db DIR; started as bench/lib/server.ts
// starts it), then the first page, a wait
// until the locked board is in memory (five new deep pages in a row within 2 ms), and three windows of 10 s at 100
// connections: pages a second, the server's CPU a page, its peak RSS (VmHWM, reset per window). With
// --judge the judges' standings are read first, so the round's live board is in memory too, as after a
// live round. Trees run in turn, `--reps` times. See bench/README.md, "Pages as bytes".
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import autocannon from 'autocannon'
import { call, signIn } from './lib/http'
import { ROOT, startServer } from './lib/server'

const argv = process.argv.slice(2)
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined)
const dir = option('--db')
if (!dir) throw new Error('--db DIR: a database seeded and finalized by bench/finalize-memory.ts')
const { roundId } = JSON.parse(readFileSync(join(dir, 'big.json'), 'utf8')) as { roundId: string }
const trees = (option('--trees') ?? ROOT).split(',').map((t) => resolve(t))
const reps = Number(option('--reps') ?? 1)

async function measure(tree: string): Promise<string> {
  const server = await startServer({ dbPath: join(dir!, 'big.db'), seedDemo: false, logDir: mkdtempSync(join(tmpdir(), 'hoithi-page-cost-')), root: tree })
  try {
    const { url } = server
    const deadline = Date.now() + 600_000
    const waiting = (what: string) => {
      if (!server.alive()) throw new Error(`${tree}: the server exited:\n${server.output()}`)
      if (Date.now() > deadline) throw new Error(`${tree}: ${what} took over 10 minutes`)
      return new Promise((r) => setTimeout(r, 50))
    }
    if (argv.includes('--judge')) await call(url, 'GET', `/admin/rounds/${roundId}/standings?limit=50&offset=0`, { cookie: await signIn(url, 'bench-judge', 'bench-judge-password') })
    const page = (offset: number) => `/api/rounds/${roundId}/leaderboard?limit=50&offset=${offset}`
    const total = ((await (await fetch(url + page(0))).json()) as { total: number }).total
    const pages = Math.floor(total / 50)
    // In memory once five deep pages in a row, each asked for the first time (a page asked twice is cached),
    // answer within 2 ms: a page from SQLite meanwhile takes a few, or waits behind a step of the fill.
    const t0 = performance.now()
    for (let fast = 0; fast < 5; ) {
      const t = performance.now()
      await (await fetch(url + page(50 * Math.floor(Math.random() * pages)))).arrayBuffer()
      fast = performance.now() - t < 2 ? fast + 1 : 0
      if (!fast) await waiting('reading the locked board')
    }
    const out = [`locked board in memory ${((performance.now() - t0) / 1000).toFixed(1)} s after the first page`]
    for (let i = 0; i < 3; i++) {
      server.resetPeak()
      const c0 = server.cpuSec()
      const r = await autocannon({ url, connections: 100, duration: 10, requests: [{ setupRequest: (req: object) => ({ ...req, path: page(50 * Math.floor(Math.random() * pages)) }) }] })
      if (r.non2xx || r.errors || r.timeouts) throw new Error(`${tree}: ${r.non2xx} answers other than 2xx, ${r.errors} errors, ${r.timeouts} timeouts`)
      out.push(`${Math.round(r.requests.average)}/s ${(((server.cpuSec() - c0) * 1e6) / r.requests.total).toFixed(0)} µs ${server.peakRssMb().toFixed(0)} MB`)
    }
    return out.join(' | ')
  } finally {
    await server.stop()
  }
}

console.log(`board of round ${roundId} in ${dir}; per window: pages/s, server CPU a page, peak RSS`)
for (let rep = 0; rep < reps; rep++) for (const tree of trees) console.log(`${tree}: ${await measure(tree)}`)
process.exit(0)

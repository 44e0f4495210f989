// node --import tsx bench/inprocess-cost.ts [N] [--runs R] [--only a,b] [--trees DIR,DIR…] [--statements]
// CPU µs per request in this process, through the root app's fetch() with Requests built here (no socket, no HTTP
// parsing): the app's own cost, route by route. Each tree (this checkout by default; a `git worktree` of another
// commit for a before/after) gets its own app on a fresh SQLite file with the demo contest and 40 participants,
// and their runs are interleaved (R runs of N requests each, 50 in flight), so a machine's load moves both sides
// alike. --statements: each SQL text's time and count (better-sqlite3's get/all/run wrapped), for the first tree's
// modules. Routes: health, save, board, rank, attempt. bench/README.md, "Saves and ranks, second pass".
import Database from 'better-sqlite3'
import { getRequestListener } from '@hono/node-server'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { birthDate, personName, phoneOf, seeded } from './lib/people'

const argv = process.argv.slice(2)
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined)
const WITH_VALUE = ['--runs', '--only', '--trees']
const N = Number(argv.find((a, i) => /^\d+$/.test(a) && !WITH_VALUE.includes(argv[i - 1])) ?? 2000)
const RUNS = Number(option('--runs') ?? 5)
const only = option('--only')?.split(',')
const trees = (option('--trees') ?? join(import.meta.dirname, '..')).split(',').map((t) => resolve(t))
const H = 'http://127.0.0.1:3000'
// @hono/node-server's Request and Response classes, as the server uses them: loading the listener installs them.
getRequestListener(() => new Response(''))
const bindings = { incoming: { socket: { remoteAddress: '127.0.0.1' } } }

const statements = new Map<string, [number, number]>()
if (argv.includes('--statements')) {
  const Statement = Object.getPrototypeOf(new Database(':memory:').prepare('select 1'))
  for (const method of ['get', 'all', 'run']) {
    const original = Statement[method]
    Statement[method] = function (this: { source: string }, ...args: unknown[]) {
      const t = process.hrtime.bigint()
      try {
        return original.apply(this, args)
      } finally {
        const e = statements.get(this.source) ?? [0, 0]
        e[0] += Number(process.hrtime.bigint() - t)
        e[1]++
        statements.set(this.source, e)
      }
    }
  }
}

// Answers read loosely: the setup of a measurement, not the contract (tests check that).
type Json = any

async function setup(tree: string) {
  const load = (path: string) => import(`${tree}/${path}`)
  const { createApp } = await load('api/app.ts')
  const { createRoot } = await load('api/root.ts')
  const { loadEnv } = await load('api/env.ts')
  const { openDatabase } = await load('db/open-store.ts')
  const { seedDatabase } = await load('api/seed.ts')
  const big = '1000000000'
  const env = loadEnv({
    NODE_ENV: 'production', DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'hoithi-inproc-')), 'x.db'), SEED_DEMO: 'true', LOG_REQUESTS: 'true',
    ADMIN_USERNAME: 'bench-admin', ADMIN_PASSWORD: 'bench-admin-password-1', RATE_REGISTER_PER_MIN: big, RATE_SIGNIN_PER_MIN: big,
    RATE_START_PER_MIN: big, RATE_START_PER_PARTICIPANT_PER_MIN: big, RATE_SIGNIN_FAILS_PER_ID_PER_MIN: big,
  })
  const database = await openDatabase(env)
  const { app, deps } = createApp({ db: database.sqlite, env })
  const root = createRoot(app, join(tree, 'dist/web'))
  await seedDatabase(deps.store, env, deps.clock.now())
  async function call(method: string, path: string, body?: unknown, cookie?: string) {
    const headers = { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }
    const res = await root.fetch(new Request(`${H}/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), bindings)
    const text = await res.text()
    return { status: res.status, body: (text ? JSON.parse(text) : null) as Json, cookie: res.headers.get('set-cookie')?.split(';')[0] }
  }
  const contest = (await call('GET', '/contests')).body.contests.find((c: Json) => c.slug === 'dai-hoi-dang')
  const roundId: string = contest.rounds.find((r: Json) => r.status === 'open').id
  const leaves = (await call('GET', `/contests/${contest.id}/units`)).body.units.filter((u: Json) => u.headcount != null)
  const people: { cookie: string; attemptId: string }[] = []
  const rnd = seeded(7)
  for (let i = 0; i < 40; i++) {
    const r = await call('POST', '/participants', {
      fullName: personName(rnd), dateOfBirth: birthDate(rnd), phone: phoneOf(i, 1), unitId: leaves[i % leaves.length].id, password: 'mat-khau-thu-nghiem', consent: true,
    })
    if (r.status !== 201) throw new Error(`register: ${JSON.stringify(r.body)}`)
    const a = await call('POST', `/rounds/${roundId}/attempts`, {}, r.cookie)
    people.push({ cookie: r.cookie!, attemptId: a.body.attempt.id })
  }
  // Half submit (they have a rank), half keep answering.
  for (const p of people.slice(0, 20)) await call('POST', `/attempts/${p.attemptId}/submit`, { prediction: 1000 }, p.cookie)
  const answering = people.slice(20)
  let k = 0
  const routes: Record<string, () => Request> = {
    health: () => new Request(`${H}/api/health`),
    save: () => {
      const i = k++
      const p = answering[i % answering.length]
      return new Request(`${H}/api/attempts/${p.attemptId}/items/${(Math.floor(i / answering.length) % 20) + 1}`, {
        method: 'PUT', headers: { 'content-type': 'application/json', cookie: p.cookie }, body: i % 3 ? '{"choice":["A"]}' : '{"choice":["B"]}',
      })
    },
    board: () => new Request(`${H}/api/rounds/${roundId}/leaderboard?limit=50&offset=${50 * (k++ % 2)}`),
    rank: () => new Request(`${H}/api/rounds/${roundId}/leaderboard/me`, { headers: { cookie: people[k++ % 20].cookie } }),
    attempt: () => {
      const p = answering[k++ % answering.length]
      return new Request(`${H}/api/attempts/${p.attemptId}`, { headers: { cookie: p.cookie } })
    },
  }
  return { root, routes }
}

type App = Awaited<ReturnType<typeof setup>>
const apps: App[] = []
for (const tree of trees) apps.push(await setup(tree))

async function run(app: App, name: string, n: number) {
  let sent = 0
  const make = app.routes[name]
  const worker = async () => {
    while (sent < n) {
      sent++
      const res = await app.root.fetch(make(), bindings)
      if (res.status >= 300) throw new Error(`${name}: ${res.status} ${await res.text()}`)
      await res.arrayBuffer()
    }
  }
  await Promise.all(Array.from({ length: 50 }, worker))
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const report: string[] = []
for (const name of Object.keys(apps[0].routes).filter((n) => !only || only.includes(n))) {
  statements.clear()
  const cpu: number[][] = apps.map(() => [])
  for (const app of apps) await run(app, name, N) // warm-up
  for (let r = 0; r < RUNS; r++) {
    for (let i = 0; i < apps.length; i++) {
      const before = process.cpuUsage()
      await run(apps[i], name, N)
      const used = process.cpuUsage(before)
      cpu[i].push((used.user + used.system) / N)
    }
  }
  report.push(`${name.padEnd(8)} ` + cpu.map((xs, i) => `${trees[i]}: min ${Math.min(...xs).toFixed(1)} median ${median(xs).toFixed(1)} µs`).join(' | '))
  for (const [sql, [ns, n]] of [...statements].sort((a, b) => b[1][0] - a[1][0]).slice(0, 12)) {
    report.push(`    ${(ns / n / 1000).toFixed(1)} µs × ${n}  ${sql.replace(/\s+/g, ' ').slice(0, 140)}`)
  }
}
// The request log writes to stdout: the figures go to stderr, after it.
console.error(report.join('\n'))
process.exit(0)

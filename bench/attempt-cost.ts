// node --import tsx bench/attempt-cost.ts [N] [--statements] [--drop-index NAME[,NAME…]] [--budget MS] [--pragma P=V] [--root DIR]: the
// start and submit programs alone, in this process, on a fresh SQLite file with the demo contest: N people
// (default 3000, enrolled straight into the database) each start an attempt, then each submits it, 50 at a
// time through the group commit as the server runs them. Prints the process's CPU µs per start and per submit
// (no HTTP, no session, no JSON answer: what the service and the database cost) and how many jobs a batch held.
// --statements: wall µs per operation and count of each SQL text (noisy on a busy machine; the CPU figure is
// steadier). --drop-index: drops indexes after the migration, to weigh what an index costs the writes (an
// experiment: the queries that read it are not run here). --budget: the group commit's time budget per batch.
// --pragma: a SQLite setting to try (e.g. wal_autocheckpoint=10000), set after the connection's own.
// --root: the checkout to load the code from (a `git worktree` of another commit, for a before/after).
// bench/README.md, "Request path (issue #17)", start and submit.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const argv = process.argv.slice(2)
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined)
// N is the first number that is not an option's value (`--budget 20 3000` runs 3,000 people).
const WITH_VALUE = ['--drop-index', '--budget', '--pragma', '--root']
const N = Number(argv.find((a, i) => /^\d+$/.test(a) && !WITH_VALUE.includes(argv[i - 1])) ?? 3000)
const root = `${resolve(option('--root') ?? join(import.meta.dirname, '..'))}/`
const load = (path: string) => import(root + path)
const { openDb } = await load('db/client.ts')
const { migrateDb } = await load('db/migrate.ts')
const { createApp } = await load('api/app.ts')
const { loadEnv } = await load('api/env.ts')
const { seedDatabase } = await load('api/seed.ts')
const { enrollParticipant } = await load('api/services/participants.ts')
const { beginAttempt, finishByParticipant } = await load('api/services/attempts.ts')
const { all } = await load('db/program.ts')

type Stmt = Record<'run' | 'get' | 'all', (...a: unknown[]) => unknown>
const dir = mkdtempSync(join(tmpdir(), 'hoithi-attempt-cost-'))
const db = openDb(join(dir, 'cost.db'))
migrateDb(db)
const stats = new Map<string, { ms: number; n: number }>()
let timing = false
if (argv.includes('--statements')) {
  const prepare = db.$client.prepare.bind(db.$client)
  db.$client.prepare = (text: string) => {
    const st = prepare(text) as unknown as Stmt
    const key = text.replace(/\s+/g, ' ').slice(0, 110)
    for (const m of ['run', 'get', 'all'] as const) {
      const f = st[m].bind(st)
      st[m] = (...a: unknown[]) => {
        if (!timing) return f(...a)
        const t = performance.now()
        try {
          return f(...a)
        } finally {
          const e = stats.get(key) ?? { ms: 0, n: 0 }
          e.ms += performance.now() - t
          e.n++
          stats.set(key, e)
        }
      }
    }
    return st
  }
}
for (const name of option('--drop-index')?.split(',') ?? []) db.$client.exec(`DROP INDEX ${name}`)
if (option('--pragma')) db.$client.pragma(option('--pragma')!)
const env = loadEnv({ NODE_ENV: 'production', LOG_REQUESTS: 'false', ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'mat-khau-quan-tri-1', SEED_DEMO: 'true' })
const { deps } = createApp({ db, env })
const store = deps.store
if (option('--budget')) deps.writes.budgetMs = Number(option('--budget'))
await seedDatabase(store, env, Date.now())
const now = Date.now()
const [round] = await store.read(all(`SELECT r.id, r.contest_id AS "contestId" FROM rounds r JOIN contests c ON c.id = r.contest_id
  WHERE c.slug = 'dai-hoi-dang' AND r.opens_at <= ? AND r.closes_at > ?`, now, now))
const units: { id: string }[] = await store.read(all('SELECT id FROM units WHERE contest_id = ? AND id NOT IN (SELECT parent_id FROM units WHERE parent_id IS NOT NULL)', round.contestId))
const people: string[] = []
for (let i = 0; i < N; i++) {
  const person = { fullName: `Người ${i}`, dateOfBirth: '1990-01-01', phone: `09${10_000_000 + i}`, nationalId: null, position: null, unitId: units[i % units.length].id }
  people.push((await store.write(() => enrollParticipant(person, 'x', Date.now(), '127.0.0.1'))).id)
}

async function phase(name: string, op: (i: number) => Promise<unknown>) {
  stats.clear()
  timing = true
  const batches = deps.writes.batches
  const jobs = deps.writes.jobs
  const cpu = process.cpuUsage()
  let next = 0
  await Promise.all(Array.from({ length: 50 }, async () => {
    while (next < N) await op(next++)
  }))
  const used = process.cpuUsage(cpu)
  timing = false
  console.log(`${name}: ${((used.user + used.system) / N).toFixed(0)} µs CPU each, ${((deps.writes.jobs - jobs) / (deps.writes.batches - batches)).toFixed(1)} jobs a batch`)
  for (const [sql, { ms, n }] of [...stats].sort((a, b) => b[1].ms - a[1].ms)) console.log(`  ${((ms * 1000) / N).toFixed(0).padStart(5)} µs  ${(n / N).toFixed(1).padStart(5)}×  ${sql}`)
}

const ids: string[] = []
await phase('start', async (i) => { ids[i] = (await store.write(() => beginAttempt({ now: Date.now() }, people[i], round.id, '127.0.0.1'))).attempt.id })
await phase('submit', (i) => store.write(() => finishByParticipant({ now: Date.now() }, people[i], ids[i], 1000)))
db.$client.close()
rmSync(dir, { recursive: true, force: true })

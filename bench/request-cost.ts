// node --import tsx bench/request-cost.ts [N] [--profile] [--only NAME]: the server's own CPU time per request, route by route, beside
// the bare node:http ceiling's. Each server runs built (vite build --mode server) in its own process with
// request logging on; autocannon sends N requests of each kind (after a warm-up) on 50 connections, and the
// server's CPU time (/proc, user + system) over them is divided by N. CPU time, not throughput: a busy
// machine slows both sides but changes what one request costs the server much less, so a change to the
// request path can be judged here while other work runs (bench/README.md, "Request path").
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'
import { call, expectOk, pool } from './lib/http'
import { load, type LoadOptions } from './lib/load'
import { birthDate, personName, phoneOf, seeded } from './lib/people'
import { ROOT, startBare, startServer, type Server } from './lib/server'

const argv = process.argv.slice(2)
const N = Number(argv.find((a) => /^\d+$/.test(a)) ?? 20_000)
// --profile: the server runs with --cpu-prof (summarize with bench/profile-summary.ts); --only: the routes whose
// name contains the text, e.g. --only rank.
const profileDir = argv.includes('--profile') ? mkdtempSync(join(tmpdir(), 'hoithi-cost-prof-')) : undefined
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined
const PEOPLE = 200
const tmp = mkdtempSync(join(tmpdir(), 'hoithi-cost-'))
await build({ configFile: `${ROOT}vite.config.ts`, mode: 'server', logLevel: 'warn' })
const bare = await startBare()
const server = await startServer({ dbPath: join(tmp, 'cost.db'), seedDemo: true, logDir: tmp, profileDir })
const url = server.url

const contest = (await expectOk(call(url, 'GET', '/contests'), 'contests')).body.contests.find((c: { slug: string }) => c.slug === 'dai-hoi-dang')
const roundId: string = contest.rounds.find((r: { status: string }) => r.status === 'open').id
const leaves = (await expectOk(call(url, 'GET', `/contests/${contest.id}/units`), 'units')).body.units.filter((u: { headcount: number | null }) => u.headcount != null)
const rnd = seeded(7)
const people = await pool(Array.from({ length: PEOPLE }, (_, i) => i), 4, async (i) => {
  const r = await expectOk(call(url, 'POST', '/participants', { body: { fullName: personName(rnd), dateOfBirth: birthDate(rnd), phone: phoneOf(i, 1), unitId: leaves[i % leaves.length].id, password: 'mat-khau-thu-nghiem', consent: true } }), 'register')
  const attempt = await expectOk(call(url, 'POST', `/rounds/${roundId}/attempts`, { cookie: r.cookie!, body: {} }), 'start')
  return { cookie: r.cookie!, attemptId: attempt.body.attempt.id as string }
})
// People who have not started yet, for the start and submit measures (each person starts and submits once).
const RUSH = 600
const rush = await pool(Array.from({ length: RUSH }, (_, i) => i), 4, async (i) => {
  const r = await expectOk(call(url, 'POST', '/participants', { body: { fullName: personName(rnd), dateOfBirth: birthDate(rnd), phone: phoneOf(i, 2), unitId: leaves[i % leaves.length].id, password: 'mat-khau-thu-nghiem', consent: true } }), 'register')
  return { cookie: r.cookie!, attemptId: '' }
})
// Half the people finish, so the board and my rank have entries.
for (const p of people.slice(0, PEOPLE / 2)) await expectOk(call(url, 'POST', `/attempts/${p.attemptId}/submit`, { cookie: p.cookie, body: { prediction: 1000 } }), 'submit')

const rows: string[] = []
// once: requests that change what they touch (a start, a submit) are sent once each, without a warm-up.
async function measure(what: string, target: Server, request: LoadOptions['request'], n = N, once = false) {
  if (only && !what.includes(only) && target !== bare) return
  if (!once) await load({ url: target.url, connections: 50, amount: Math.ceil(n / 10), request }) // warm-up
  const c0 = target.cpuSec()
  const r = await load({ url: target.url, connections: 50, amount: n, request })
  const us = ((target.cpuSec() - c0) * 1e6) / n
  if (r.failed) throw new Error(`${what}: ${r.failed} failed ${JSON.stringify(r.statuses)}`)
  rows.push(`| ${what} | ${n} | ${us.toFixed(0)} | ${Math.round(r.rps)} |`)
  console.error(rows.at(-1))
}

let k = 0
await measure('bare node:http', bare, { path: '/api/health' })
await measure('GET /api/health', server, { path: '/api/health' })
const open = people.slice(PEOPLE / 2)
await measure('PUT save answer', server, () => { const i = k++; const p = open[i % open.length]; return { method: 'PUT', path: `/api/attempts/${p.attemptId}/items/${(Math.floor(i / open.length) % 20) + 1}`, headers: { cookie: p.cookie }, body: i % 3 ? '{"choice":["A"]}' : '{"choice":["B"]}' } })
await measure('GET board page of 50', server, () => ({ path: `/api/rounds/${roundId}/leaderboard?limit=50&offset=${50 * (k++ % 2)}` }))
await measure('GET my rank', server, () => ({ path: `/api/rounds/${roundId}/leaderboard/me`, headers: { cookie: people[k++ % (PEOPLE / 2)].cookie } }))
await measure('GET attempt', server, () => { const p = open[k++ % open.length]; return { path: `/api/attempts/${p.attemptId}`, headers: { cookie: p.cookie } } })
let r0 = 0
await measure('POST start attempt (each person once)', server, () => ({ method: 'POST', path: `/api/rounds/${roundId}/attempts`, headers: { cookie: rush[r0++].cookie }, body: '{}' }), RUSH, true)
if (!only || 'POST submit'.includes(only) || 'POST start attempt'.includes(only)) {
  for (const p of rush) p.attemptId = (await expectOk(call(url, 'POST', `/rounds/${roundId}/attempts`, { cookie: p.cookie, body: {} }), 'start')).body.attempt.id
}
let s0 = 0
await measure('POST submit (each attempt once)', server, () => { const p = rush[s0++]; return { method: 'POST', path: `/api/attempts/${p.attemptId}/submit`, headers: { cookie: p.cookie }, body: '{"prediction":1000}' } }, RUSH, true)
await measure('bare node:http (again)', bare, { path: '/api/health' })

console.log(`\n| request | n | server CPU µs per request | req/s (noisy) |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n`)
await server.stop()
await bare.stop()
rmSync(tmp, { recursive: true, force: true })
if (profileDir) console.log(`CPU profile of the server: ${profileDir}`)

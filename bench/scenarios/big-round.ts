import { statSync } from 'node:fs'
import { join } from 'node:path'
import { hashPassword } from '../../api/lib/password'
import { TOPICS } from '../../questions/topics'
import { bulkSeed } from '../lib/bulk-seed'
import { health, phase, type Ctx } from '../lib/context'
import { call, expectOk, longRequest, probeWhile, serverTimingMs, signIn } from '../lib/http'
import { load } from '../lib/load'
import { seeded, unitTree } from '../lib/people'
import { fromLoad, serverText } from '../lib/report'
import { ADMIN, startServer, type Server } from '../lib/server'

export type Big = { server: Server | null; dbPath: string; roundId: string; judge: string; cookies: string[]; people: number }

const DAY = 86_400_000

// 5a. Contest, units, judge and a round that closed yesterday, created through the API; then the rows
// are bulk-seeded with the server stopped.
export async function seedBigRound(ctx: Ctx): Promise<Big> {
  const { big } = ctx.cfg
  const dbPath = join(ctx.tmp, 'big.db')
  let server = await startServer({ dbPath, seedDemo: false, logDir: ctx.tmp })
  const admin = await signIn(server.url, ADMIN.username, ADMIN.password)
  const api = (method: string, path: string, body?: unknown, cookie = admin) => expectOk(call(server.url, method, path, { cookie, body }), `${method} ${path}`)
  const contest = (await api('POST', '/admin/contests', { title: 'Cuộc thi lớn (dữ liệu thử tải)', slug: 'thu-tai' })).body.contest
  const units = unitTree(big.units, big.mids, seeded(11))
  const perLeaf = big.people / (big.units - big.mids - 1)
  for (const u of units) if (u.headcount != null) u.headcount = Math.round(perLeaf * (1.2 + (u.headcount % 100) / 77))
  await api('POST', `/admin/contests/${contest.id}/units`, { units })
  const now = Date.now()
  const blueprint = [...TOPICS.filter((t) => t.group === 'congress').map((t) => ({ topic: t.id, count: 1 })), { topic: 'van-kien-xiii', count: 5 }, { topic: 'ky-niem-2020', count: 2 }]
  const round = (await api('POST', `/admin/contests/${contest.id}/rounds`, {
    title: 'Tuần thi lớn', opensAt: new Date(now - 8 * DAY).toISOString(), closesAt: new Date(now - DAY).toISOString(), questionCount: 20, timeLimitSec: 900, maxAttempts: 3,
    blueprint, prediction: { enabled: true, target: 'participants' }, tiebreak: ['prediction', 'duration', 'submittedAt'],
    prizes: [{ name: 'Giải Nhất', count: 1 }, { name: 'Giải Nhì', count: 2 }, { name: 'Giải Ba', count: 3 }, { name: 'Giải Khuyến khích', count: 10 }],
    unitPrizes: [{ name: 'Giải tập thể', count: 2 }],
  })).body.round
  await api('POST', `/admin/contests/${contest.id}/publish`, {})
  await api('POST', '/admin/users', { username: 'bench-judge', password: 'bench-judge-password', role: 'judge', name: 'Giám khảo thử tải' })
  const judge = await signIn(server.url, 'bench-judge', 'bench-judge-password')
  await server.stop()
  const passwordHash = await hashPassword('mat-khau-thu-nghiem')
  const t0 = performance.now()
  const seed = bulkSeed({ dbPath, contestId: contest.id, roundId: round.id, people: big.people, attempts: big.attempts, sessions: big.sessions, passwordHash, seed: 42, withItems: big.withItems, log: ctx.log })
  const seedSec = (performance.now() - t0) / 1000
  const perAttempt = (seed.bytes.afterAttempts - seed.bytes.afterPeople) / seed.attempts
  const perPerson = (seed.bytes.afterPeople - seed.bytes.start) / seed.people
  ctx.report.add({ scenario: '5', what: 'database bytes per finished 20-item attempt', settings: 'attempts + items + their indexes, from file growth',
    value: `${Math.round(perAttempt)} B (file ${(statSync(dbPath).size / 2 ** 30).toFixed(2)} GiB)`, target: '≤ 2 KB (aim)', met: perAttempt <= 2048 })
  ctx.report.note(`big round: ${seed.attempts.toLocaleString('en-US')} finished attempts (${seed.items.toLocaleString('en-US')} items) by ${seed.people.toLocaleString('en-US')} invented participants (${(seed.attempts - seed.people).toLocaleString('en-US')} took a 2nd attempt) across ${big.units} units, bulk-seeded in ${seedSec.toFixed(0)} s (people ${seed.seconds.people.toFixed(0)} s, attempts+items ${seed.seconds.attempts.toFixed(0)} s); ${Math.round(perPerson)} B per participant (with participant_units). 3% expired, 0.5% under 60 s; one shared scrypt hash for all bulk participants.`)
  ctx.report.note(`bytes per attempt by b-tree (dbstat): ${seed.perAttemptByBtree.map((b) => `${b.name} ${Math.round(b.bytes)}`).join(', ')}.`)
  if (seed.skippedColumns.length) ctx.report.note(`bulk seed left these nullable columns NULL (unknown to the seeder): ${seed.skippedColumns.join(', ')}.`)
  server = await startServer({ dbPath, seedDemo: false, profileDir: ctx.profileDir, logDir: ctx.tmp })
  ctx.report.add({ scenario: '5', what: 'server start after the bulk seed (to healthy)', value: `${(server.readyMs / 1000).toFixed(2)} s`, rssMb: server.peakRssMb(), met: null })
  return { server, dbPath, roundId: round.id, judge, cookies: seed.sessionCookies.map((s) => s.cookie), people: seed.people }
}

// 5b. Reads, finalize and the XLSX on the big round.
export async function bigRound(ctx: Ctx, big: Big) {
  const server = big.server!
  const url = server.url
  const conn = ctx.cfg.saveConnections
  const lb = `/rounds/${big.roundId}/leaderboard`
  const first = await phase(server, () => probeWhile(url, call(url, 'GET', `${lb}?limit=50&offset=0`), 20))
  const total = first.value.value.body?.total ?? 0
  ctx.report.add({ scenario: '5', what: 'first board read after start (cold board build), health probed every 20 ms', value: `${first.value.value.ms.toFixed(0)} ms (server ${serverTimingMs(first.value.value.headers).toFixed(0)} ms), board of ${total}; /api/health meanwhile p99 ${first.value.p99Ms.toFixed(0)} ms, worst ${first.value.worstMs.toFixed(0)} ms over ${first.value.probes} probes`,
    rssMb: first.rssMb, cpu: first.cpu, target: 'health p99 ≤ 100 ms', met: first.value.p99Ms <= 100 })
  const pages = () => load({ url, connections: conn, durationSec: ctx.cfg.durationSec, request: () => ({ path: `/api${lb}?limit=50&offset=${50 * Math.floor(Math.random() * Math.ceil(total / 50))}` }) })
  let base = await health(ctx, server, conn, '5')
  const p = await phase(server, pages)
  const pb = p.value.rps / base.bareRps
  ctx.report.add({ scenario: '5', what: 'board page (random page of 50), closed round', settings: `${conn} conn, board of ${total}`, ...fromLoad(p.value), ratio: p.value.rps / base.rps, bare: pb, server: serverText(p.value), rssMb: p.rssMb, cpu: p.cpu,
    target: '≥ 0.35 of bare', met: pb >= 0.35 && p.value.failed === 0 })
  let k = 0
  base = await health(ctx, server, conn, '5')
  const me = await phase(server, () => load({ url, connections: conn, durationSec: ctx.cfg.durationSec, request: () => ({ path: `/api${lb}/me`, headers: { cookie: big.cookies[k++ % big.cookies.length] } }) }))
  ctx.report.add({ scenario: '5', what: 'my rank', settings: `${conn} conn, ${big.cookies.length} people spread over the board`, ...fromLoad(me.value), ratio: me.value.rps / base.rps, bare: me.value.rps / base.bareRps, server: serverText(me.value), rssMb: me.rssMb, cpu: me.cpu,
    target: '≥ 0.35 of bare, server time ≤ 1 ms (p99)', met: me.value.rps / base.bareRps >= 0.35 && me.value.serverMs.p99 <= 1 && me.value.failed === 0 })
  const ub = await phase(server, () => load({ url, connections: 10, durationSec: ctx.cfg.durationSec, request: { path: `/api/rounds/${big.roundId}/units-leaderboard` } }))
  ctx.report.add({ scenario: '5', what: 'units board', settings: `10 conn, ${ctx.cfg.big.units} units`, ...fromLoad(ub.value), server: serverText(ub.value), rssMb: ub.rssMb, cpu: ub.cpu,
    target: 'server time ≤ 10 ms (p99)', met: ub.value.serverMs.p99 <= 10 && ub.value.failed === 0 })
  for (const [name, r] of [['pages', p.value], ['my rank', me.value], ['units board', ub.value]] as const) {
    if (r.failed || r.errors || !r.ok) ctx.report.note(`big round/${name}: ${r.failed} non-2xx ${JSON.stringify(r.statuses)}, ${r.errors} errors, ${r.sent} sent, ${r.timeouts} timeouts.`)
  }
  const rssBefore = server.rssMb()
  const finP = await phase(server, () => probeWhile(url, longRequest(url, 'POST', `/admin/rounds/${big.roundId}/finalize`, big.judge, 900_000).catch((e: Error) => ({ error: e.message })), 20))
  const fin = { ...finP, value: finP.value.value }
  const waited = `/api/health (probed every 20 ms) meanwhile p99 ${finP.value.p99Ms.toFixed(0)} ms, worst ${finP.value.worstMs.toFixed(0)} ms over ${finP.value.probes} probes`
  ctx.report.add({ scenario: '5', what: 'health during the finalize', value: waited, target: 'p99 ≤ 100 ms', met: finP.value.p99Ms <= 100 })
  if ('error' in fin.value || fin.value.status !== 200) {
    ctx.report.add({ scenario: '5', what: 'finalize', value: 'error' in fin.value ? fin.value.error : `HTTP ${fin.value.status} ${fin.value.text.slice(0, 200)}`, rssMb: fin.rssMb, cpu: fin.cpu, target: '≤ 10 s', met: false })
  } else {
    ctx.report.add({ scenario: '5', what: 'finalize', value: `${(fin.value.totalMs / 1000).toFixed(2)} s (server ${(fin.value.serverMs / 1000).toFixed(2)} s), RSS ${Math.round(rssBefore)} MB before it; ${waited}`, rssMb: fin.rssMb, cpu: fin.cpu, target: '≤ 10 s', met: fin.value.totalMs <= 10_000 })
  }
  if (server.alive()) {
    const firstFinal = await phase(server, () => call(url, 'GET', `${lb}?limit=50&offset=0`))
    ctx.report.add({ scenario: '5', what: 'first board read after finalize', value: `${firstFinal.value.ms.toFixed(0)} ms (server ${serverTimingMs(firstFinal.value.headers).toFixed(0)} ms)`, rssMb: firstFinal.rssMb, cpu: firstFinal.cpu, met: null })
    base = await health(ctx, server, conn, '5')
    const pf = await phase(server, pages)
    ctx.report.add({ scenario: '5', what: 'board page (random page of 50), finalized', settings: `${conn} conn, board of ${total}`, ...fromLoad(pf.value), ratio: pf.value.rps / base.rps, bare: pf.value.rps / base.bareRps, server: serverText(pf.value), rssMb: pf.rssMb, cpu: pf.cpu,
      target: '≥ 0.35 of bare', met: pf.value.rps / base.bareRps >= 0.35 && pf.value.failed === 0 })
  }
  await xlsx(ctx, big, server)
}

async function xlsx(ctx: Ctx, big: Big, server: Server) {
  if (!server.alive()) return ctx.report.add({ scenario: '5', what: 'results XLSX', value: 'not run: server down', target: 'streamed, peak RSS ≤ 400 MB', met: false })
  const before = server.rssMb()
  const xp = await phase(server, () => probeWhile(server.url, longRequest(server.url, 'GET', `/admin/rounds/${big.roundId}/results.xlsx`, big.judge, 900_000).catch((e: Error) => ({ error: e.message }))))
  const x = { ...xp, value: xp.value.value }
  const died = !server.alive()
  if ('error' in x.value || x.value.status !== 200 || died) {
    const why = 'error' in x.value ? x.value.error : `HTTP ${x.value.status}`
    ctx.report.add({ scenario: '5', what: 'results XLSX', value: `${why}${died ? `; server exited (${server.child.exitCode ?? server.child.signalCode})` : ''}`, rssMb: x.rssMb, cpu: x.cpu, target: 'streamed, peak RSS ≤ 400 MB', met: false })
    if (died) ctx.report.note(`server output at its exit during the XLSX: ${server.output().slice(-1500).replace(/\s+/g, ' ')}`)
    return
  }
  const v = x.value
  const zip = v.head.subarray(0, 2).toString('latin1') === 'PK'
  ctx.report.add({ scenario: '5', what: 'results XLSX', value: `${(v.totalMs / 1000).toFixed(1)} s, first byte at ${(v.ttfbMs / 1000).toFixed(1)} s, ${(v.bytes / 2 ** 20).toFixed(1)} MiB${zip ? '' : ', NOT a zip'}; RSS ${Math.round(before)} MB before it; /api/health meanwhile waited up to ${(xp.value.worstMs / 1000).toFixed(1)} s`,
    rssMb: x.rssMb, cpu: x.cpu, target: 'streamed, peak RSS ≤ 400 MB', met: zip && x.rssMb <= 400 && v.ttfbMs < v.totalMs / 2 })
}

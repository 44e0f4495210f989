import autocannon from 'autocannon'
import { summarize, type Summary } from './stats'

export type Req = { method?: string; path: string; headers?: Record<string, string>; body?: string }
export type LoadOptions = {
  url: string
  connections: number
  durationSec?: number // run for this long …
  amount?: number // … or send exactly this many measured requests
  request: Req | ((ctx: Record<string, unknown>) => Req) // a function is called once per request sent
  onResponse?: (status: number, body: string, ctx: Record<string, unknown>) => void
  timeoutSec?: number
}
export type LoadResult = {
  ok: number; sent: number; failed: number; errors: number; timeouts: number; statuses: Record<string, number>
  elapsedMs: number; rps: number; latency: Summary; serverMs: Summary; rampMs: number
  raw: { latencies: number[]; serverMs: number[]; first: number; last: number } // for mergeLoads
}

const JSON_HEADERS = { 'content-type': 'application/json' }
const WARM_UP: Req = { path: '/api/health' }

function serverTiming(headers: Record<string, string | string[]>): number | null {
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() !== 'server-timing') continue
    const m = /dur=([\d.]+)/.exec(String(v))
    return m ? Number(m[1]) : null
  }
  return null
}

// autocannon with one connection per simulated client (pipelining 1), recording every latency and the
// app's Server-Timing so percentiles are exact.
// The first request on each connection is a /api/health warm-up, left out of every figure: a busy Node
// server accepts one new connection per event-loop turn, so a connection's first answer can wait a second
// or more behind the others' work; rampMs is how long it took until every connection had one answer.
// rps counts measured 2xx answers from the first warm-up answer to the last answer.
export async function load(o: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = []
  const server: number[] = []
  const statuses: Record<string, number> = {}
  const make = typeof o.request === 'function' ? o.request : () => o.request as Req
  // autocannon builds each connection's first request when it creates the connection, in order, and then
  // one request per request sent: so the first `connections` builds are exactly the warm-ups.
  let built = 0
  let warmLeft = o.connections
  let lastWasWarm = false
  const request = {
    method: 'GET', path: '/', headers: JSON_HEADERS,
    setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => {
      ctx.warmUp = built++ < o.connections
      const r = ctx.warmUp ? WARM_UP : make(ctx)
      return { ...req, method: r.method ?? 'GET', path: r.path, headers: { ...JSON_HEADERS, ...r.headers }, body: r.body ?? '' }
    },
    onResponse: (status: number, body: string, ctx: Record<string, unknown>, headers: Record<string, string | string[]>) => {
      lastWasWarm = ctx.warmUp === true
      if (lastWasWarm) return
      statuses[status] = (statuses[status] ?? 0) + 1
      const st = serverTiming(headers ?? {})
      if (st != null && status < 300) server.push(st)
      o.onResponse?.(status, body, ctx)
    },
  }
  let errors = 0
  let timeouts = 0
  let sent = 0
  const t0 = performance.now()
  let first = 0
  let last = 0
  let rampMs = NaN
  await new Promise<void>((resolve, reject) => {
    const inst = autocannon({
      url: o.url, connections: o.connections, pipelining: 1, timeout: o.timeoutSec ?? 30,
      ...(o.amount ? { amount: o.amount + o.connections } : { duration: o.durationSec ?? 5 }),
      requests: [request as never],
    }, (err, result) => {
      if (err) return reject(err)
      errors = result.errors
      timeouts = result.timeouts
      sent = result.requests.sent - o.connections
      resolve()
    })
    inst.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
      const now = performance.now()
      if (!first) first = now
      if (lastWasWarm) {
        if (--warmLeft === 0) rampMs = now - t0
        return
      }
      last = now
      if (status >= 200 && status < 300) latencies.push(ms)
    })
  })
  const ok = latencies.length
  const elapsedMs = ok ? last - first : performance.now() - t0
  const failed = Object.entries(statuses).filter(([s]) => Number(s) >= 300).reduce((a, [, n]) => a + n, 0)
  return { ok, sent, failed, errors, timeouts, statuses, elapsedMs, rps: ok / (elapsedMs / 1000), latency: summarize(latencies), serverMs: summarize(server), rampMs,
    raw: { latencies, serverMs: server, first: first || t0, last: last || performance.now() } }
}

// Loads that ran at the same time (one per server of a group) as one: counts summed, percentiles over
// every latency, the throughput over the window from the first answer of any to the last answer of any.
export function mergeLoads(parts: LoadResult[]): LoadResult {
  if (parts.length === 1) return parts[0]
  const sum = (f: (r: LoadResult) => number) => parts.reduce((a, r) => a + f(r), 0)
  const statuses: Record<string, number> = {}
  for (const r of parts) for (const [s, n] of Object.entries(r.statuses)) statuses[s] = (statuses[s] ?? 0) + n
  const latencies = parts.flatMap((r) => r.raw.latencies)
  const serverMs = parts.flatMap((r) => r.raw.serverMs)
  const first = Math.min(...parts.map((r) => r.raw.first))
  const last = Math.max(...parts.map((r) => r.raw.last))
  const ok = latencies.length
  const elapsedMs = last - first
  return {
    ok, sent: sum((r) => r.sent), failed: sum((r) => r.failed), errors: sum((r) => r.errors), timeouts: sum((r) => r.timeouts), statuses,
    elapsedMs, rps: ok / (elapsedMs / 1000), latency: summarize(latencies), serverMs: summarize(serverMs), rampMs: Math.max(...parts.map((r) => r.rampMs)),
    raw: { latencies, serverMs, first, last },
  }
}

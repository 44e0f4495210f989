// A small JSON client with a cookie, for setup steps (not for measuring throughput).
export type Reply = { status: number; body: any; cookie: string | null; headers: Headers; ms: number }

export async function call(base: string, method: string, path: string, opts: { cookie?: string; body?: unknown } = {}): Promise<Reply> {
  const t0 = performance.now()
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(opts.cookie ? { cookie: opts.cookie } : {}) },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  })
  const text = await res.text()
  const ms = performance.now() - t0
  const set = res.headers.get('set-cookie')
  let body: unknown = text
  try { body = text ? JSON.parse(text) : null } catch { /* not JSON */ }
  return { status: res.status, body, cookie: set ? set.split(';')[0] : null, headers: res.headers, ms }
}

export async function expectOk(p: Promise<Reply>, what: string): Promise<Reply> {
  const r = await p
  if (r.status >= 300) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 500)}`)
  return r
}

// Runs fn over items with at most `concurrency` in flight.
export async function pool<T, R>(items: T[], concurrency: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i], i)
    }
  }))
  return out
}

export async function signIn(base: string, identifier: string, password: string): Promise<string> {
  const r = await expectOk(call(base, 'POST', '/sessions', { body: { identifier, password } }), `sign in ${identifier}`)
  if (!r.cookie) throw new Error('sign in gave no cookie')
  return r.cookie
}

export const serverTimingMs = (h: Headers) => {
  const m = /dur=([\d.]+)/.exec(h.get('server-timing') ?? '')
  return m ? Number(m[1]) : NaN
}

// node:http for long requests (undici's fetch gives up after 300 s of waiting for headers), with time
// to first byte, so a streamed body can be told from one built in memory first.
export function longRequest(base: string, method: string, path: string, cookie: string, timeoutMs: number, body?: Uint8Array):
  Promise<{ status: number; ttfbMs: number; totalMs: number; bytes: number; head: Buffer; serverMs: number; text: string }> {
  return import('node:http').then(({ request }) => new Promise((resolve, reject) => {
    const t0 = performance.now()
    const req = request(`${base}/api${path}`, { method, agent: false, headers: { cookie, 'content-type': body ? 'application/octet-stream' : 'application/json' } }, (res) => {
      let ttfbMs = NaN
      let bytes = 0
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => {
        if (Number.isNaN(ttfbMs)) ttfbMs = performance.now() - t0
        bytes += c.length
        if (chunks.length < 64) chunks.push(c)
      })
      res.on('end', () => {
        const head = Buffer.concat(chunks)
        const m = /dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''))
        resolve({ status: res.statusCode ?? 0, ttfbMs, totalMs: performance.now() - t0, bytes, head, serverMs: m ? Number(m[1]) : NaN, text: head.subarray(0, 2000).toString('utf8') })
      })
      res.on('error', reject)
    })
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)))
    req.on('error', reject)
    req.end(body ? Buffer.from(body) : method === 'POST' ? '{}' : undefined)
  }))
}

// Sends GET /api/health one after another (a pause between) while `work` runs: the slowest answer shows
// how long the server's event loop was blocked meanwhile, i.e. how long everyone else waited.
export async function probeWhile<T>(base: string, work: Promise<T>, pauseMs = 100): Promise<{ value: T; worstMs: number; p99Ms: number; probes: number }> {
  let done = false
  const value = work.finally(() => { done = true })
  const waits: number[] = []
  while (!done) {
    const t0 = performance.now()
    try { await fetch(`${base}/api/health`).then((r) => r.arrayBuffer()) } catch { /* the work's own result tells */ }
    waits.push(performance.now() - t0)
    await new Promise((r) => setTimeout(r, pauseMs))
  }
  waits.sort((a, b) => a - b)
  const p99Ms = waits.length ? waits[Math.min(waits.length - 1, Math.ceil(waits.length * 0.99) - 1)] : 0
  return { value: await value, worstMs: waits.at(-1) ?? 0, p99Ms, probes: waits.length }
}

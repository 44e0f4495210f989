import type { Context } from 'hono'
import { routePath } from 'hono/route'
import { writeSync } from 'node:fs'
import pino from 'pino'
import type { AppEnv } from '../app-env'

// Lines go to stdout through pino's asynchronous destination (sonic-boom): while one write is in flight the
// next lines gather and go out together, off the request's path (not a synchronous write per request), and
// what is left is flushed when the process exits. The logger itself is not used: its line would gain a
// level and a time, and the line keeps its shape, { t, method, route, status, ms }.
let destination: ReturnType<typeof pino.destination> | undefined
const out = () => (destination ??= pino.destination({ dest: 1, sync: false }))

// The lines of one turn of the event loop are handed over together: sonic-boom measures its pending text on
// every write (Buffer.byteLength), a cost that grew with each line under load. Lines still here when the
// process exits are written at once, after what sonic-boom holds.
let pending = ''
const flush = () => {
  const lines = pending
  pending = ''
  if (lines) out().write(lines)
}
process.once('exit', () => {
  if (!pending) return
  try { destination?.flushSync() } catch { /* written as far as it could be */ }
  writeSync(1, pending)
})

// One structured line per request, written once its answer is ready (api/app.ts, from performance.now() at
// its start). The matched route pattern is logged, not the raw path or query, so no name, phone or search
// text ends up in the log.
export function logRequest(c: Context<AppEnv>, started: number): void {
  const ms = Math.round((performance.now() - started) * 1000) / 1000
  const headers = c.res.headers
  // Server time per request, for benchmarks and browser dev tools (not streamed responses).
  if (!headers.get('content-type')?.startsWith('text/event-stream')) headers.set('Server-Timing', `app;dur=${ms}`)
  if (!c.get('env').LOG_REQUESTS) return
  const line = { t: new Date().toISOString(), method: c.req.method, route: routePath(c), status: c.res.status, ms: Math.round(ms * 10) / 10 }
  if (!pending) setImmediate(flush)
  pending += `${JSON.stringify(line)}\n`
}

import { createMiddleware } from 'hono/factory'
import { routePath } from 'hono/route'
import type { AppEnv } from '../app-env'

// One structured line per request. The matched route pattern is logged, not the raw path or query,
// so no name, phone or search text ends up in the log.
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now()
  await next()
  const ms = Math.round((performance.now() - started) * 1000) / 1000
  // Server time per request, for benchmarks and browser dev tools (not streamed responses).
  if (!c.res.headers.get('content-type')?.startsWith('text/event-stream')) c.res.headers.set('Server-Timing', `app;dur=${ms}`)
  if (!c.get('env').LOG_REQUESTS) return
  const line = { t: new Date().toISOString(), method: c.req.method, route: routePath(c), status: c.res.status, ms: Math.round(ms * 10) / 10 }
  process.stdout.write(`${JSON.stringify(line)}\n`)
})

import type { Context } from 'hono'
import type { AppEnv } from '../app-env'
import { AppError } from '../errors'

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

// Unsafe methods from a browser must come from our own origin; a request without Origin (a script) passes.
// Run by the API's one middleware (api/app.ts).
export function checkOrigin(c: Context<AppEnv>): void {
  if (SAFE.has(c.req.method)) return
  const origin = c.req.header('origin')
  if (origin === undefined) return
  const host = (c.get('env').TRUST_PROXY && c.req.header('x-forwarded-host')) || c.req.header('host')
  let originHost: string | null = null
  try { originHost = new URL(origin).host } catch { originHost = null }
  if (!host || originHost !== host) throw new AppError('FORBIDDEN', 'Yêu cầu từ trang web khác bị từ chối.')
}

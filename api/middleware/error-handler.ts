import type { ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv } from '../app-env'
import { isForeignKeyViolation } from '../../db/errors'
import { AppError, ERROR_STATUS } from '../errors'
import { ClientAbort, serverTime as currentServerTime } from '../lib/http'

// The only code → status map. Unknown errors are logged and become a 500 without internals.
export const errorHandler: ErrorHandler<AppEnv> = (err, c) => {
  const serverTime = currentServerTime(c)
  if (err instanceof AppError) {
    const status = ERROR_STATUS[err.code]
    const body = { error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) }, serverTime }
    if (err.code === 'RATE_LIMITED') {
      const retry = (err.details as { retryAfter?: number } | undefined)?.retryAfter
      if (retry) c.header('Retry-After', String(retry))
    }
    return c.json(body, status)
  }
  if (err instanceof HTTPException && err.status < 500) {
    return c.json({ error: { code: err.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED', message: err.message || 'Yêu cầu không hợp lệ.' }, serverTime }, err.status)
  }
  if (err instanceof ClientAbort) {
    console.log(JSON.stringify({ t: serverTime, level: 'info', what: 'client_abort', method: c.req.method, route: c.req.routePath }))
    return c.json({ error: { code: 'VALIDATION_FAILED', message: 'Việc gửi dữ liệu bị ngắt giữa chừng; chưa có gì được lưu.' }, serverTime }, 400)
  }
  // Two writers crossed (a unit deleted while someone registered into it): nothing of this one was kept.
  if (isForeignKeyViolation(err)) {
    return c.json({ error: { code: 'CONFLICT', message: 'Dữ liệu liên quan vừa được người khác thay đổi; chưa có gì được lưu. Vui lòng tải lại và thử lại.' }, serverTime }, 409)
  }
  console.error(JSON.stringify({ t: serverTime, level: 'error', method: c.req.method, path: c.req.path, error: String(err instanceof Error ? err.stack : err) }))
  return c.json({ error: { code: 'INTERNAL', message: 'Lỗi máy chủ. Vui lòng thử lại.' }, serverTime }, 500)
}

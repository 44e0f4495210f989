import { hc, type ClientResponse } from 'hono/client'
import type { SuccessStatusCode } from 'hono/utils/http-status'
import type { AppType } from '../../api/app'
import type { ErrorBody } from '../../api/schemas/wire'
import { recordServerTime } from '../stores/clock'

// One typed way to the API: every call returns the body type from api/schemas/wire.ts and feeds the
// server clock, so countdowns stay right on a phone whose own clock is wrong.
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message)
    this.name = 'ApiError'
  }
  // A dropped connection, a timeout or a server hiccup: worth trying again later.
  get retriable() { return this.status === 0 || this.status === 429 || this.status >= 500 }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
export type FieldIssue = { path: string; message: string }

async function request(method: Method, path: string, body?: BodyInit, contentType?: string): Promise<Response> {
  let res: Response
  try {
    res = await fetch(`/api${path}`, {
      method, body, credentials: 'same-origin',
      headers: { accept: 'application/json', ...(contentType ? { 'content-type': contentType } : {}) },
    })
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng.')
  }
  return res
}

async function readBody(res: Response, sentAt: number): Promise<unknown> {
  if (res.status === 204) return null
  let text = ''
  try { text = await res.text() } catch { throw new ApiError(0, 'NETWORK', 'Mất kết nối khi đang nhận dữ liệu. Vui lòng thử lại.') }
  let parsed: unknown = null
  let readable = true
  try { parsed = text ? JSON.parse(text) : null } catch { readable = false }
  const time = (parsed as { serverTime?: unknown } | null)?.serverTime
  if (typeof time === 'string') recordServerTime(time, sentAt, Date.now())
  if (!res.ok) {
    const err = (parsed as ErrorBody | null)?.error
    throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? `Lỗi máy chủ (${res.status}). Vui lòng thử lại.`, err?.details)
  }
  // A success that is not JSON (a proxy's page, a cut-off body) is not data: worth a retry, never a crash later.
  if (!readable) throw new ApiError(502, 'BAD_RESPONSE', 'Máy chủ trả lời không đúng định dạng. Vui lòng thử lại.')
  return parsed
}

// The API's own routes, typed from the server's app: a call's path, parameters, query, body and answer
// are the contract's (api/schemas/wire.ts and the route's schemas), checked when the web is compiled.
// The accept header goes in hc's own headers, not in init: init's headers would replace the request's
// whole header list, and with it the JSON bodies' content-type (the server refuses a text/plain body).
export const client = hc<AppType>('/api', { headers: { accept: 'application/json' }, init: { credentials: 'same-origin' } })

// What a call answers when it succeeds (null for a 204); a failure is thrown as an ApiError.
type Success<R> = R extends ClientResponse<infer T, infer S, infer F> ? (S extends SuccessStatusCode ? (F extends 'json' ? T : null) : never) : never

export async function call<R extends ClientResponse<unknown, number, string>>(send: () => Promise<R>): Promise<Success<R>> {
  const sentAt = Date.now()
  let res: R
  try {
    res = await send()
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng.')
  }
  return (await readBody(res as unknown as Response, sentAt)) as Success<R>
}

// Imports send the file itself as the body (API.md).
export async function apiUpload<T>(path: string, file: Blob): Promise<T> {
  const sentAt = Date.now()
  const res = await request('POST', path, file, file.type || 'application/octet-stream')
  return (await readBody(res, sentAt)) as T
}

// Field errors from a VALIDATION_FAILED body, keyed by the first path segment.
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION_FAILED') return {}
  const issues = (err.details as { issues?: FieldIssue[] } | undefined)?.issues ?? []
  const out: Record<string, string> = {}
  for (const i of issues) {
    const key = i.path.split('.')[0] || '_'
    if (!out[key]) out[key] = i.message
  }
  return out
}

export const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err))

import { afterEach, describe, expect, it, vi } from 'vitest'
import { sendAnswer } from '../../web/api/attempts'
import { ApiError, call, client } from '../../web/api/client'
import { fakeApi, json } from './fake-api'

afterEach(() => { vi.unstubAllGlobals() })

describe('api client', () => {
  it('turns a JSON 404 into an ApiError with the server code and message', async () => {
    fakeApi({})
    const err = await call(() => client.contests.$get()).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'Không tìm thấy đường dẫn API này.' })
    expect((err as ApiError).retriable).toBe(false)
  })

  it('refuses a success that is not JSON as a retriable bad response instead of returning it as data', async () => {
    fakeApi({ 'GET /api/contests': new Response('<!doctype html><title>proxy</title>', { status: 200, headers: { 'content-type': 'text/html' } }) })
    const err = await call(() => client.contests.$get()).catch((e: unknown) => e)
    expect(err).toMatchObject({ status: 502, code: 'BAD_RESPONSE' })
    expect((err as ApiError).retriable).toBe(true)
  })

  it('reports a dropped connection as status 0 and a gateway page as a retriable server error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch') }))
    expect(await call(() => client.me.$get()).catch((e: unknown) => e)).toMatchObject({ status: 0, code: 'NETWORK' })
    fakeApi({ 'GET /api/me': new Response('<html>Bad Gateway</html>', { status: 502 }) })
    const err = await call(() => client.me.$get()).catch((e: unknown) => e)
    expect(err).toMatchObject({ status: 502, code: 'HTTP_502' })
    expect((err as ApiError).retriable).toBe(true)
  })

  it('maps an answer save to the queue: 401 means signed out, 409 closed, 5xx retry, 400 refused for good', async () => {
    const status = { code: 401 }
    const errors: Record<number, string> = { 401: 'UNAUTHENTICATED', 409: 'ATTEMPT_CLOSED', 503: 'UNAVAILABLE', 400: 'VALIDATION_FAILED' }
    fakeApi({ 'PUT /api/attempts/a1/items/2': () => json({ error: { code: errors[status.code], message: `lỗi ${status.code}` } }, status.code) })
    expect(await sendAnswer('a1', 2, ['A'])).toEqual({ ok: false, retry: false, signedOut: true, message: 'lỗi 401' })
    status.code = 409
    expect(await sendAnswer('a1', 2, ['A'])).toEqual({ ok: false, retry: false, closed: true })
    status.code = 503
    expect(await sendAnswer('a1', 2, ['A'])).toMatchObject({ ok: false, retry: true })
    status.code = 400
    expect(await sendAnswer('a1', 2, ['A'])).toMatchObject({ ok: false, retry: false, message: 'lỗi 400' })
  })
})

import { vi } from 'vitest'

type Reply = unknown | ((init: RequestInit, url: URL) => unknown)
export type Calls = { method: string; path: string; body: unknown }[]

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify({ ...(body as object), serverTime: new Date().toISOString() }), { status, headers: { 'content-type': 'application/json' } })

// A fetch that answers "METHOD /api/path" (query string ignored) from a table; anything else is a JSON 404,
// as the server answers unknown /api paths. A reply that is a Response is sent as it is.
export function fakeApi(routes: Record<string, Reply>) {
  const calls: Calls = []
  vi.stubGlobal('fetch', vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://localhost')
    const method = init.method ?? 'GET'
    calls.push({ method, path: url.pathname + url.search, body: init.body ? JSON.parse(String(init.body)) : undefined })
    const route = routes[`${method} ${url.pathname}`]
    if (route === undefined) return json({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy đường dẫn API này.' } }, 404)
    const out = typeof route === 'function' ? (route as (i: RequestInit, u: URL) => unknown)(init, url) : route
    return out instanceof Response ? out : json(out)
  }))
  return calls
}

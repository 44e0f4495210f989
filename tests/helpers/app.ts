import { createApp } from '../../api/app'
import { loadEnv } from '../../api/env'
import { SYSTEM_ACTOR } from '../../api/services/audit'
import { createStaffUser } from '../../api/services/staff'
import type { Db } from '../../db/client'
import { memoryDb } from './db'

export class FakeClock {
  constructor(public t = Date.parse('2026-03-02T03:00:00Z')) {}
  now = () => this.t
  advance(ms: number) { this.t += ms }
  set(iso: string) { this.t = Date.parse(iso) }
}

export type TestResponse<T = any> = { status: number; body: T; headers: Headers; text: string }

// An HTTP client over app.request() that keeps its own session cookie, like one browser.
export class Agent {
  cookie = ''
  constructor(private app: ReturnType<typeof createApp>['app']) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const init: RequestInit = { method, headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...headers } }
    if (body !== undefined) {
      init.body = typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body)
      if (!headers['content-type']) (init.headers as Record<string, string>)['content-type'] = 'application/json'
    }
    const res = await this.app.request(path, init)
    const set = res.headers.get('set-cookie')
    if (set) this.cookie = set.split(';')[0].endsWith('=') ? '' : set.split(';')[0]
    const text = res.headers.get('content-type')?.includes('json') || res.headers.get('content-type')?.includes('text') ? await res.text() : ''
    let parsed: unknown = text
    try { parsed = text ? JSON.parse(text) : null } catch { /* not JSON */ }
    return { status: res.status, body: parsed as T, headers: res.headers, text }
  }
  get<T = any>(path: string) { return this.request<T>('GET', path) }
  post<T = any>(path: string, body?: unknown) { return this.request<T>('POST', path, body) }
  put<T = any>(path: string, body?: unknown) { return this.request<T>('PUT', path, body) }
  patch<T = any>(path: string, body?: unknown) { return this.request<T>('PATCH', path, body) }
  delete<T = any>(path: string) { return this.request<T>('DELETE', path) }
}

export function testApp(envOver: Record<string, string> = {}, db: Db = memoryDb()) {
  const clock = new FakeClock()
  const env = loadEnv({ NODE_ENV: 'test', LOG_REQUESTS: 'false', ...envOver })
  const { app, deps } = createApp({ db, env, clock })
  const agent = () => new Agent(app)
  return { app, db, clock, env, deps, agent }
}

export type TestApp = ReturnType<typeof testApp>

export async function staffAgent(t: TestApp, role: 'admin' | 'organizer' | 'judge', username = `${role}-${Math.random().toString(36).slice(2, 8)}`) {
  await createStaffUser(t.db, SYSTEM_ACTOR, { username, password: 'mat-khau-thu-nghiem', role, name: `Cán bộ ${role}` }, t.clock.now())
  const a = t.agent()
  const res = await a.post('/sessions', { identifier: username, password: 'mat-khau-thu-nghiem' })
  if (res.status !== 200) throw new Error(`staff sign-in failed: ${res.status} ${res.text}`)
  return a
}

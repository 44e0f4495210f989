import { inject } from 'vitest'
import { createApp } from '../../api/app'
import { loadEnv } from '../../api/env'
import { hashPassword } from '../../api/lib/password'
import { SYSTEM_ACTOR } from '../../api/services/audit'
import { addStaffUser } from '../../api/services/staff'
import { openDb, type Db } from '../../db/client'
import { openPg } from '../../db/pg'
import { all, get, run, type Row } from '../../db/program'
import type { SqliteStore, Store } from '../../db/store'
import { memoryDb } from './db'
import { pgAppDb, type PgAppDb } from './pg-app'

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

// The store the suite runs on: SQLite in memory by default; STORE=pg (the api-pg project) gives each
// test app a database of its own on the run's throwaway PostgreSQL cluster.
export const onPg = process.env.STORE === 'pg'

// The app over a fresh database. `db` is the SQLite handle, for tests of what only SQLite has (its file,
// its group commit); on PostgreSQL reading it throws, so such a test says at once what it relies on.
// Everything else reads and writes through the store: `sql`, `one` and `exec` run SQL on either store.
// Given another test app instead of a SQLite handle: a second server on its database (see below).
export function testApp(envOver: Record<string, string> = {}, on?: Db | OnDatabaseOf) {
  const clock = new FakeClock()
  const env = loadEnv({ NODE_ENV: 'test', LOG_REQUESTS: 'false', ...envOver })
  const second = on && !('$client' in on) ? secondConnection(on) : undefined
  const sqlite = second ? second.db : (on as Db | undefined)
  const pg: PgAppDb | undefined = second ? second.pg : onPg && !sqlite ? pgAppDb() : undefined
  const db = pg ? undefined : (sqlite ?? memoryDb())
  const { app, deps, close } = createApp(pg ? { pg: pg.db, env, clock } : { db: db!, env, clock })
  pg?.onClose(close)
  if (pg) pgDbs.set(deps.store, pg)
  const agent = () => new Agent(app)
  const store = deps.store
  return {
    app, clock, env, deps, agent, store, dialect: store.dialect,
    get db(): Db {
      if (!db) throw new Error('this test reads the SQLite handle (t.db), which a PostgreSQL run has not: use t.store, t.sql, t.one or t.exec')
      return db
    },
    sql: <T = Row>(text: string, ...params: unknown[]) => store.read(all<T>(text, ...params)),
    one: <T = Row>(text: string, ...params: unknown[]) => store.read(get<T>(text, ...params)),
    exec: (text: string, ...params: unknown[]) => store.write(() => run(text, ...params)),
  }
}

export type TestApp = ReturnType<typeof testApp>

// ── Several servers on one database ─────────────────────────────────────────────────────────────────
// testApp(env, t): a second server's app on t's database, with its own connections, read model and clock,
// as another process has them. On PostgreSQL a second pool on t's database, closed before it is dropped;
// on SQLite a second connection to t's file (t made over one, testApp(env, openDb(path)): a database in
// memory belongs to its one connection).
type OnDatabaseOf = { store: Store }
const pgDbs = new WeakMap<Store, PgAppDb>()

function secondConnection(t: OnDatabaseOf): { pg?: PgAppDb; db?: Db } {
  const first = pgDbs.get(t.store)
  if (!first) {
    const path = (t.store as SqliteStore).db.$client.name
    if (path === ':memory:') throw new Error('a second server needs the first app on a SQLite file: testApp(env, openDb(path))')
    return { db: openDb(path) }
  }
  const db = openPg(`${inject('pgServer')}${first.name}`, { max: 4 })
  const closers: (() => Promise<void>)[] = []
  first.onClose(async () => {
    for (const close of closers) await close().catch(() => undefined)
    await db.$client.end({ timeout: 1 })
  })
  return { pg: { db, name: first.name, onClose: (close) => closers.push(close) } }
}

export async function staffAgent(t: TestApp, role: 'admin' | 'organizer' | 'judge', username = `${role}-${Math.random().toString(36).slice(2, 8)}`) {
  const hash = await hashPassword('mat-khau-thu-nghiem')
  await t.store.write(() => addStaffUser(SYSTEM_ACTOR, { username, role, name: `Cán bộ ${role}` }, hash, t.clock.now()))
  const a = t.agent()
  const res = await a.post('/sessions', { identifier: username, password: 'mat-khau-thu-nghiem' })
  if (res.status !== 200) throw new Error(`staff sign-in failed: ${res.status} ${res.text}`)
  return a
}

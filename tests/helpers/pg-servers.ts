import type { Attempt } from '../../api/schemas/wire'
import type { ExamClient } from './exam-traffic'
import { startServer, type ServerProcess } from './server-process'

export const PG_ADMIN = { username: 'quantri', password: 'mat-khau-quan-tri-1' }

// Server processes of the real app on one PostgreSQL database, started together as a deployment starts
// them: migrations and the seed run once, under their locks, whichever server comes first.
export async function startPgServers(url: string, count: number, env: Record<string, string> = {}): Promise<ServerProcess[]> {
  const started = await Promise.allSettled(Array.from({ length: count }, () => startServer({
    DATABASE_URL: url, DATABASE_POOL: '4', NODE_ENV: 'test', SEED_DEMO: 'false',
    ADMIN_USERNAME: PG_ADMIN.username, ADMIN_PASSWORD: PG_ADMIN.password, ...env,
  })))
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed) {
    await Promise.all(servers.map((s) => s.kill('SIGKILL')))
    throw failed.reason
  }
  return servers
}

export class HttpRefusal extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message)
  }
}

// One person's session, valid on every server (sessions live in the database): each call may go to
// another server, as a load balancer would send it.
export class Session {
  cookie = ''

  async call<T = any>(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${base}/api${path}`, {
      method, headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const set = res.headers.get('set-cookie')
    if (set) this.cookie = set.split(';')[0]
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }

  // The answer's body when its status is `ok`; a refusal (4xx) with its code; any other failure thrown
  // as worth retrying (a 5xx, a refused connection).
  async ok<T = any>(base: string, method: string, path: string, body?: unknown, ok = [200, 201]): Promise<T> {
    const res = await this.call<T>(base, method, path, body)
    if (ok.includes(res.status)) return res.body
    const error = (res.body as { error?: { code?: string; message?: string } } | null)?.error
    if (res.status >= 400 && res.status < 500) throw new HttpRefusal(res.status, error?.code ?? String(res.status), `${method} ${path}: ${res.status} ${error?.message ?? ''}`)
    throw Object.assign(new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`), { code: `HTTP ${res.status} ${error?.code ?? ''}`.trim() })
  }
}

// A server as the exam traffic sees it: the real HTTP API of one process, with each person's session.
export function httpExamClient(base: string, sessions: Map<string, Session>, roundId: string): ExamClient {
  const session = (person: string) => sessions.get(person)!
  return {
    begin: async (person) => (await session(person).ok<{ attempt: Attempt }>(base, 'POST', `/rounds/${roundId}/attempts`, {})).attempt,
    save: async (person, attemptId, position, choice) => { await session(person).ok(base, 'PUT', `/attempts/${attemptId}/items/${position}`, { choice }) },
    finish: async (person, attemptId) => {
      const body = await session(person).ok<{ result: { score: number } }>(base, 'POST', `/attempts/${attemptId}/submit`, {})
      return { score: body.result.score }
    },
    refusal: (err) => (err instanceof HttpRefusal ? err.code : undefined),
  }
}

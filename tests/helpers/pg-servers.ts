import type { Attempt } from '../../api/schemas/wire'
import type { ExamClient } from './exam-traffic'
import { startServer, type ServerProcess } from './server-process'
import { HttpRefusal, Session } from './session'

export { Session }

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

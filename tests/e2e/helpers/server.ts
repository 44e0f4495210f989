import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createPgDatabase } from '../../helpers/pg-app'

const root = fileURLToPath(new URL('../../..', import.meta.url))
export const ADMIN = { username: 'admin', password: 'admin-secret-1' }

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))))
    })
  })
}

export type TestServer = { baseUrl: string; stop: () => Promise<void>; output: () => string }

// The real server on a fresh database, as one node process (killing `npx tsx` would leave it running):
// a SQLite file, or with STORE=pg (the e2e-pg project) a database of its own on the run's PostgreSQL.
export async function startServer(): Promise<TestServer> {
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'hoithi-e2e-'))
  const store = process.env.STORE === 'pg' ? { DATABASE_URL: createPgDatabase().url } : {}
  let log = ''
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    cwd: root,
    env: {
      ...process.env, NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: join(dir, 'e2e.db'),
      ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password, SEED_DEMO: 'false', LOG_REQUESTS: 'false', ...store,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d) => { log += String(d) })
  child.stderr?.on('data', (d) => { log += String(d) })
  const baseUrl = `http://127.0.0.1:${port}`
  const started = Date.now()
  for (;;) {
    if (child.exitCode != null) throw new Error(`server exited (${child.exitCode}):\n${log}`)
    try {
      const res = await fetch(`${baseUrl}/api/health`)
      if (res.status === 200) break
    } catch { /* not listening yet */ }
    if (Date.now() - started > 60_000) {
      child.kill('SIGKILL')
      throw new Error(`server not healthy after 60 s:\n${log}`)
    }
    await new Promise((r) => setTimeout(r, 200).unref())
  }
  return {
    baseUrl,
    output: () => log,
    async stop() {
      if (child.exitCode == null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
        await exited
        clearTimeout(timer)
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

// The body of an API answer set up through HttpClient, once its status is the one expected.
export async function ok<T = any>(res: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const r = await res
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`)
  return r.body
}

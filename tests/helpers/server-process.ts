import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { Session } from './session'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address()
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))))
    })
  })
}

export type ServerProcess = { url: string; child: ChildProcess; output: () => string; kill: (signal?: NodeJS.Signals) => Promise<void> }

// The server from its TypeScript sources, through the tsx loader; a built one is ['dist/server/server.js'].
export const SOURCE_SERVER = ['--import', 'tsx', 'api/server.ts']

// The real server as its own process: node itself with tsx as a loader (not npx), so a kill reaches it.
export async function startServer(env: Record<string, string>, port?: number, args = SOURCE_SERVER): Promise<ServerProcess> {
  const p = port ?? (await freePort())
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(p), HOST: '127.0.0.1', LOG_REQUESTS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (d) => { out += String(d) })
  child.stderr?.on('data', (d) => { out += String(d) })
  const url = `http://127.0.0.1:${p}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${out}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) break
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${out}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  const kill = (signal: NodeJS.Signals = 'SIGTERM') => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill(signal)
  })
  return { url, child, output: () => out, kill }
}

// A fetch-based client with a cookie jar, for talking to one server process.
export class HttpClient {
  private session = new Session()
  constructor(private base: string) {}
  call(method: string, path: string, body?: unknown) {
    return this.session.call(this.base, method, path, body)
  }
}

import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const ADMIN = { username: 'bench-admin', password: 'bench-admin-password-1' }

// Every server this process spawned is killed when it exits, whatever went wrong in between.
const spawned = new Set<ChildProcess>()
process.on('exit', () => { for (const c of spawned) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL') })
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => process.exit(130))

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address()
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))))
    })
  })
}

export type Server = {
  url: string; pid: number; child: ChildProcess; readyMs: number
  output: () => string; alive: () => boolean; stop: () => Promise<void>
  peakRssMb: () => number; rssMb: () => number; resetPeak: () => void; cpuSec: () => number
}

// utime + stime of the process, in seconds (clock ticks of 1/100 s on Linux).
export function cpuOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch { return NaN }
}

export function statusField(pid: number, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) / 1024 : NaN
  } catch { return NaN }
}

// The real server as one node process, as `npm start` runs it: the built dist/server/server.js (run.ts builds
// it first), never npx, so a kill reaches it. Request logging is on, as by default; the lines go to a file
// beside the databases (requests.log), as they would go to the journal, and only stderr is kept here.
// readyMs is spawn to the first 200 from /api/health, polled every 10 ms.
// `root`: the checkout whose build to run (another commit's `git worktree`, for a before/after); this one by default.
export async function startServer(opts: { dbPath: string; seedDemo: boolean; profileDir?: string; env?: Record<string, string>; logDir: string; root?: string }): Promise<Server> {
  const port = await freePort()
  const big = '1000000000'
  const args = [...(opts.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.profileDir}`] : []), 'dist/server/server.js']
  const t0 = performance.now()
  const env: Record<string, string | undefined> = {
    ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: opts.dbPath,
    ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password, SEED_DEMO: String(opts.seedDemo), LOG_REQUESTS: 'true',
    RATE_REGISTER_PER_MIN: big, RATE_SIGNIN_PER_MIN: big, RATE_START_PER_MIN: big, RATE_START_PER_PARTICIPANT_PER_MIN: big,
    RATE_SIGNIN_FAILS_PER_ID_PER_MIN: big, ...opts.env,
  }
  // A DATABASE_URL in the caller's environment would move a SQLite run onto PostgreSQL.
  if (!opts.env?.DATABASE_URL) delete env.DATABASE_URL
  const log = openSync(join(opts.logDir, 'requests.log'), 'a')
  const child = spawn(process.execPath, args, { cwd: opts.root ?? ROOT, env, stdio: ['ignore', log, 'pipe'] })
  closeSync(log)
  spawned.add(child)
  child.once('exit', () => spawned.delete(child))
  let out = ''
  const keep = (d: Buffer) => { out = (out + String(d)).slice(-20_000) }
  child.stderr?.on('data', keep)
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 600_000
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited early (${child.exitCode ?? child.signalCode}):\n${out}`)
    try {
      if ((await fetch(`${url}/api/health`)).ok) break
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`server did not become healthy:\n${out}`) }
    await new Promise((r) => setTimeout(r, 10))
  }
  const readyMs = performance.now() - t0
  const pid = child.pid!
  const alive = () => child.exitCode === null && child.signalCode === null
  const stop = () => new Promise<void>((resolve) => {
    if (!alive()) return resolve()
    const hard = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.once('exit', () => { clearTimeout(hard); resolve() })
    child.kill('SIGTERM')
  })
  return {
    url, pid, child, readyMs, output: () => out, alive, stop,
    peakRssMb: () => statusField(pid, 'VmHWM'),
    rssMb: () => statusField(pid, 'VmRSS'),
    cpuSec: () => cpuOf(pid),
    // Linux: writing 5 to clear_refs resets VmHWM to the current RSS, so each phase gets its own peak.
    resetPeak: () => { try { writeFileSync(`/proc/${pid}/clear_refs`, '5') } catch { /* keep the lifetime peak */ } },
  }
}

// The bare ceiling (bare-server.mjs) in its own process: every throughput of the run is also given as a ratio
// to it, measured with the same connections just before the phase.
export async function startBare(): Promise<Server> {
  const port = await freePort()
  const child = spawn(process.execPath, [fileURLToPath(new URL('./bare-server.mjs', import.meta.url))], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] })
  spawned.add(child)
  child.once('exit', () => spawned.delete(child))
  let out = ''
  child.stdout?.on('data', (d) => { out += String(d) })
  child.stderr?.on('data', (d) => { out += String(d) })
  const t0 = performance.now()
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`bare server exited: ${out}`)
    try { if ((await fetch(`${url}/`)).ok) break } catch { /* not listening yet */ }
    if (i > 500) throw new Error('bare server did not answer')
    await new Promise((r) => setTimeout(r, 10))
  }
  const pid = child.pid!
  const alive = () => child.exitCode === null && child.signalCode === null
  return {
    url, pid, child, readyMs: performance.now() - t0, output: () => out, alive,
    stop: () => new Promise<void>((resolve) => { if (!alive()) return resolve(); child.once('exit', () => resolve()); child.kill('SIGKILL') }),
    peakRssMb: () => statusField(pid, 'VmHWM'), rssMb: () => statusField(pid, 'VmRSS'), cpuSec: () => cpuOf(pid),
    resetPeak: () => { try { writeFileSync(`/proc/${pid}/clear_refs`, '5') } catch { /* keep */ } },
  }
}

import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './server-process'

// A throwaway PostgreSQL cluster for tests and benchmarks: Debian's server binaries, a temporary data
// directory, a free port on 127.0.0.1, durability off (fsync, full pages) because the data dies with it.
// PostgreSQL refuses to run as root, and CI runs as root: then the cluster runs as the `postgres` user
// that Debian's package creates. Missing binaries are an error, never a skip (.ci/run installs them).

export type PgCluster = { port: number; dir: string; url: (database: string) => string; stop: () => void }

const BIN_DIRS = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin']

function binDir(): string {
  const fromEnv = process.env.PG_BIN
  const found = [fromEnv, ...BIN_DIRS].find((d): d is string => !!d && existsSync(join(d, 'pg_ctl')))
  if (!found) throw new Error('PostgreSQL server binaries not found (looked in PG_BIN and /usr/lib/postgresql/*/bin). Install them with: apt-get update && apt-get install -y postgresql')
  return found
}

const asRoot = () => process.getuid?.() === 0

function userIds(name: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`))
  if (!line) throw new Error(`running as root needs the '${name}' user that Debian's postgresql package creates`)
  const [, , uid, gid] = line.split(':')
  return { uid: Number(uid), gid: Number(gid) }
}

// Runs a server binary (initdb, pg_ctl, pg_basebackup…) as the user that owns the clusters.
export function pgRun(name: string, args: string[]): string {
  const bin = join(binDir(), name)
  const [cmd, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]
  const out = spawnSync(cmd, argv, { encoding: 'utf8' })
  if (out.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${out.status}):\n${out.stdout}\n${out.stderr}`)
  return out.stdout
}

// A fresh temporary directory the clusters' owner can write: data directories, sockets and logs go in it.
export function ownedTempDir(): string {
  binDir() // missing binaries fail here, before anything is made
  const dir = mkdtempSync(join(tmpdir(), 'hoithi-pg-'))
  if (asRoot()) {
    const { uid, gid } = userIds('postgres')
    chownSync(dir, uid, gid)
  }
  return dir
}

export function initCluster(data: string) {
  pgRun('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'])
}

// What every throwaway server runs with; sockets go in `dir`.
export const throwawaySettings = (dir: string): Record<string, string> => ({
  listen_addresses: '127.0.0.1', unix_socket_directories: dir, fsync: 'off', full_page_writes: 'off',
  synchronous_commit: 'off', max_connections: '300',
})

// pg_ctl hands -o to a shell: values with spaces or quotes are quoted for it.
const shellWord = (v: string) => (/^[\w./:,=-]*$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`)

// Starts the server of a data directory and waits until it accepts connections.
export function startServer(data: string, port: number, settings: Record<string, string>, log: string) {
  const flags = [`-p ${port}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${shellWord(v)}`)].join(' ')
  pgRun('pg_ctl', ['-D', data, '-o', flags, '-l', log, '-w', '-t', '60', 'start'])
}

export function stopServer(data: string) {
  try { pgRun('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']) } catch { /* already down */ }
}

export const serverUrl = (port: number, database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`

export async function startCluster(options: { settings?: Record<string, string> } = {}): Promise<PgCluster> {
  const dir = ownedTempDir()
  const data = join(dir, 'data')
  initCluster(data)
  const port = await freePort()
  startServer(data, port, { ...throwawaySettings(dir), ...options.settings }, join(dir, 'server.log'))
  let stopped = false
  return {
    port,
    dir,
    url: (database) => serverUrl(port, database),
    stop() {
      if (stopped) return
      stopped = true
      stopServer(data)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

// psql-free administration (CREATE DATABASE … TEMPLATE …) goes through the client in the tests; this
// is for a quick look when something fails.
export function clusterLog(cluster: PgCluster): string {
  try { return execFileSync('tail', ['-n', '50', join(cluster.dir, 'server.log')], { encoding: 'utf8' }) } catch { return '' }
}

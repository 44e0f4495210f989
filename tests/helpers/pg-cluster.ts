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

// Runs a server binary as the user that owns the cluster.
function run(bin: string, args: string[]) {
  const [cmd, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]
  const out = spawnSync(cmd, argv, { encoding: 'utf8' })
  if (out.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${out.status}):\n${out.stdout}\n${out.stderr}`)
  return out.stdout
}

export async function startCluster(options: { settings?: Record<string, string> } = {}): Promise<PgCluster> {
  const bin = binDir()
  const dir = mkdtempSync(join(tmpdir(), 'hoithi-pg-'))
  if (asRoot()) {
    const { uid, gid } = userIds('postgres')
    chownSync(dir, uid, gid)
  }
  const data = join(dir, 'data')
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'])
  const port = await freePort()
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1', unix_socket_directories: dir, fsync: 'off', full_page_writes: 'off',
    synchronous_commit: 'off', max_connections: '300', ...options.settings,
  }
  const flags = [`-p ${port}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(' ')
  run(join(bin, 'pg_ctl'), ['-D', data, '-o', flags, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start'])
  let stopped = false
  return {
    port,
    dir,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop() {
      if (stopped) return
      stopped = true
      try { run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']) } catch { /* already down */ }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

// psql-free administration (CREATE DATABASE … TEMPLATE …) goes through the client in the tests; this
// is for a quick look when something fails.
export function clusterLog(cluster: PgCluster): string {
  try { return execFileSync('tail', ['-n', '50', join(cluster.dir, 'server.log')], { encoding: 'utf8' }) } catch { return '' }
}

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import postgres from 'postgres'
import { startCluster, type PgCluster } from '../../tests/helpers/pg-cluster'

// Durability as in production except for the flush at commit: fsync and full-page writes stay on (a crash
// never corrupts), and a commit is answered before its WAL reaches the disk, as with SQLite's WAL at
// synchronous=NORMAL (db/client.ts). README "Stores and durability" says what each may lose.
export const BENCH_PG_SETTINGS: Record<string, string> = { fsync: 'on', full_page_writes: 'on', synchronous_commit: 'off', shared_buffers: '256MB' }

export type BenchCluster = PgCluster & {
  createDatabase: (name: string) => Promise<string> // its URL
  cpuSec: () => number // the postmaster and every backend, live or ended
  newLogLines: () => string[] // ERROR, FATAL and PANIC lines of the server log since the last call
}

export async function startBenchCluster(): Promise<BenchCluster> {
  const cluster = await startCluster({ settings: BENCH_PG_SETTINGS })
  process.once('exit', () => cluster.stop())
  const data = join(cluster.dir, 'data')
  const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0])
  const log = join(cluster.dir, 'server.log')
  let logRead = 0
  return {
    ...cluster,
    async createDatabase(name) {
      const sql = postgres(cluster.url('postgres'), { max: 1, onnotice: () => undefined })
      try { await sql.unsafe(`CREATE DATABASE "${name}"`) } finally { await sql.end() }
      return cluster.url(name)
    },
    cpuSec: () => treeCpuSec(postmaster),
    newLogLines() {
      const text = readFileSync(log, 'utf8')
      const fresh = text.slice(logRead)
      logRead = text.length
      return fresh.split('\n').filter((l) => /\b(ERROR|FATAL|PANIC):/.test(l))
    },
  }
}

// CPU seconds of a process, of its ended children (cutime + cstime, once reaped) and of its live children.
function treeCpuSec(root: number): number {
  const stat = (pid: number | string) => {
    try { return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ').map(Number) } catch { return null }
  }
  const own = stat(root)
  if (!own) return NaN
  let ticks = own[11] + own[12] + own[13] + own[14]
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue
    const f = stat(pid)
    if (f && f[1] === root) ticks += f[11] + f[12]
  }
  return ticks / 100
}

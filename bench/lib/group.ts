import { join } from 'node:path'
import type { Ctx } from './config'
import type { BenchCluster } from './pg'
import { startServer, type Server } from './server'

// The servers of one configuration of the contest day: the SQLite baseline (one process on one file), or
// one or more processes on one PostgreSQL database. phase() reads the CPU and peak RSS of all of them.
export type Group = {
  label: string // '' for the SQLite baseline, 'pg' or 'pg×3': the rows' scenario carries it
  servers: Server[]
  resetPeak: () => void
  cpuSec: () => number // all the group's server processes, summed
  peakRssMb: () => number // the largest of them
  dbCpuSec?: () => number // PostgreSQL's processes
  refused: Record<string, number> // answers other than 2xx in the measured loads, by status (loadOn)
  stop: () => Promise<void>
}

export function groupOf(label: string, servers: Server[], dbCpuSec?: () => number): Group {
  return {
    label, servers, dbCpuSec, refused: {},
    resetPeak: () => { for (const s of servers) s.resetPeak() },
    cpuSec: () => servers.reduce((a, s) => a + s.cpuSec(), 0),
    peakRssMb: () => Math.max(...servers.map((s) => s.peakRssMb())),
    stop: async () => { await Promise.all(servers.map((s) => s.stop())) },
  }
}

export const solo = (server: Server): Group => groupOf('', [server])

// For a row's settings: how a phase's connections were spread.
export const spread = (g: Pick<Group, 'servers'>) => (g.servers.length > 1 ? ` over ${g.servers.length} servers` : '')

export async function startSqliteGroup(ctx: Ctx): Promise<Group> {
  return solo(await startServer({ dbPath: join(ctx.tmp, 'day.db'), seedDemo: true, profileDir: ctx.profileDir, logDir: ctx.tmp }))
}

// `count` servers started together on a fresh database, as a deployment starts them: each migrates and
// seeds, and the locks let one do it.
export async function startPgGroup(ctx: Ctx, cluster: BenchCluster, count: number, pool?: number): Promise<Group> {
  const url = await cluster.createDatabase(`day_${count}`)
  const env = { DATABASE_URL: url, ...(pool ? { DATABASE_POOL: String(pool) } : {}) }
  const started = await Promise.allSettled(Array.from({ length: count }, () =>
    startServer({ dbPath: join(ctx.tmp, 'unused.db'), seedDemo: true, profileDir: ctx.profileDir, env, logDir: ctx.tmp })))
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed) {
    await Promise.all(servers.map((s) => s.stop()))
    throw failed.reason
  }
  return groupOf(count > 1 ? `pg×${count}` : 'pg', servers, cluster.cpuSec)
}

// What the servers wrote beyond their start-up lines (requests are not logged): errors and warnings, which
// the HTTP figures alone would hide; and the answers other than 2xx over the measured loads.
export function outputNotes(ctx: Ctx, group: Group) {
  const found = group.servers.map((s, i) => {
    const bad = s.output().split('\n').filter((l) => /error|warn|exception|unhandled|INTERNAL/i.test(l))
    const who = group.servers.length > 1 ? `server ${i + 1}` : 'server'
    return bad.length ? `${who}: ${bad.length} lines of errors or warnings; first: ${bad[0].slice(0, 300)}` : ''
  }).filter(Boolean)
  const refused = Object.keys(group.refused).length ? JSON.stringify(group.refused) : 'none'
  ctx.report.note(`server output: ${found.length ? found.join('; ') : 'no errors or warnings'}. Answers other than 2xx in the measured loads: ${refused}.`)
}

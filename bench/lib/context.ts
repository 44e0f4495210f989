import { readFileSync } from 'node:fs'
import { solo, spread, type Group } from './group'
import type { LoadResult } from './load'
import type { Report } from './report'
import type { Server } from './server'
import { loadOn } from './spread'

export type Config = {
  participants: number // registered through the API for scenarios 1–4 and 6
  rushConnections: number // start and submit rushes
  saveConnections: number // answer saves, and the health baseline they are compared with
  readerConnections: number // each of the three reader kinds while saves run (scenario 4)
  durationSec: number
  watchers: number // SSE subscribers that refetch the board during the deadline rush
  fanout: number
  big: { people: number; attempts: number; units: number; mids: number; sessions: number; withItems: boolean }
}

export const FULL: Config = {
  participants: 2000, rushConnections: 50, saveConnections: 100, readerConnections: 10, durationSec: 10, watchers: 200, fanout: 2000,
  big: { people: 900_000, attempts: 1_000_000, units: 2000, mids: 40, sessions: 2000, withItems: true },
}
export const QUICK: Config = {
  participants: 150, rushConnections: 50, saveConnections: 100, readerConnections: 10, durationSec: 2, watchers: 20, fanout: 200,
  big: { people: 18_000, attempts: 20_000, units: 200, mids: 10, sessions: 200, withItems: true },
}

export type Ctx = { cfg: Config; quick: boolean; report: Report; tmp: string; profileDir?: string; log: (s: string) => void }
export type Person = { id: string; cookie: string; attemptId?: string; attempt2Id?: string }

// /api/health on the same server group with the same autocannon settings: the denominator of every ratio.
// A full run measures it right before each phase (the machine is noisy); quick reuses one per setting.
const baselines = new WeakMap<object, Map<string, LoadResult>>()
export async function health(ctx: Ctx, target: Group | Server, connections: number, label: string): Promise<LoadResult> {
  let perTarget = baselines.get(target)
  if (!perTarget) baselines.set(target, (perTarget = new Map()))
  const key = `${connections}`
  const hit = perTarget.get(key)
  if (hit && ctx.quick) return hit
  const group = 'servers' in target ? target : solo(target)
  const { value: r, rssMb, cpu } = await phase(group, () => loadOn(group, connections, () => ({ durationSec: ctx.cfg.durationSec, request: { path: '/api/health' } })))
  perTarget.set(key, r)
  ctx.report.add({ scenario: label, what: '/api/health (baseline for the next row)', settings: `${connections} conn${spread(group)}, ${ctx.cfg.durationSec} s`, n: r.ok, p50: r.latency.p50, p95: r.latency.p95, p99: r.latency.p99, rps: r.rps, ratio: 1, rssMb, cpu })
  return r
}

// Wraps a phase: resets the servers' peak RSS first and reads it after (the largest server process); the CPU
// used over the phase by the servers (summed), by PostgreSQL's processes and by this process (the load
// generator) tells which side was the limit. "other" is everything else on the (shared) machine.
export type Metered = Pick<Group, 'resetPeak' | 'cpuSec' | 'peakRssMb'> & { dbCpuSec?: () => number }
export async function phase<T>(target: Metered, fn: () => Promise<T>): Promise<{ value: T; rssMb: number; cpu: string }> {
  target.resetPeak()
  const s0 = target.cpuSec()
  const d0 = target.dbCpuSec?.() ?? 0
  const g0 = process.cpuUsage()
  const m0 = machineBusySec()
  const t0 = performance.now()
  const value = await fn()
  const wall = (performance.now() - t0) / 1000
  const g = process.cpuUsage(g0)
  const srv = target.cpuSec() - s0
  const db = (target.dbCpuSec?.() ?? 0) - d0
  const gen = (g.user + g.system) / 1e6
  const other = Math.max(0, machineBusySec() - m0 - srv - db - gen)
  const pct = (x: number) => `${Math.round((100 * x) / wall)}%`
  // /proc counts in 10 ms ticks: too coarse for a phase shorter than half a second.
  const cpu = wall < 0.5 ? '' : `server ${pct(srv)}, ${target.dbCpuSec ? `postgres ${pct(db)}, ` : ''}generator ${pct(gen)}, other ${pct(other)}`
  return { value, rssMb: target.peakRssMb(), cpu }
}

// Busy CPU seconds of the whole machine so far (all cores), from /proc/stat.
export function machineBusySec(): number {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0)
    return (total - f[3] - f[4]) / 100
  } catch { return NaN }
}

// CPU used by other processes over `ms`, in cores: a busy machine makes every number here worse.
export async function otherLoad(ms = 1000): Promise<number> {
  const m0 = machineBusySec()
  const g0 = process.cpuUsage()
  await sleep(ms)
  const g = process.cpuUsage(g0)
  return Math.max(0, machineBusySec() - m0 - (g.user + g.system) / 1e6) / (ms / 1000)
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

import { readFileSync } from 'node:fs'
import { solo, spread, type Group } from './group'
import type { LoadResult } from './load'
import type { Server } from './server'
import { loadOn } from './spread'

import type { Ctx } from './config'

export { FULL, QUICK, type Config, type Ctx, type Person } from './config'

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

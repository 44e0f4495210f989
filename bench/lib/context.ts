import { readFileSync } from 'node:fs'
import { solo, spread, type Group } from './group'
import type { LoadResult } from './load'
import { fromLoad } from './report'
import type { Server } from './server'
import { loadOn } from './spread'

import type { Ctx } from './config'

export { FULL, QUICK, type Config, type Ctx, type Person } from './config'

// The denominators of every ratio, measured with the same autocannon settings right before each phase (the
// machine is noisy; quick reuses one per setting): the bare node:http ceiling in its own process, then
// /api/health on the same server group. `bareRps` is the ceiling's throughput.
export type Baseline = LoadResult & { bareRps: number }
const baselines = new WeakMap<object, Map<string, Baseline>>()
export const HEALTH_OF_BARE = 0.7 // issue 17's target for the health route
export async function health(ctx: Ctx, target: Group | Server, connections: number, label: string): Promise<Baseline> {
  let perTarget = baselines.get(target)
  if (!perTarget) baselines.set(target, (perTarget = new Map()))
  const key = `${connections}`
  const hit = perTarget.get(key)
  if (hit && ctx.quick) return hit
  const group = 'servers' in target ? target : solo(target)
  const settings = `${connections} conn, ${ctx.cfg.durationSec} s`
  const bare = await phase(solo(ctx.bare), () => loadOn(solo(ctx.bare), connections, () => ({ durationSec: ctx.cfg.durationSec, request: { path: '/api/health' } })))
  ctx.report.add({ scenario: label, what: 'bare node:http (the ceiling)', settings, ...fromLoad(bare.value), bare: 1, rssMb: bare.rssMb, cpu: bare.cpu })
  const { value: r, rssMb, cpu } = await phase(group, () => loadOn(group, connections, () => ({ durationSec: ctx.cfg.durationSec, request: { path: '/api/health' } })))
  const base: Baseline = { ...r, bareRps: bare.value.rps }
  perTarget.set(key, base)
  const ofBare = r.rps / bare.value.rps
  ctx.report.add({ scenario: label, what: '/api/health (baseline for the next row)', settings: `${connections} conn${spread(group)}, ${ctx.cfg.durationSec} s`, ...fromLoad(r), ratio: 1, bare: ofBare, rssMb, cpu,
    target: `≥ ${HEALTH_OF_BARE.toFixed(2)} of bare`, met: ofBare >= HEALTH_OF_BARE })
  return base
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

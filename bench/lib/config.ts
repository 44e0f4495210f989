import type { Report } from './report'
import type { Server } from './server'

// The benchmark's sizes (full and quick) and what every scenario is handed.
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

// bare: the bare node:http ceiling (bench/lib/bare-server.mjs), started once for the run.
export type Ctx = { cfg: Config; quick: boolean; report: Report; tmp: string; profileDir?: string; log: (s: string) => void; bare: Server }
export type Person = { id: string; cookie: string; attemptId?: string; attempt2Id?: string }

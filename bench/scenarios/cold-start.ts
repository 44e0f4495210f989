import { phase, type Ctx } from '../lib/context'
import { call, probeWhile, serverTimingMs } from '../lib/http'
import { load } from '../lib/load'
import { fromLoad, serverText } from '../lib/report'
import { startServer } from '../lib/server'
import type { Big } from './big-round'

// 7. Cold start of the server process on the big database (OS file cache warm; no build step).
export async function coldStart(ctx: Ctx, big: Big) {
  if (big.server?.alive()) await big.server.stop()
  const server = await startServer({ dbPath: big.dbPath, seedDemo: false, profileDir: ctx.profileDir, logDir: ctx.tmp })
  big.server = server
  const rssAtReady = server.peakRssMb()
  const lb = `/rounds/${big.roundId}/leaderboard`
  const { value: first, worstMs } = await probeWhile(server.url, call(server.url, 'GET', `${lb}?limit=50&offset=0`))
  // RSS is the peak after the first page too: a board built on first use costs its memory there.
  ctx.report.add({ scenario: '7', what: 'cold start to healthy, big database', value: `${(server.readyMs / 1000).toFixed(2)} s (RSS ${Math.round(rssAtReady)} MB); first board page ${first.ms.toFixed(0)} ms later (server ${serverTimingMs(first.headers).toFixed(0)} ms; /api/health meanwhile up to ${worstMs.toFixed(0)} ms)`,
    rssMb: server.peakRssMb(), target: '≤ 5 s', met: server.readyMs <= 5000 })
  // The round is finalized (scenario 5): until its locked board is read into memory, pages come from SQLite,
  // and that read shares the thread with them. Two windows in a row show how soon the pages are fast again.
  if (first.status !== 200) return
  const total = first.body?.total ?? 0
  const conn = ctx.cfg.saveConnections
  for (const window of ['first', 'next']) {
    const p = await phase(server, () => load({ url: server.url, connections: conn, durationSec: ctx.cfg.durationSec, request: () => ({ path: `/api${lb}?limit=50&offset=${50 * Math.floor(Math.random() * Math.ceil(total / 50))}` }) }))
    ctx.report.add({ scenario: '7', what: `board page (random page of 50) after the restart, ${window} ${ctx.cfg.durationSec} s`, settings: `${conn} conn, finalized board of ${total}`, ...fromLoad(p.value),
      server: serverText(p.value), rssMb: p.rssMb, cpu: p.cpu, met: null })
  }
}

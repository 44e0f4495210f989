import type { Ctx } from '../lib/context'
import { longRequest, probeWhile, signIn } from '../lib/http'
import { invented } from '../lib/invented-bank'
import { ADMIN, type Server } from '../lib/server'

// 8. A 20,000-question workbook imported through the API while /api/health is probed: parsing runs in a
// worker thread, so the server keeps answering everyone else meanwhile.
export async function importWhileServing(ctx: Ctx, server: Server) {
  const n = ctx.quick ? 2000 : 20_000
  const { writeExport } = await import('../../api/formats/index')
  const file = await writeExport('xlsx', Array.from({ length: n }, (_, i) => invented(900_000 + i)))
  const admin = await signIn(server.url, ADMIN.username, ADMIN.password)
  server.resetPeak()
  const p = await probeWhile(server.url, longRequest(server.url, 'POST', '/admin/questions/import?format=xlsx', admin, 600_000, file).catch((e: Error) => ({ error: e.message })), 20)
  const v = p.value
  if ('error' in v || v.status !== 200) {
    ctx.report.add({ scenario: '8', what: `import of ${n.toLocaleString('en-US')} questions (xlsx)`, value: 'error' in v ? v.error : `HTTP ${v.status} ${v.text.slice(0, 200)}`, met: false })
    return
  }
  ctx.report.add({
    scenario: '8', what: `import of ${n.toLocaleString('en-US')} questions (xlsx, ${(file.byteLength / 2 ** 20).toFixed(1)} MiB), health probed every 20 ms`,
    value: `${(v.totalMs / 1000).toFixed(1)} s; /api/health meanwhile p99 ${p.p99Ms.toFixed(0)} ms, worst ${p.worstMs.toFixed(0)} ms over ${p.probes} probes`,
    rssMb: server.peakRssMb(), target: 'health p99 ≤ 100 ms', met: p.p99Ms <= 100,
  })
}

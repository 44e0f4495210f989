import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { describe } from '../lib/openapi'
import { params, query } from '../lib/validate'
import { staff } from '../middleware/session'
import { printSettings } from '../pdf/print-settings'
import { renderPdf } from '../pdf/render'
import { contestWinnersList, rootUnitName, roundWinnersList } from '../services/printed-results'
import { contestUnitsReport, roundUnitsReport } from '../services/printed-units'
import { ContestParam, Id, RoundParam } from '../schemas/params'

const PrintQuery = z.object({ place: z.string().trim().min(1).max(100).optional(), signer: z.string().trim().min(1).max(100).optional() })
const UnitsQuery = PrintQuery.extend({ unitId: Id.optional() })

// PDFs open in the browser's viewer; the audit head they were made against is also a header.
function sendPdf(c: Context<AppEnv>, body: Uint8Array, name: string, auditHead: string) {
  c.header('Content-Type', 'application/pdf')
  c.header('Content-Disposition', `inline; filename="${name}"`)
  c.header('X-Audit-Head', auditHead)
  return c.body(body as Uint8Array<ArrayBuffer>)
}

async function settingsFor(c: Context<AppEnv>, contestId: string, over: z.infer<typeof PrintQuery>) {
  return printSettings(c.get('env'), await c.get('store').read(rootUnitName(contestId)), over)
}

// Printed results (issue 15): winners lists and unit reports of a finalized round, or of a contest's
// finalized rounds, as official documents.
export const resultsRoutes = new Hono<AppEnv>()
  .get('/admin/rounds/:roundId/winners.pdf',
    describe({ summary: 'In danh sách đoạt giải của đợt thi (PDF)', tag: 'results', answer: { file: 'pdf' } }, staff),
    params(RoundParam), query(PrintQuery),
    async (c) => {
      const { roundId } = c.req.valid('param')
      const over = c.req.valid('query')
      const list = await c.get('store').read(roundWinnersList(roundId, c.get('clock').now()))
      return sendPdf(c, await renderPdf({ kind: 'winners', list, settings: await settingsFor(c, list.contestId, over) }), 'danh-sach-doat-giai.pdf', list.audit.hash)
    })
  .get('/admin/contests/:contestId/winners.pdf',
    describe({ summary: 'In danh sách đoạt giải của cuộc thi (PDF)', tag: 'results', answer: { file: 'pdf' } }, staff),
    params(ContestParam), query(PrintQuery),
    async (c) => {
      const { contestId } = c.req.valid('param')
      const over = c.req.valid('query')
      const list = await c.get('store').read(contestWinnersList(contestId, c.get('clock').now()))
      return sendPdf(c, await renderPdf({ kind: 'winners', list, settings: await settingsFor(c, contestId, over) }), 'danh-sach-doat-giai-cuoc-thi.pdf', list.audit.hash)
    })
  .get('/admin/rounds/:roundId/units.pdf',
    describe({ summary: 'In báo cáo đơn vị của đợt thi (PDF)', tag: 'results', answer: { file: 'pdf' } }, staff),
    params(RoundParam), query(UnitsQuery),
    async (c) => {
      const { roundId } = c.req.valid('param')
      const over = c.req.valid('query')
      const report = await roundUnitsReport(c.get('store'), c.get('standings'), roundId, c.get('clock').now(), over.unitId)
      return sendPdf(c, await renderPdf({ kind: 'units', report, settings: await settingsFor(c, report.contestId, over) }), 'bao-cao-don-vi.pdf', report.audit.hash)
    })
  .get('/admin/contests/:contestId/units.pdf',
    describe({ summary: 'In báo cáo đơn vị của cuộc thi (PDF)', tag: 'results', answer: { file: 'pdf' } }, staff),
    params(ContestParam), query(UnitsQuery),
    async (c) => {
      const { contestId } = c.req.valid('param')
      const over = c.req.valid('query')
      const report = await contestUnitsReport(c.get('store'), c.get('standings'), contestId, c.get('clock').now(), over.unitId)
      return sendPdf(c, await renderPdf({ kind: 'units', report, settings: await settingsFor(c, contestId, over) }), 'bao-cao-don-vi-cuoc-thi.pdf', report.audit.hash)
    })

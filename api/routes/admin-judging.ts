import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { FILE_TYPES, readJson, readParams, readQuery, send, sendFile } from '../lib/http'
import { currentUser, requireRole } from '../middleware/session'
import { DisqualifyInput, RegradeInput, UndoDisqualifyInput } from '../schemas/admin'
import { disqualifyParticipant, regradeQuestion, undoDisqualification } from '../services/judging'
import { finalizeRound } from '../services/finalize'
import { listRecentReports } from '../services/reports'
import { openFlags } from '../services/open-flags'
import { resultsCsvStream, resultsExport, resultsXlsxStream } from '../services/results-export'

const RoundParam = z.object({ roundId: z.string().min(1).max(100) })
// db: finalize ranks a SQLite file in a worker thread, which opens the file by its path.
const finalizeDeps = (c: Context<AppEnv>) => ({ store: c.get('store'), db: c.get('db'), now: c.get('clock').now() })

// The ranking as a file, streamed, with the audit head it was made against.
async function results(c: Context<AppEnv>, format: 'csv' | 'xlsx') {
  const t = await resultsExport(c.get('store'), c.get('standings'), readParams(c, RoundParam).roundId)
  c.header('X-Audit-Head', t.auditHead)
  return sendFile(c, format === 'csv' ? resultsCsvStream(t) : resultsXlsxStream(t), FILE_TYPES[format], `ket-qua-dot-${t.round.number}.${format}`)
}

export const adminJudgingRoutes = new Hono<AppEnv>()
  .get('/rounds/:roundId/standings', requireRole('judge'), async (c) => {
    const { roundId } = readParams(c, RoundParam)
    const page = readQuery(c, z.object({ limit: z.coerce.number().int().min(1).max(5000).default(1000), offset: z.coerce.number().int().min(0).default(0) }))
    return send(c, await c.get('standings').judgePage(roundId, c.get('clock').now(), page))
  })
  .post('/rounds/:roundId/disqualify', requireRole('judge'), async (c) => {
    const { roundId } = readParams(c, RoundParam)
    const input = await readJson(c, DisqualifyInput)
    const now = c.get('clock').now()
    const me = currentUser(c)
    await c.get('store').write(() => disqualifyParticipant(me, roundId, input.participantId, input.reason, now))
    return send(c, { disqualified: { roundId, participantId: input.participantId, reason: input.reason } })
  })
  .delete('/rounds/:roundId/disqualify/:participantId', requireRole('judge'), async (c) => {
    const { roundId, participantId } = readParams(c, RoundParam.extend({ participantId: z.string().min(1).max(100) }))
    const { reason } = await readJson(c, UndoDisqualifyInput)
    const now = c.get('clock').now()
    const me = currentUser(c)
    await c.get('store').write(() => undoDisqualification(me, roundId, participantId, now, reason))
    return c.body(null, 204)
  })
  // Not in API.md (issue 15): what the finalize dialog lists before asking for confirmation.
  .get('/rounds/:roundId/open-flags', requireRole('judge'), async (c) => {
    const { roundId } = readParams(c, RoundParam)
    return send(c, await openFlags(c.get('store'), c.get('standings'), roundId, c.get('clock').now()))
  })
  .post('/rounds/:roundId/finalize', requireRole('judge'), async (c) => {
    const { roundId } = readParams(c, RoundParam)
    await readJson(c, z.object({}))
    return send(c, await finalizeRound(finalizeDeps(c), currentUser(c), roundId))
  })
  .post('/rounds/:roundId/regrade', requireRole('judge'), async (c) => {
    const { roundId } = readParams(c, RoundParam)
    const { questionId } = await readJson(c, RegradeInput)
    const now = c.get('clock').now()
    const me = currentUser(c)
    return send(c, await c.get('store').write(() => regradeQuestion(me, roundId, questionId, now)))
  })
  .get('/rounds/:roundId/results.csv', requireRole('judge'), (c) => results(c, 'csv'))
  .get('/rounds/:roundId/results.xlsx', requireRole('judge'), (c) => results(c, 'xlsx'))
  .get('/reports', requireRole('organizer', 'judge'), async (c) => send(c, { reports: await c.get('store').read(listRecentReports()) }))

import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { FILE_TYPES, send, sendFile } from '../lib/http'
import { describe } from '../lib/openapi'
import { body, params, query } from '../lib/validate'
import { currentUser, judge, staff } from '../middleware/session'
import { DisqualifyInput, RegradeInput, UndoDisqualifyInput } from '../schemas/admin'
import { Disqualification, FinalizeResult, JudgeStandings, OpenFlags, QuestionReport, RegradeResult } from '../schemas/wire'
import { disqualifyParticipant, regradeQuestion, undoDisqualification } from '../services/judging'
import { finalizeRound } from '../services/finalize'
import { listRecentReports } from '../services/reports'
import { openFlags } from '../services/open-flags'
import { resultsCsvStream, resultsExport, resultsXlsxStream } from '../services/results-export'
import { PersonParam, RoundParam } from '../schemas/params'

const StandingsQuery = z.object({ limit: z.coerce.number().int().min(1).max(5000).default(1000), offset: z.coerce.number().int().min(0).default(0) })
// db: finalize ranks a SQLite file in a worker thread, which opens the file by its path.
const finalizeDeps = (c: Context<AppEnv>) => ({ store: c.get('store'), db: c.get('db'), now: c.get('clock').now() })

// The ranking as a file, streamed, with the audit head it was made against.
async function results(c: Context<AppEnv>, roundId: string, format: 'csv' | 'xlsx') {
  const t = await resultsExport(c.get('store'), c.get('standings'), roundId)
  c.header('X-Audit-Head', t.auditHead)
  return sendFile(c, format === 'csv' ? resultsCsvStream(t) : resultsXlsxStream(t), FILE_TYPES[format], `ket-qua-dot-${t.round.number}.${format}`)
}

// The judges' console: the live standings, disqualifications, the finalize that locks the ranking, a
// question's regrade, the results files and the participants' reports of questions.
export const judgingRoutes = new Hono<AppEnv>()
  .get('/admin/rounds/:roundId/standings',
    describe({ summary: 'Bảng xếp hạng của giám khảo (trực tiếp, không đóng băng)', tag: 'judging', answer: { json: JudgeStandings } }, judge),
    params(RoundParam), query(StandingsQuery),
    async (c) => {
      const { roundId } = c.req.valid('param')
      const page = c.req.valid('query')
      return send(c, (await c.get('standings').judgePage(roundId, c.get('clock').now(), page)) satisfies JudgeStandings)
    })
  .post('/admin/rounds/:roundId/disqualify',
    describe({ summary: 'Truất quyền một thí sinh trong đợt thi', tag: 'judging', answer: { json: z.object({ disqualified: Disqualification }) } }, judge),
    params(RoundParam), body(DisqualifyInput),
    async (c) => {
      const { roundId } = c.req.valid('param')
      const input = c.req.valid('json')
      const now = c.get('clock').now()
      const me = currentUser(c)
      await c.get('store').write(() => disqualifyParticipant(me, roundId, input.participantId, input.reason, now))
      return send(c, { disqualified: { roundId, participantId: input.participantId, reason: input.reason } satisfies Disqualification })
    })
  .delete('/admin/rounds/:roundId/disqualify/:participantId',
    describe({ summary: 'Huỷ truất quyền (trước khi chốt kết quả)', tag: 'judging', answer: { empty: true } }, judge),
    params(RoundParam.extend(PersonParam.shape)), body(UndoDisqualifyInput),
    async (c) => {
      const { roundId, participantId } = c.req.valid('param')
      const { reason } = c.req.valid('json')
      const now = c.get('clock').now()
      const me = currentUser(c)
      await c.get('store').write(() => undoDisqualification(me, roundId, participantId, now, reason))
      return c.body(null, 204)
    })
  // Not in API.md (issue 15): what the finalize dialog lists before asking for confirmation.
  .get('/admin/rounds/:roundId/open-flags',
    describe({ summary: 'Cảnh báo và phản ánh còn mở trước khi chốt kết quả', tag: 'judging', answer: { json: OpenFlags } }, judge),
    params(RoundParam),
    async (c) => {
      const { roundId } = c.req.valid('param')
      return send(c, await openFlags(c.get('store'), c.get('standings'), roundId, c.get('clock').now()))
    })
  .post('/admin/rounds/:roundId/finalize',
    describe({ summary: 'Chốt kết quả đợt thi và trao giải', tag: 'judging', answer: { json: FinalizeResult } }, judge),
    params(RoundParam), body(z.object({})),
    async (c) => {
      const { roundId } = c.req.valid('param')
      return send(c, await finalizeRound(finalizeDeps(c), currentUser(c), roundId))
    })
  .post('/admin/rounds/:roundId/regrade',
    describe({ summary: 'Chấm lại một câu hỏi trong đợt thi', tag: 'judging', answer: { json: RegradeResult } }, judge),
    params(RoundParam), body(RegradeInput),
    async (c) => {
      const { roundId } = c.req.valid('param')
      const { questionId } = c.req.valid('json')
      const now = c.get('clock').now()
      const me = currentUser(c)
      return send(c, await c.get('store').write(() => regradeQuestion(me, roundId, questionId, now)))
    })
  .get('/admin/rounds/:roundId/results.csv',
    describe({ summary: 'Tải kết quả đợt thi (CSV)', tag: 'judging', answer: { file: 'csv' } }, judge),
    params(RoundParam),
    (c) => results(c, c.req.valid('param').roundId, 'csv'))
  .get('/admin/rounds/:roundId/results.xlsx',
    describe({ summary: 'Tải kết quả đợt thi (Excel)', tag: 'judging', answer: { file: 'xlsx' } }, judge),
    params(RoundParam),
    (c) => results(c, c.req.valid('param').roundId, 'xlsx'))
  .get('/admin/reports',
    describe({ summary: 'Phản ánh câu hỏi gần đây của thí sinh', tag: 'judging', answer: { json: z.object({ reports: z.array(QuestionReport) }) } }, staff),
    async (c) => send(c, { reports: await c.get('store').read(listRecentReports()) }))

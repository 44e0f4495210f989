import { Hono } from 'hono'
import type { Context } from 'hono'
import type { AppEnv } from '../app-env'
import { FILE_TYPES, send, sendFile } from '../lib/http'
import { describe } from '../lib/openapi'
import { params } from '../lib/validate'
import { staff } from '../middleware/session'
import { RoundItemStats } from '../schemas/wire'
import { itemStats } from '../services/item-stats'
import { itemStatsCsv, itemStatsTable, itemStatsXlsx } from '../services/item-stats-export'
import { roundRow } from '../services/round-view'
import { RoundParam } from '../schemas/params'

const roundStats = async (c: Context<AppEnv>, roundId: string) => {
  const round = await c.get('store').read(roundRow(roundId))
  return { round, report: await c.get('store').read(itemStats({ roundId: round.id })) }
}

// Item analysis of one round's questions for organizers and judges; the whole bank's is under
// /admin/questions/stats (questions.ts).
export const itemStatsRoutes = new Hono<AppEnv>()
  .get('/admin/rounds/:roundId/item-stats',
    describe({ summary: 'Phân tích câu hỏi của một đợt thi', tag: 'stats', answer: { json: RoundItemStats } }, staff),
    params(RoundParam),
    async (c) => {
      const { round, report } = await roundStats(c, c.req.valid('param').roundId)
      return send(c, { round: { id: round.id, number: round.number, title: round.title }, ...report } satisfies RoundItemStats)
    })
  .get('/admin/rounds/:roundId/item-stats.csv',
    describe({ summary: 'Tải phân tích câu hỏi của đợt thi (CSV)', tag: 'stats', answer: { file: 'csv' } }, staff),
    params(RoundParam),
    async (c) => {
      const { round, report } = await roundStats(c, c.req.valid('param').roundId)
      return sendFile(c, itemStatsCsv(itemStatsTable(report.items)), FILE_TYPES.csv, `thong-ke-cau-hoi-dot-${round.number}.csv`)
    })
  .get('/admin/rounds/:roundId/item-stats.xlsx',
    describe({ summary: 'Tải phân tích câu hỏi của đợt thi (Excel)', tag: 'stats', answer: { file: 'xlsx' } }, staff),
    params(RoundParam),
    async (c) => {
      const { round, report } = await roundStats(c, c.req.valid('param').roundId)
      const body = await itemStatsXlsx(itemStatsTable(report.items), `Đợt ${round.number}: ${round.title}`)
      return sendFile(c, body, FILE_TYPES.xlsx, `thong-ke-cau-hoi-dot-${round.number}.xlsx`)
    })

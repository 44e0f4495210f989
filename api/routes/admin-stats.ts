import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { FILE_TYPES, readParams, readQuery, send, sendFile } from '../lib/http'
import type { RoundItemStats } from '../schemas/wire'
import { requireRole } from '../middleware/session'
import { itemStats } from '../services/item-stats'
import { itemStatsCsv, itemStatsTable, itemStatsXlsx } from '../services/item-stats-export'
import { roundRow } from '../services/round-view'

const RoundParam = z.object({ roundId: z.string().min(1).max(100) })
const BankQuery = z.object({ topic: z.string().max(80).optional(), questionId: z.string().min(1).max(100).optional() })

const roundStats = async (c: Context<AppEnv>) => {
  const round = await c.get('store').read(roundRow(readParams(c, RoundParam).roundId))
  return { round, report: await c.get('store').read(itemStats({ roundId: round.id })) }
}
const bankStats = (c: Context<AppEnv>) => c.get('store').read(itemStats(readQuery(c, BankQuery)))

// Item analysis for organizers and judges. Mounted before the question routes in app.ts, since
// "/questions/:questionId" would otherwise take "/questions/stats".
export const adminStatsRoutes = new Hono<AppEnv>()
  .get('/rounds/:roundId/item-stats', requireRole('organizer', 'judge'), async (c) => {
    const { round, report } = await roundStats(c)
    return send(c, { round: { id: round.id, number: round.number, title: round.title }, ...report } satisfies RoundItemStats)
  })
  .get('/rounds/:roundId/item-stats.csv', requireRole('organizer', 'judge'), async (c) => {
    const { round, report } = await roundStats(c)
    return sendFile(c, itemStatsCsv(itemStatsTable(report.items)), FILE_TYPES.csv, `thong-ke-cau-hoi-dot-${round.number}.csv`)
  })
  .get('/rounds/:roundId/item-stats.xlsx', requireRole('organizer', 'judge'), async (c) => {
    const { round, report } = await roundStats(c)
    const body = await itemStatsXlsx(itemStatsTable(report.items), `Đợt ${round.number}: ${round.title}`)
    return sendFile(c, body, FILE_TYPES.xlsx, `thong-ke-cau-hoi-dot-${round.number}.xlsx`)
  })
  .get('/questions/stats', requireRole('organizer', 'judge'), async (c) => send(c, await bankStats(c)))
  .get('/questions/stats.csv', requireRole('organizer', 'judge'), async (c) =>
    sendFile(c, itemStatsCsv(itemStatsTable((await bankStats(c)).items)), FILE_TYPES.csv, 'thong-ke-cau-hoi.csv'))
  .get('/questions/stats.xlsx', requireRole('organizer', 'judge'), async (c) => {
    const body = await itemStatsXlsx(itemStatsTable((await bankStats(c)).items), 'Mọi đợt thi')
    return sendFile(c, body, FILE_TYPES.xlsx, 'thong-ke-cau-hoi.xlsx')
  })

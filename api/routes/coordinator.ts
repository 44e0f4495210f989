import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { FILE_TYPES, readParams, readQuery, send, sendFile } from '../lib/http'
import { currentUser, requireRole } from '../middleware/session'
import { MembersQuery } from '../schemas/coordinators'
import { coordinatorOverview } from '../services/coordinator-overview'
import { coordinatorScope } from '../services/coordinator-scope'
import { membersCsv, membersXlsxStream } from '../services/members-export'
import { listUnitMembers } from '../services/unit-members'

const UnitParam = z.object({ unitId: z.string().min(1).max(100) })
const OverviewQuery = MembersQuery.pick({ roundId: true })

// A coordinator's view of their unit's subtree; every read is checked against the subtree they hold.
async function membersOf(c: Context<AppEnv>) {
  const { unitId } = readParams(c, UnitParam)
  const query = readQuery(c, MembersQuery)
  const now = c.get('clock').now()
  return c.get('store').read(function* () {
    return yield* listUnitMembers(yield* coordinatorScope(currentUser(c).unitId), unitId, query, now)
  }())
}

const fileName = (page: { unit: { code: string } }, ext: string) => `thanh-vien-${page.unit.code.replace(/[^\w.-]+/g, '_')}.${ext}`

export const coordinatorRoutes = new Hono<AppEnv>()
  .use(requireRole('coordinator'))
  .get('/overview', async (c) => {
    const { roundId } = readQuery(c, OverviewQuery)
    const now = c.get('clock').now()
    const user = currentUser(c)
    return send(c, await c.get('store').read(function* () {
      return yield* coordinatorOverview(yield* coordinatorScope(user.unitId), roundId, now)
    }()))
  })
  .get('/units/:unitId/members', async (c) => send(c, await membersOf(c)))
  .get('/units/:unitId/members.csv', async (c) => {
    const page = await membersOf(c)
    return sendFile(c, new TextEncoder().encode(membersCsv(page)), FILE_TYPES.csv, fileName(page, 'csv'))
  })
  .get('/units/:unitId/members.xlsx', async (c) => {
    const page = await membersOf(c)
    return sendFile(c, membersXlsxStream(page, c.get('clock').now()), FILE_TYPES.xlsx, fileName(page, 'xlsx'))
  })

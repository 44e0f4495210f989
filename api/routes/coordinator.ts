import { Hono } from 'hono'
import type { Context } from 'hono'
import type { AppEnv } from '../app-env'
import { FILE_TYPES, send, sendFile } from '../lib/http'
import { describe } from '../lib/openapi'
import { params, query } from '../lib/validate'
import { coordinator, currentUser } from '../middleware/session'
import { MembersQuery } from '../schemas/coordinators'
import { CoordinatorOverview, UnitMembersPage } from '../schemas/wire'
import { coordinatorOverview } from '../services/coordinator-overview'
import { coordinatorScope } from '../services/coordinator-scope'
import { membersCsv, membersXlsxStream } from '../services/members-export'
import { listUnitMembers } from '../services/unit-members'
import { UnitParam } from '../schemas/params'

const OverviewQuery = MembersQuery.pick({ roundId: true })

// A coordinator's view of their unit's subtree; every read is checked against the subtree they hold.
async function membersOf(c: Context<AppEnv>, unitId: string, filter: MembersQuery) {
  const now = c.get('clock').now()
  return c.get('store').read(function* () {
    return yield* listUnitMembers(yield* coordinatorScope(currentUser(c).unitId), unitId, filter, now)
  }())
}

const fileName = (page: { unit: { code: string } }, ext: string) => `thanh-vien-${page.unit.code.replace(/[^\w.-]+/g, '_')}.${ext}`

export const coordinatorRoutes = new Hono<AppEnv>()
  .get('/coordinator/overview',
    describe({ summary: 'Tổng quan các đơn vị thuộc quyền điều phối viên', tag: 'coordinators', answer: { json: CoordinatorOverview } }, coordinator),
    query(OverviewQuery),
    async (c) => {
      const { roundId } = c.req.valid('query')
      const now = c.get('clock').now()
      const user = currentUser(c)
      return send(c, await c.get('store').read(function* () {
        return yield* coordinatorOverview(yield* coordinatorScope(user.unitId), roundId, now)
      }()))
    })
  .get('/coordinator/units/:unitId/members',
    describe({ summary: 'Thành viên của một đơn vị và kết quả của họ', tag: 'coordinators', answer: { json: UnitMembersPage } }, coordinator),
    params(UnitParam), query(MembersQuery),
    async (c) => send(c, await membersOf(c, c.req.valid('param').unitId, c.req.valid('query'))))
  .get('/coordinator/units/:unitId/members.csv',
    describe({ summary: 'Tải danh sách thành viên của đơn vị (CSV)', tag: 'coordinators', answer: { file: 'csv' } }, coordinator),
    params(UnitParam), query(MembersQuery),
    async (c) => {
      const page = await membersOf(c, c.req.valid('param').unitId, c.req.valid('query'))
      return sendFile(c, new TextEncoder().encode(membersCsv(page)), FILE_TYPES.csv, fileName(page, 'csv'))
    })
  .get('/coordinator/units/:unitId/members.xlsx',
    describe({ summary: 'Tải danh sách thành viên của đơn vị (Excel)', tag: 'coordinators', answer: { file: 'xlsx' } }, coordinator),
    params(UnitParam), query(MembersQuery),
    async (c) => {
      const page = await membersOf(c, c.req.valid('param').unitId, c.req.valid('query'))
      return sendFile(c, membersXlsxStream(page, c.get('clock').now()), FILE_TYPES.xlsx, fileName(page, 'xlsx'))
    })

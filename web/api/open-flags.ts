import { query } from '@solidjs/router'
import { call, client } from './client'

// What the finalize dialog lists before a judge confirms (GET /admin/rounds/:roundId/open-flags).
export const getOpenFlags = query(async (roundId: string) =>
  call(() => client.admin.rounds[':roundId']['open-flags'].$get({ param: { roundId } })), 'open-flags')

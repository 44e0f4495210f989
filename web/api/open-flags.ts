import { query } from '@solidjs/router'
import type { OpenFlags } from '../../api/schemas/wire'
import { api } from './client'

// What the finalize dialog lists before a judge confirms (GET /admin/rounds/:roundId/open-flags).
export const getOpenFlags = query(async (roundId: string) =>
  api<OpenFlags>('GET', `/admin/rounds/${roundId}/open-flags`), 'open-flags')

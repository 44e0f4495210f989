import { action } from '@solidjs/router'
import { api } from './client'

// 409 with the reason (children, people, a coordinator) when the unit is in use.
export const deleteUnit = action(async (contestId: string, unitId: string) => {
  await api('DELETE', `/admin/contests/${contestId}/units/${unitId}`)
}, 'delete-unit')

import { action } from '@solidjs/router'
import { call, client } from './client'

// 409 with the reason (children, people, a coordinator) when the unit is in use.
export const deleteUnit = action(async (contestId: string, unitId: string) => {
  await call(() => client.admin.contests[':contestId'].units[':unitId'].$delete({ param: { contestId, unitId } }))
}, 'delete-unit')

import { action } from '@solidjs/router'
import type { InferResponseType } from 'hono/client'
import { apiUpload, call, client } from './client'

const units = client.admin.contests[':contestId'].units

// 409 with the reason (children, people, a coordinator) when the unit is in use.
export const deleteUnit = action(async (contestId: string, unitId: string) => {
  await call(() => units[':unitId'].$delete({ param: { contestId, unitId } }))
}, 'delete-unit')

// The file itself is the body (API.md), so this goes through apiUpload; its answer is the route's.
export const importUnits = (contestId: string, format: 'csv' | 'xlsx', file: Blob) =>
  apiUpload<InferResponseType<typeof units.import.$post, 200>>(`/admin/contests/${contestId}/units/import?format=${format}`, file)

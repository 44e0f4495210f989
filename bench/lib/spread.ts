import type { Group } from './group'
import { load, mergeLoads, type LoadOptions, type LoadResult } from './load'

// Server s's share of `total` (connections, subscribers): as even as whole numbers allow.
export const shareCount = (total: number, n: number, s: number) => Math.floor(total / n) + (s < total % n ? 1 : 0)

// Server s's share of a list (people): every n-th item, so each person stays on one server.
export const shareOf = <T>(items: T[], n: number, s: number) => items.filter((_, i) => i % n === s)

// The load of a phase spread over the servers of a group: the connections split between them, one
// autocannon per server, all started at once and merged into one result (mergeLoads). part(s) gives
// server s's share of the work: its requests, and its amount for a rush.
export async function loadOn(group: Pick<Group, 'servers'> & Partial<Pick<Group, 'refused'>>, connections: number, part: (s: number) => Omit<LoadOptions, 'url' | 'connections'>): Promise<LoadResult> {
  const n = group.servers.length
  const runs: Promise<LoadResult>[] = []
  group.servers.forEach((server, s) => {
    const o = part(s)
    const c = Math.min(shareCount(connections, n, s), o.amount ?? Infinity)
    if (c > 0) runs.push(load({ ...o, url: server.url, connections: c }))
  })
  if (!runs.length) throw new Error('nothing to send: no server got a connection')
  const merged = mergeLoads(await Promise.all(runs))
  for (const [status, count] of Object.entries(merged.statuses)) {
    if (group.refused && Number(status) >= 300) group.refused[status] = (group.refused[status] ?? 0) + count
  }
  return merged
}

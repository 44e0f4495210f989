import { query } from '@solidjs/router'
import { ApiError, call, client } from './client'

export const getContests = query(async () => (await call(() => client.contests.$get())).contests, 'contests')
// Accepts an id or a slug, as the server does. hc puts a param into the path as it is, so it is encoded here.
export const getContest = query(async (id: string) =>
  (await call(() => client.contests[':contestId'].$get({ param: { contestId: encodeURIComponent(id) } }))).contest, 'contest')
export const getUnits = query(async (contestId: string) =>
  (await call(() => client.contests[':contestId'].units.$get({ param: { contestId } }))).units, 'units')

export const setMyUnit = (contestId: string, unitId: string) =>
  call(() => client.me.contests[':contestId'].unit.$put({ param: { contestId }, json: { unitId } }))

// A published contest's round with its contest, or null when there is no such public round.
export const getRound = query(async (roundId: string) => {
  try {
    const { round } = await call(() => client.rounds[':roundId'].$get({ param: { roundId: encodeURIComponent(roundId) } }))
    return { round, contest: await getContest(round.contestId) }
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null
    throw err
  }
}, 'round')

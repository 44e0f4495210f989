import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { FILE_TYPES, readJson, readParams, readQuery, send, sendFile } from '../lib/http'
import { currentUser, requireRole } from '../middleware/session'
import { CorrectPersonInput, PeopleQuery } from '../schemas/people'
import { peopleCsvStream, peopleXlsxStream } from '../services/people-export'
import { correctPerson } from '../services/people-edit'
import { checkPeopleFilter, listPeople } from '../services/people-list'
import { readPerson } from '../services/person-detail'

const ContestParam = z.object({ contestId: z.string().min(1).max(100) })
const PersonParam = z.object({ participantId: z.string().min(1).max(100) })

// The export takes the list's filters (a unit with its subtree, for the per-unit file); sort and page do not apply.
async function exportPeople(c: Context<AppEnv>, format: 'csv' | 'xlsx') {
  const { contestId } = readParams(c, ContestParam)
  const { sort: _s, order: _o, limit: _l, offset: _f, ...filter } = readQuery(c, PeopleQuery)
  const store = c.get('store')
  await store.read(checkPeopleFilter(contestId, filter)) // a bad filter is a 4xx before the file starts
  const name = `thi-sinh-${filter.unitId ?? contestId}.${format}`
  return format === 'csv'
    ? sendFile(c, peopleCsvStream(store, contestId, filter), FILE_TYPES.csv, name)
    : sendFile(c, peopleXlsxStream(store, contestId, filter), FILE_TYPES.xlsx, name)
}

export const adminPeopleRoutes = new Hono<AppEnv>()
  .get('/contests/:contestId/people', requireRole('organizer', 'judge'), async (c) => {
    const { contestId } = readParams(c, ContestParam)
    const query = readQuery(c, PeopleQuery)
    return send(c, await c.get('store').read(listPeople(contestId, query)))
  })
  .get('/contests/:contestId/people.csv', requireRole('organizer', 'judge'), (c) => exportPeople(c, 'csv'))
  .get('/contests/:contestId/people.xlsx', requireRole('organizer', 'judge'), (c) => exportPeople(c, 'xlsx'))
  .get('/participants/:participantId', requireRole('organizer', 'judge'), async (c) =>
    send(c, await c.get('store').read(readPerson(readParams(c, PersonParam).participantId))))
  .patch('/participants/:participantId', requireRole('organizer'), async (c) => {
    const { participantId } = readParams(c, PersonParam)
    const input = await readJson(c, CorrectPersonInput)
    const at = c.get('clock').now()
    const me = currentUser(c)
    const { changed } = await c.get('store').write(() => correctPerson(me, participantId, input, at))
    return send(c, { changed, ...(await c.get('store').read(readPerson(participantId))) })
  })

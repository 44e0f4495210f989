import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { FILE_TYPES, send, sendFile } from '../lib/http'
import { describe } from '../lib/openapi'
import { body, params, query } from '../lib/validate'
import { currentUser, organizer, staff } from '../middleware/session'
import { CorrectPersonInput, PeopleQuery } from '../schemas/people'
import { PeoplePage, PersonDetail, PersonMatch } from '../schemas/wire'
import { peopleCsvStream, peopleXlsxStream } from '../services/people-export'
import { correctPerson } from '../services/people-edit'
import { checkPeopleFilter, listPeople, type PeopleFilter } from '../services/people-list'
import { resetParticipantPassword } from '../services/participants'
import { readPerson } from '../services/person-detail'
import { findParticipants } from '../services/round-extras'
import { ContestParam, PersonParam } from '../schemas/params'

const FindQuery = z.object({ q: z.string().trim().min(1).max(100), limit: z.coerce.number().int().min(1).max(200).default(50) })

// The export takes the list's filters (a unit with its subtree, for the per-unit file); sort and page do not apply.
async function exportPeople(c: Context<AppEnv>, contestId: string, asked: PeopleQuery, format: 'csv' | 'xlsx') {
  const { sort: _s, order: _o, limit: _l, offset: _f, ...filter } = asked
  const store = c.get('store')
  await store.read(checkPeopleFilter(contestId, filter satisfies PeopleFilter)) // a bad filter is a 4xx before the file starts
  const name = `thi-sinh-${filter.unitId ?? contestId}.${format}`
  return format === 'csv'
    ? sendFile(c, peopleCsvStream(store, contestId, filter), FILE_TYPES.csv, name)
    : sendFile(c, peopleXlsxStream(store, contestId, filter), FILE_TYPES.xlsx, name)
}

// Participants as staff see them: a contest's list and its exports, one person's record, an
// organizer's corrections and a new password.
export const peopleRoutes = new Hono<AppEnv>()
  .get('/admin/participants',
    describe({ summary: 'Tìm thí sinh theo tên, số điện thoại hoặc mã', tag: 'people', answer: { json: z.object({ participants: z.array(PersonMatch) }) } }, staff),
    query(FindQuery),
    async (c) => {
      const { q, limit } = c.req.valid('query')
      return send(c, { participants: await c.get('store').read(findParticipants(q, limit)) })
    })
  .get('/admin/participants/:participantId',
    describe({ summary: 'Hồ sơ một thí sinh: đơn vị và các lượt làm bài', tag: 'people', answer: { json: PersonDetail } }, staff),
    params(PersonParam),
    async (c) => send(c, await c.get('store').read(readPerson(c.req.valid('param').participantId))))
  .patch('/admin/participants/:participantId',
    describe({
      summary: 'Sửa họ tên hoặc đơn vị của thí sinh',
      tag: 'people',
      answer: { json: PersonDetail.extend({ changed: z.boolean() }) },
    }, organizer),
    params(PersonParam), body(CorrectPersonInput),
    async (c) => {
      const { participantId } = c.req.valid('param')
      const input = c.req.valid('json')
      const at = c.get('clock').now()
      const me = currentUser(c)
      const { changed } = await c.get('store').write(() => correctPerson(me, participantId, input, at))
      return send(c, { changed, ...(await c.get('store').read(readPerson(participantId))) })
    })
  .post('/admin/participants/:participantId/password',
    describe({ summary: 'Cấp mật khẩu mới cho thí sinh (chỉ hiện một lần)', tag: 'people', answer: { json: z.object({ password: z.string() }) } }, organizer),
    params(PersonParam), body(z.object({})),
    async (c) => {
      const { participantId } = c.req.valid('param')
      return send(c, { password: await resetParticipantPassword(c.get('store'), currentUser(c), participantId, c.get('clock').now()) })
    })
  .get('/admin/contests/:contestId/people',
    describe({ summary: 'Danh sách thí sinh của cuộc thi, có lọc, sắp xếp và phân trang', tag: 'people', answer: { json: PeoplePage } }, staff),
    params(ContestParam), query(PeopleQuery),
    async (c) => send(c, await c.get('store').read(listPeople(c.req.valid('param').contestId, c.req.valid('query')))))
  .get('/admin/contests/:contestId/people.csv',
    describe({ summary: 'Xuất danh sách thí sinh (CSV)', tag: 'people', answer: { file: 'csv' } }, staff),
    params(ContestParam), query(PeopleQuery),
    (c) => exportPeople(c, c.req.valid('param').contestId, c.req.valid('query'), 'csv'))
  .get('/admin/contests/:contestId/people.xlsx',
    describe({ summary: 'Xuất danh sách thí sinh (Excel)', tag: 'people', answer: { file: 'xlsx' } }, staff),
    params(ContestParam), query(PeopleQuery),
    (c) => exportPeople(c, c.req.valid('param').contestId, c.req.valid('query'), 'xlsx'))

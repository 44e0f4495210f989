import { all, get, type Program } from '../../db/program'
import { AppError } from '../errors'
import { iso } from '../lib/time'
import { containsPattern } from '../lib/text'
import type { PeoplePage, PeopleQuery, PersonRow } from '../schemas/people'
import { contestRow } from './contests'

export type PeopleFilter = Omit<PeopleQuery, 'limit' | 'offset' | 'sort' | 'order'>

const HANOI = '+07:00'
const DAY_MS = 86_400_000

// The unit and its whole subtree (both stores know WITH RECURSIVE).
const SUBTREE = `WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE id = ? UNION ALL SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id)`

// Per person, finished attempts in the contest (or in the one round asked about) and their best score.
const TAKEN = `SELECT a.participant_id, count(*) AS n, max(a.score) AS best FROM attempts a JOIN rounds r ON r.id = a.round_id
  WHERE r.contest_id = ? AND a.status != 'in_progress'`

const SORTS: Record<PeopleQuery['sort'], string> = {
  name: 'p.name_folded',
  registeredAt: 'p.created_at',
  unit: 'u.name',
  attempts: 'coalesce(t.n, 0)',
}

type Built = { head: string; from: string; where: string; params: unknown[] }

// One FROM … WHERE for the page, its count and the export, so the three always agree.
export function* checkPeopleFilter(contestId: string, f: PeopleFilter): Program<Built> {
  yield* contestRow(contestId)
  if (f.unitId && !(yield* get('SELECT id FROM units WHERE id = ? AND contest_id = ?', f.unitId, contestId))) {
    throw new AppError('VALIDATION_FAILED', 'Đơn vị không thuộc cuộc thi này.', { field: 'unitId' })
  }
  if (f.roundId && !(yield* get('SELECT id FROM rounds WHERE id = ? AND contest_id = ?', f.roundId, contestId))) {
    throw new AppError('VALIDATION_FAILED', 'Đợt thi không thuộc cuộc thi này.', { field: 'roundId' })
  }
  const params: unknown[] = []
  const head = f.unitId ? `${SUBTREE} ` : ''
  if (f.unitId) params.push(f.unitId)
  const taken = `${TAKEN}${f.roundId ? ' AND a.round_id = ?' : ''} GROUP BY a.participant_id`
  params.push(contestId, ...(f.roundId ? [f.roundId] : []), contestId)
  const from = `FROM participant_units pu JOIN participants p ON p.id = pu.participant_id JOIN units u ON u.id = pu.unit_id
    LEFT JOIN (${taken}) t ON t.participant_id = p.id`
  const where = ['pu.contest_id = ?']
  if (f.unitId) where.push('pu.unit_id IN (SELECT id FROM sub)')
  if (f.from) {
    where.push('p.created_at >= ?')
    params.push(Date.parse(`${f.from}T00:00:00${HANOI}`))
  }
  if (f.to) {
    where.push('p.created_at < ?')
    params.push(Date.parse(`${f.to}T00:00:00${HANOI}`) + DAY_MS)
  }
  if (f.took) where.push(f.took === 'yes' ? 't.n > 0' : 't.n IS NULL')
  if (f.q) {
    where.push("p.name_folded LIKE ? ESCAPE '\\'")
    params.push(containsPattern(f.q))
  }
  return { head, from, where: `WHERE ${where.join(' AND ')}`, params }
}

type RawPerson = { id: string; fullName: string; dateOfBirth: string; phone: string; unitId: string; unitName: string; createdAt: number; n: number | null; best: number | null }
const COLUMNS = `p.id, p.full_name AS "fullName", p.date_of_birth AS "dateOfBirth", p.phone, pu.unit_id AS "unitId", u.name AS "unitName",
  p.created_at AS "createdAt", t.n, t.best`

const toRow = (r: RawPerson): PersonRow => ({
  id: r.id, fullName: r.fullName, dateOfBirth: r.dateOfBirth, phone: r.phone, unitId: r.unitId, unitName: r.unitName,
  registeredAt: iso(Number(r.createdAt)), attempts: Number(r.n ?? 0), bestScore: r.best == null ? null : Number(r.best),
})

export function* listPeople(contestId: string, query: PeopleQuery): Program<PeoplePage> {
  const { sort, order, limit, offset, ...filter } = query
  const b = yield* checkPeopleFilter(contestId, filter)
  const total = Number((yield* get<{ n: number }>(`${b.head}SELECT count(*) AS n ${b.from} ${b.where}`, ...b.params))!.n)
  const dir = order === 'desc' ? 'DESC' : 'ASC'
  const rows = yield* all<RawPerson>(`${b.head}SELECT ${COLUMNS} ${b.from} ${b.where} ORDER BY ${SORTS[sort]} ${dir}, p.id ${dir} LIMIT ? OFFSET ?`,
    ...b.params, limit, offset)
  return { total, people: rows.map(toRow) }
}

// The export, a batch at a time in registration order (keyset on seq), so a large unit never sits in
// memory whole nor costs a sort per batch.
export function* peopleBatch(contestId: string, filter: PeopleFilter, afterSeq: number, limit: number): Program<{ rows: PersonRow[]; last: number }> {
  const b = yield* checkPeopleFilter(contestId, filter)
  const rows = yield* all<RawPerson & { seq: number }>(`${b.head}SELECT ${COLUMNS}, p.seq ${b.from} ${b.where} AND p.seq > ? ORDER BY p.seq LIMIT ?`,
    ...b.params, afterSeq, limit)
  return { rows: rows.map(toRow), last: rows.length ? Number(rows[rows.length - 1].seq) : afterSeq }
}

import { all, get, type Program } from '../../db/program'
import type { AliasedRow } from '../../db/row-types'
import type { participants, participantUnits, units } from '../../db/schema'
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

// A person's finished attempts in the contest, or in the one round asked about: each use is a lookup
// on attempts (round_id, participant_id), so a page, a count or a filter never aggregates every attempt.
const scope = (f: PeopleFilter) => `a.participant_id = p.id AND a.status != 'in_progress' AND ${f.roundId ? 'a.round_id = ?' : 'a.round_id IN (SELECT id FROM rounds WHERE contest_id = ?)'}`

const SORTS: Record<PeopleQuery['sort'], string> = {
  name: 'p.name_folded',
  registeredAt: 'p.created_at',
  unit: 'u.name',
  attempts: 'n',
}

type Built = { head: string; headParams: unknown[]; where: string; whereParams: unknown[]; columns: string; columnParams: unknown[] }
const FROM = 'FROM participant_units pu JOIN participants p ON p.id = pu.participant_id JOIN units u ON u.id = pu.unit_id'

// One FROM … WHERE for the page, its count and the export, so the three always agree.
export function* checkPeopleFilter(contestId: string, f: PeopleFilter): Program<Built> {
  yield* contestRow(contestId)
  if (f.unitId && !(yield* get('SELECT id FROM units WHERE id = ? AND contest_id = ?', f.unitId, contestId))) {
    throw new AppError('VALIDATION_FAILED', 'Đơn vị không thuộc cuộc thi này.', { field: 'unitId' })
  }
  if (f.roundId && !(yield* get('SELECT id FROM rounds WHERE id = ? AND contest_id = ?', f.roundId, contestId))) {
    throw new AppError('VALIDATION_FAILED', 'Đợt thi không thuộc cuộc thi này.', { field: 'roundId' })
  }
  const taken = f.roundId ?? contestId
  const where = ['pu.contest_id = ?']
  const whereParams: unknown[] = [contestId]
  if (f.unitId) where.push('pu.unit_id IN (SELECT id FROM sub)')
  if (f.from) {
    where.push('p.created_at >= ?')
    whereParams.push(Date.parse(`${f.from}T00:00:00${HANOI}`))
  }
  if (f.to) {
    where.push('p.created_at < ?')
    whereParams.push(Date.parse(`${f.to}T00:00:00${HANOI}`) + DAY_MS)
  }
  if (f.took) {
    where.push(`${f.took === 'yes' ? '' : 'NOT '}EXISTS (SELECT 1 FROM attempts a WHERE ${scope(f)})`)
    whereParams.push(taken)
  }
  if (f.q) {
    where.push("p.name_folded LIKE ? ESCAPE '\\'")
    whereParams.push(containsPattern(f.q))
  }
  return {
    head: f.unitId ? `${SUBTREE} ` : '', headParams: f.unitId ? [f.unitId] : [],
    where: `WHERE ${where.join(' AND ')}`, whereParams,
    columns: `p.id, p.full_name AS "fullName", p.date_of_birth AS "dateOfBirth", p.phone, pu.unit_id AS "unitId", u.name AS "unitName",
      p.created_at AS "createdAt", (SELECT count(*) FROM attempts a WHERE ${scope(f)}) AS n, (SELECT max(a.score) FROM attempts a WHERE ${scope(f)}) AS best`,
    columnParams: [taken, taken],
  }
}

// n and best are computed: the person's finished attempts in scope and their best score.
type RawPerson = Pick<AliasedRow<typeof participants>, 'id' | 'fullName' | 'dateOfBirth' | 'phone' | 'createdAt'> & Pick<AliasedRow<typeof participantUnits>, 'unitId'>
  & { unitName: AliasedRow<typeof units>['name']; n: number | null; best: number | null }

const toRow = (r: RawPerson): PersonRow => ({
  id: r.id, fullName: r.fullName, dateOfBirth: r.dateOfBirth, phone: r.phone, unitId: r.unitId, unitName: r.unitName,
  registeredAt: iso(Number(r.createdAt)), attempts: Number(r.n ?? 0), bestScore: r.best == null ? null : Number(r.best),
})

export function* listPeople(contestId: string, query: PeopleQuery): Program<PeoplePage> {
  const { sort, order, limit, offset, ...filter } = query
  const b = yield* checkPeopleFilter(contestId, filter)
  const total = Number((yield* get<{ n: number }>(`${b.head}SELECT count(*) AS n ${FROM} ${b.where}`, ...b.headParams, ...b.whereParams))!.n)
  const dir = order === 'desc' ? 'DESC' : 'ASC'
  const rows = yield* all<RawPerson>(`${b.head}SELECT ${b.columns} ${FROM} ${b.where} ORDER BY ${SORTS[sort]} ${dir}, p.id ${dir} LIMIT ? OFFSET ?`,
    ...b.headParams, ...b.columnParams, ...b.whereParams, limit, offset)
  return { total, people: rows.map(toRow) }
}

// The export, a batch at a time in registration order (keyset on seq), so a large unit never sits in
// memory whole nor costs a sort per batch.
export function* peopleBatch(contestId: string, filter: PeopleFilter, afterSeq: number, limit: number): Program<{ rows: PersonRow[]; last: number }> {
  const b = yield* checkPeopleFilter(contestId, filter)
  const rows = yield* all<RawPerson & { seq: number }>(`${b.head}SELECT ${b.columns}, p.seq ${FROM} ${b.where} AND p.seq > ? ORDER BY p.seq LIMIT ?`,
    ...b.headParams, ...b.columnParams, ...b.whereParams, afterSeq, limit)
  return { rows: rows.map(toRow), last: rows.length ? Number(rows[rows.length - 1].seq) : afterSeq }
}

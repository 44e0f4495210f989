import { isUniqueViolation, violatedConstraint } from '../../db/errors'
import { all, get, lock, run, transaction, type Program } from '../../db/program'
import type { SqlRow } from '../../db/row-types'
import type { contests } from '../../db/schema'
import { AppError, notFound } from '../errors'
import { newId } from '../lib/ids'
import { slugify } from '../lib/slug'
import type { CreateContestInput, UnitsInput, UpdateContestInput } from '../schemas/admin'
import type { ContestDetail, ContestSummary, Unit } from '../schemas/wire'
import { logChange } from '../standings/change-log'
import { appendEntry, type Actor } from './audit'
import { roundRow, roundView } from './round-view'


const slugTaken = (slug: string) => new AppError('CONFLICT', `Đường dẫn "${slug}" đã được dùng.`)
function* slugFree(slug: string): Program<boolean> {
  return !(yield* get('SELECT 1 AS taken FROM contests WHERE slug = ?', slug))
}

// A slug the organizer chose must be free; one made from the title takes the first free -2, -3, …
function* freeSlug(input: CreateContestInput): Program<string> {
  if (input.slug) {
    if (!(yield* slugFree(input.slug))) throw slugTaken(input.slug)
    return input.slug
  }
  const base = slugify(input.title, 'cuoc-thi')
  let slug = base
  for (let i = 2; !(yield* slugFree(slug)); i++) slug = `${base}-${i}`
  return slug
}

// contests.slug is unique: a contest created at the same moment on another server can take the slug found
// free here. The insert runs in a savepoint, and a lost race looks again (or is the organizer's 409).
export function* addContest(actor: Actor, input: CreateContestInput, now: number): Program<ContestRow> {
  return yield* transaction(function* () {
    for (;;) {
      const slug = yield* freeSlug(input)
      const row = { id: newId(), slug, title: input.title, description: input.description ?? '', rules: input.rules ?? '', status: 'draft' as const, onePrizePerPerson: input.onePrizePerPerson ?? false, createdAt: now }
      try {
        yield* transaction(() => run(`INSERT INTO contests (id, slug, title, description, rules, status, one_prize_per_person, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          row.id, row.slug, row.title, row.description, row.rules, row.status, row.onePrizePerPerson ? 1 : 0, row.createdAt))
      } catch (err) {
        if (!isUniqueViolation(err) || !violatedConstraint(err).includes('slug')) throw err
        if (input.slug) throw slugTaken(input.slug)
        continue
      }
      yield* appendEntry(actor, 'contest.create', 'contest', row.id, row, now)
      return row
    }
  })
}

// Edits of one contest take turns, so the "before" each one audits is what it changed.
const lockContest = (contestId: string) => lock(`contest:${contestId}`)

export function* changeContestStatus(actor: Actor, contestId: string, status: 'published' | 'archived' | 'draft', now: number): Program<void> {
  yield* transaction(function* () {
    yield* lockContest(contestId)
    yield* contestRow(contestId)
    yield* run('UPDATE contests SET status = ? WHERE id = ?', status, contestId)
    yield* appendEntry(actor, `contest.${status}`, 'contest', contestId, { status }, now)
    yield* logChange({ kind: 'contest', contestId }, now)
  })
}

type ContestRow = typeof contests.$inferSelect
type RawContest = SqlRow<typeof contests>

const toContest = (r: RawContest): ContestRow =>
  ({ id: r.id, slug: r.slug, title: r.title, description: r.description, rules: r.rules, status: r.status, onePrizePerPerson: r.one_prize_per_person === 1, createdAt: r.created_at })

export function* contestRow(contestId: string): Program<ContestRow> {
  const r = yield* get<RawContest>('SELECT * FROM contests WHERE id = ?', contestId)
  if (!r) throw notFound('cuộc thi')
  return toContest(r)
}

export function* readContest(contestIdOrSlug: string, now: number, includeDraft = false): Program<ContestDetail> {
  const raw = (yield* get<RawContest>('SELECT * FROM contests WHERE id = ?', contestIdOrSlug))
    ?? (yield* get<RawContest>('SELECT * FROM contests WHERE slug = ?', contestIdOrSlug))
  if (!raw || (!includeDraft && raw.status === 'draft')) throw notFound('cuộc thi')
  const row = toContest(raw)
  const ids = yield* all<{ id: string }>('SELECT id FROM rounds WHERE contest_id = ? ORDER BY number', row.id)
  const rs = []
  for (const { id } of ids) rs.push(roundView(yield* roundRow(id), now))
  return { id: row.id, slug: row.slug, title: row.title, status: row.status, description: row.description, rules: row.rules, onePrizePerPerson: row.onePrizePerPerson, rounds: rs }
}

export function* readContests(now: number, includeDraft = false): Program<ContestSummary[]> {
  const rows = yield* all<RawContest>(`SELECT * FROM contests WHERE status = 'published' OR ? = 1 ORDER BY created_at`, includeDraft ? 1 : 0)
  if (!rows.length) return []
  const ids = yield* all<{ id: string; contestId: string }>(`SELECT r.id, r.contest_id AS "contestId" FROM rounds r JOIN contests c ON c.id = r.contest_id
    WHERE c.status = 'published' OR ? = 1 ORDER BY r.number`, includeDraft ? 1 : 0)
  const rounds = new Map(rows.map((c) => [c.id, [] as ContestSummary['rounds']]))
  for (const { id, contestId } of ids) rounds.get(contestId)?.push(roundView(yield* roundRow(id), now))
  return rows.map((c) => ({ id: c.id, slug: c.slug, title: c.title, status: c.status, rounds: rounds.get(c.id) ?? [] }))
}

export function* readUnits(contestId: string): Program<Unit[]> {
  yield* contestRow(contestId)
  return yield* all<Unit>('SELECT id, code, name, parent_id AS "parentId", headcount FROM units WHERE contest_id = ? ORDER BY code', contestId)
}

// Upsert by code; parents may come later in the same list, so codes are resolved after all rows exist.
export function* saveUnits(actor: Actor, contestId: string, input: UnitsInput, now: number): Program<Unit[]> {
  return yield* transaction(function* () {
    yield* contestRow(contestId)
    const codes = new Set<string>()
    for (const u of input.units) {
      if (codes.has(u.code)) throw new AppError('VALIDATION_FAILED', `Mã đơn vị "${u.code}" bị lặp trong danh sách.`)
      codes.add(u.code)
    }
    // Two saves into one contest at once would each insert a new code, or make together a cycle that
    // neither makes alone: they take turns.
    yield* lock(`contest.units:${contestId}`)
    const existing = new Map((yield* all<{ id: string; code: string }>('SELECT id, code FROM units WHERE contest_id = ?', contestId)).map((u) => [u.code, u.id]))
    for (const u of input.units) {
      const found = existing.get(u.code)
      // Omitted fields keep what an existing unit has; an explicit null clears them.
      if (found && u.headcount !== undefined) yield* run('UPDATE units SET name = ?, headcount = ? WHERE id = ?', u.name, u.headcount, found)
      else if (found) yield* run('UPDATE units SET name = ? WHERE id = ?', u.name, found)
      else {
        const id = newId()
        yield* run('INSERT INTO units (id, contest_id, code, name, parent_id, headcount) VALUES (?, ?, ?, ?, NULL, ?)', id, contestId, u.code, u.name, u.headcount ?? null)
        existing.set(u.code, id)
      }
    }
    for (const u of input.units) {
      if (u.parentCode === undefined) continue // new units start as roots; existing ones keep their parent
      const parentId = u.parentCode ? existing.get(u.parentCode) : null
      if (u.parentCode && !parentId) throw new AppError('VALIDATION_FAILED', `Đơn vị "${u.code}": không có đơn vị cha mã "${u.parentCode}".`)
      if (u.parentCode === u.code) throw new AppError('VALIDATION_FAILED', `Đơn vị "${u.code}" không thể là cha của chính nó.`)
      yield* run('UPDATE units SET parent_id = ? WHERE contest_id = ? AND code = ?', parentId ?? null, contestId, u.code)
    }
    assertNoCycles(yield* all<{ id: string; parentId: string | null; code: string }>('SELECT id, parent_id AS "parentId", code FROM units WHERE contest_id = ?', contestId))
    yield* appendEntry(actor, 'units.upsert', 'contest', contestId, { units: input.units }, now)
    yield* logChange({ kind: 'units', contestId }, now)
    return yield* readUnits(contestId)
  })
}

function assertNoCycles(rows: { id: string; parentId: string | null; code: string }[]) {
  const parent = new Map(rows.map((r) => [r.id, r.parentId]))
  for (const r of rows) {
    const seen = new Set<string>()
    for (let cur: string | null | undefined = r.id; cur; cur = parent.get(cur)) {
      if (seen.has(cur)) throw new AppError('VALIDATION_FAILED', `Cây đơn vị có vòng lặp tại "${r.code}".`)
      seen.add(cur)
    }
  }
}

const CONTEST_COLUMNS: Record<string, string> = { title: 'title', slug: 'slug', description: 'description', rules: 'rules', status: 'status', onePrizePerPerson: 'one_prize_per_person' }

// A slug checked free here can be taken by another server before this commits: the unique key then
// refuses the update (in a savepoint), which is the same 409.
export function* editContest(actor: Actor, contestId: string, patch: UpdateContestInput, now: number): Program<ContestDetail> {
  return yield* transaction(function* () {
    yield* lockContest(contestId)
    const before = yield* contestRow(contestId)
    if (patch.slug && patch.slug !== before.slug && !(yield* slugFree(patch.slug))) throw slugTaken(patch.slug)
    const changes = Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && k in CONTEST_COLUMNS))
    const keys = Object.keys(changes)
    if (keys.length) {
      const set = keys.map((k) => `${CONTEST_COLUMNS[k]} = ?`).join(', ')
      const values = keys.map((k) => (typeof changes[k] === 'boolean' ? (changes[k] ? 1 : 0) : changes[k]))
      try {
        yield* transaction(() => run(`UPDATE contests SET ${set} WHERE id = ?`, ...values, contestId))
      } catch (err) {
        if (isUniqueViolation(err) && patch.slug) throw slugTaken(patch.slug)
        throw err
      }
    }
    yield* appendEntry(actor, 'contest.update', 'contest', contestId, { before, changes }, now)
    yield* logChange({ kind: 'contest', contestId }, now)
    return yield* readContest(contestId, now, true)
  })
}

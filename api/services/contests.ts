import { and, asc, eq, inArray } from 'drizzle-orm'
import { inTransaction, type Db, prepared } from '../../db/client'
import { contests, rounds, units } from '../../db/schema'
import { AppError, notFound } from '../errors'
import { newId } from '../lib/ids'
import type { ContestDetail, ContestSummary, Unit } from '../schemas/wire'
import type { CreateContestInput, UnitsInput, UpdateContestInput } from '../schemas/admin'
import { appendAudit, type Actor } from './audit'
import { recordChange } from '../standings/change-log'
import { roundView } from './round-view'
import { get, type Program } from '../../db/program'
import { runSqlite } from '../../db/sqlite-runner'

function slugify(title: string): string {
  const base = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60)
  return base || 'cuoc-thi'
}

export function createContest(db: Db, actor: Actor, input: CreateContestInput, now: number) {
  return inTransaction(db, () => {
    let slug = input.slug ?? slugify(input.title)
    if (input.slug && db.select().from(contests).where(eq(contests.slug, slug)).get()) throw new AppError('CONFLICT', `Đường dẫn "${slug}" đã được dùng.`)
    for (let i = 2; db.select({ id: contests.id }).from(contests).where(eq(contests.slug, slug)).get(); i++) slug = `${input.slug ?? slugify(input.title)}-${i}`
    const row = { id: newId(), slug, title: input.title, description: input.description ?? '', rules: input.rules ?? '', status: 'draft' as const, onePrizePerPerson: input.onePrizePerPerson ?? false, createdAt: now }
    db.insert(contests).values(row).run()
    appendAudit(db, actor, 'contest.create', 'contest', row.id, row, now)
    return row
  })
}

export function setContestStatus(db: Db, actor: Actor, contestId: string, status: 'published' | 'archived' | 'draft', now: number) {
  inTransaction(db, () => {
    const found = db.select({ id: contests.id }).from(contests).where(eq(contests.id, contestId)).get()
    if (!found) throw notFound('cuộc thi')
    db.update(contests).set({ status }).where(eq(contests.id, contestId)).run()
    appendAudit(db, actor, `contest.${status}`, 'contest', contestId, { status }, now)
  })
}

type ContestRow = typeof contests.$inferSelect
type RawContest = { id: string; slug: string; title: string; description: string; rules: string; status: ContestRow['status']; one_prize_per_person: number; created_at: number }

export function* contestRow(contestId: string): Program<ContestRow> {
  const r = yield* get<RawContest>('SELECT * FROM contests WHERE id = ?', contestId)
  if (!r) throw notFound('cuộc thi')
  return { id: r.id, slug: r.slug, title: r.title, description: r.description, rules: r.rules, status: r.status, onePrizePerPerson: r.one_prize_per_person === 1, createdAt: r.created_at }
}

// SQLite bridge for the callers not yet written as programs (issue #13).
export const getContestRow = (db: Db, contestId: string): ContestRow => runSqlite(db, contestRow(contestId))

export function getContest(db: Db, contestIdOrSlug: string, now: number, includeDraft = false): ContestDetail {
  const row = db.select().from(contests).where(eq(contests.id, contestIdOrSlug)).get()
    ?? db.select().from(contests).where(eq(contests.slug, contestIdOrSlug)).get()
  if (!row || (!includeDraft && row.status === 'draft')) throw notFound('cuộc thi')
  const rs = db.select().from(rounds).where(eq(rounds.contestId, row.id)).orderBy(asc(rounds.number)).all()
  return { id: row.id, slug: row.slug, title: row.title, status: row.status, description: row.description, rules: row.rules, onePrizePerPerson: row.onePrizePerPerson, rounds: rs.map((r) => roundView(r, now)) }
}

export function listContests(db: Db, now: number, includeDraft = false): ContestSummary[] {
  const rows = db.select().from(contests).where(includeDraft ? undefined : eq(contests.status, 'published')).orderBy(asc(contests.createdAt)).all()
  if (!rows.length) return []
  const rs = db.select().from(rounds).where(inArray(rounds.contestId, rows.map((r) => r.id))).orderBy(asc(rounds.number)).all()
  return rows.map((c) => ({ id: c.id, slug: c.slug, title: c.title, status: c.status, rounds: rs.filter((r) => r.contestId === c.id).map((r) => roundView(r, now)) }))
}

export function listUnits(db: Db, contestId: string): Unit[] {
  getContestRow(db, contestId)
  return db.select({ id: units.id, code: units.code, name: units.name, parentId: units.parentId, headcount: units.headcount })
    .from(units).where(eq(units.contestId, contestId)).orderBy(asc(units.code)).all()
}

// Upsert by code; parents may come later in the same list, so codes are resolved after all rows exist.
export function upsertUnits(db: Db, actor: Actor, contestId: string, input: UnitsInput, now: number): Unit[] {
  return inTransaction(db, () => {
    getContestRow(db, contestId)
    const codes = new Set<string>()
    for (const u of input.units) {
      if (codes.has(u.code)) throw new AppError('VALIDATION_FAILED', `Mã đơn vị "${u.code}" bị lặp trong danh sách.`)
      codes.add(u.code)
    }
    const existing = new Map(db.select().from(units).where(eq(units.contestId, contestId)).all().map((u) => [u.code, u]))
    for (const u of input.units) {
      const found = existing.get(u.code)
      // Omitted fields keep what an existing unit has; an explicit null clears them.
      if (found) db.update(units).set({ name: u.name, ...(u.headcount !== undefined ? { headcount: u.headcount } : {}) }).where(eq(units.id, found.id)).run()
      else {
        const row = { id: newId(), contestId, code: u.code, name: u.name, parentId: null, headcount: u.headcount ?? null }
        db.insert(units).values(row).run()
        existing.set(u.code, row)
      }
    }
    for (const u of input.units) {
      if (u.parentCode === undefined) continue // new units start as roots; existing ones keep their parent
      const parentId = u.parentCode ? existing.get(u.parentCode)?.id : null
      if (u.parentCode && !parentId) throw new AppError('VALIDATION_FAILED', `Đơn vị "${u.code}": không có đơn vị cha mã "${u.parentCode}".`)
      if (u.parentCode === u.code) throw new AppError('VALIDATION_FAILED', `Đơn vị "${u.code}" không thể là cha của chính nó.`)
      db.update(units).set({ parentId: parentId ?? null }).where(and(eq(units.contestId, contestId), eq(units.code, u.code))).run()
    }
    assertNoCycles(db.select({ id: units.id, parentId: units.parentId, code: units.code }).from(units).where(eq(units.contestId, contestId)).all())
    appendAudit(db, actor, 'units.upsert', 'contest', contestId, { units: input.units }, now)
    recordChange(db, { kind: 'units', contestId }, now)
    return listUnits(db, contestId)
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

export function updateContest(db: Db, actor: Actor, contestId: string, patch: UpdateContestInput, now: number) {
  return inTransaction(db, () => {
    const before = getContestRow(db, contestId)
    if (patch.slug && patch.slug !== before.slug && db.select({ id: contests.id }).from(contests).where(eq(contests.slug, patch.slug)).get()) {
      throw new AppError('CONFLICT', `Đường dẫn "${patch.slug}" đã được dùng.`)
    }
    const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
    if (Object.keys(changes).length) db.update(contests).set(changes).where(eq(contests.id, contestId)).run()
    appendAudit(db, actor, 'contest.update', 'contest', contestId, { before, changes }, now)
    return getContest(db, contestId, now, true)
  })
}

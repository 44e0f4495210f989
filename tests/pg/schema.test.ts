import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migratePg } from '../../db/pg'
import { memoryDb } from '../helpers/db'
import { pgTestDb, type PgTestDb } from '../helpers/pg'

type Column = { table: string; name: string; type: string; notNull: boolean; hasDefault: boolean; pk: number }
type Index = { table: string; columns: string; unique: boolean; partial: boolean }

const INTERNAL = /^(sqlite_|__drizzle)/
const journal = JSON.parse(readFileSync(new URL('../../db/migrations-pg/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] }

function sqliteShape() {
  const db = memoryDb().$client
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name).filter((n) => !INTERNAL.test(n)).sort()
  const columns: Column[] = []
  const indexes: Index[] = []
  for (const table of tables) {
    for (const c of db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; notnull: number; dflt_value: unknown; pk: number }[]) {
      columns.push({ table, name: c.name, type: c.type.toLowerCase(), notNull: c.notnull === 1 || c.pk > 0, hasDefault: c.dflt_value != null, pk: c.pk })
    }
    for (const ix of db.prepare(`PRAGMA index_list(${table})`).all() as { name: string; unique: number; origin: string; partial: number }[]) {
      if (ix.origin === 'pk') continue
      const cols = (db.prepare(`PRAGMA index_info(${ix.name})`).all() as { name: string }[]).map((c) => c.name).join(',')
      indexes.push({ table, columns: cols, unique: ix.unique === 1, partial: ix.partial === 1 })
    }
  }
  return { tables, columns, indexes }
}

async function pgShape(t: PgTestDb) {
  const sql = t.db.$client
  const tables = (await sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`).map((r) => r.name as string).filter((n) => !INTERNAL.test(n)).sort()
  const pk = await sql`SELECT c.relname AS table, a.attname AS name, array_position(i.indkey, a.attnum) AS position
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE i.indisprimary AND n.nspname = 'public'`
  const pkOf = new Map(pk.map((r) => [`${r.table}.${r.name}`, Number(r.position) + 1]))
  const cols = await sql`SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity, collation_name
    FROM information_schema.columns WHERE table_schema = 'public'`
  const columns: (Column & { collation: string | null; identity: boolean })[] = cols.filter((c) => tables.includes(c.table_name)).map((c) => ({
    table: c.table_name, name: c.column_name, type: c.data_type, notNull: c.is_nullable === 'NO', hasDefault: c.column_default != null,
    pk: pkOf.get(`${c.table_name}.${c.column_name}`) ?? 0, collation: c.collation_name, identity: c.is_identity === 'YES',
  }))
  const ix = await sql`SELECT c.relname AS table, i.indisunique AS unique, i.indpred IS NOT NULL AS partial, i.indisprimary AS primary,
    array_to_string(ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum ORDER BY k.ord), ',') AS columns
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'`
  const indexes: Index[] = ix.filter((r) => !r.primary && tables.includes(r.table)).map((r) => ({ table: r.table, columns: r.columns, unique: r.unique, partial: r.partial }))
  return { tables, columns, indexes }
}

// SQLite's declared type and the PostgreSQL type that must stand for it (times are bigint milliseconds).
function expectedPgType(c: Column): string[] {
  if (c.type === 'text') return ['text']
  if (c.type === 'real') return ['double precision']
  if (c.type === 'integer') return /(^|_)at$/.test(c.name) ? ['bigint'] : ['integer', 'bigint']
  return [c.type]
}

const key = (c: { table: string; name?: string; columns?: string }) => `${c.table}.${c.name ?? c.columns}`
// Columns only PostgreSQL fills by itself: the writer's transaction id, for commit-ordered reading.
const PG_ONLY_DEFAULTS = new Set(['standings_changes.tx'])
const byKey = <T extends { table: string }>(list: T[], k: (x: T) => string) => new Map(list.map((x) => [k(x), x]))

describe('the PostgreSQL schema mirrors the SQLite one', () => {
  let t: PgTestDb
  beforeAll(async () => { t = await pgTestDb() })
  afterAll(async () => { await t?.drop() })

  it('has the same tables, columns, nullability, defaults and primary keys, with types that read back alike', async () => {
    const lite = sqliteShape()
    const pg = await pgShape(t)
    expect(pg.tables).toEqual(lite.tables)
    expect(pg.columns.map(key).sort()).toEqual(lite.columns.map(key).sort())
    const pgColumns = byKey(pg.columns, key)
    for (const c of lite.columns) {
      const p = pgColumns.get(key(c))!
      expect(expectedPgType(c), key(c)).toContain(p.type)
      expect(p.notNull, `${key(c)} NOT NULL`).toBe(c.notNull)
      // An autoincrement key has an identity on PostgreSQL in place of SQLite's rowid alias.
      expect(p.hasDefault || p.identity, `${key(c)} default`).toBe(c.hasDefault || (c.pk === 1 && c.type === 'integer' && p.identity) || PG_ONLY_DEFAULTS.has(key(c)))
      expect(p.pk, `${key(c)} primary key position`).toBe(c.pk)
      if (p.type === 'text') expect(p.collation, `${key(c)} collation`).toBe('C')
    }
  })

  it('has the same indexes: columns in order, uniqueness and partial predicates', async () => {
    const lite = sqliteShape()
    const pg = await pgShape(t)
    const describeAll = (list: Index[]) => list.map((i) => `${i.table}(${i.columns})${i.unique ? ' unique' : ''}${i.partial ? ' partial' : ''}`).sort()
    expect(describeAll(pg.indexes)).toEqual(describeAll(lite.indexes))
  })
})

describe('PostgreSQL migrations', () => {
  it('keep the audit log append-only for every role, the owner included', async () => {
    const t = await pgTestDb()
    try {
      const sql = t.db.$client
      await sql`INSERT INTO audit_log (at, actor_id, actor_role, action, entity, entity_id, detail, prev_hash, hash)
        VALUES (1, 'a', 'admin', 'x', 'e', '1', '{}', '', 'h')`
      await expect(sql`UPDATE audit_log SET detail = '{"changed":true}'`).rejects.toThrow(/append-only/)
      await expect(sql`DELETE FROM audit_log`).rejects.toThrow(/append-only/)
      await expect(sql`TRUNCATE audit_log`).rejects.toThrow(/append-only/)
      expect((await sql`SELECT count(*) AS n FROM audit_log`)[0].n).toBe(1)
    } finally {
      await t.drop()
    }
  })

  it('run once when several servers start together on an empty database', async () => {
    const t = await pgTestDb({ migrated: false })
    try {
      const { openPg } = await import('../../db/pg')
      const servers = Array.from({ length: 4 }, () => openPg(t.url, { max: 2 }))
      await Promise.all(servers.map((db) => migratePg(db)))
      await Promise.all(servers.map((db) => db.$client.end()))
      const applied = await t.db.$client`SELECT count(*) AS n FROM drizzle.__drizzle_migrations`
      expect(applied[0].n).toBe(journal.entries.length)
      expect((await t.db.$client`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'attempts'`)[0].n).toBe(1)
    } finally {
      await t.drop()
    }
  })
})

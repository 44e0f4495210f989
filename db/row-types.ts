import type { Column, Table } from 'drizzle-orm'

// Row types for raw SQL (db/program.ts), derived from the tables of db/schema.ts so a column's name or type
// is written once. Raw SQL reads what a column stores, not what the query builder maps it to: flags are
// 0/1 and JSON is text. PostgreSQL answers the same values (db/schema-pg.ts, tests/pg/schema.test.ts).

type Columns<T extends Table> = T['_']['columns']

export type StoredValue<C extends Column> =
  | (C['_']['dataType'] extends 'boolean' ? number : C['_']['dataType'] extends 'json' ? string : C['_']['data'])
  | (C['_']['notNull'] extends true ? never : null)

// A column key as the snake_case casing names it in SQL (startedAt → started_at).
export type SqlName<K extends string> = K extends `${infer C}${infer Rest}`
  ? `${C extends Lowercase<C> ? C : `_${Lowercase<C>}`}${SqlName<Rest>}`
  : ''

// A row as `SELECT *` or named columns answer it: SQL column names (started_at).
export type SqlRow<T extends Table> = { [K in keyof Columns<T> & string as SqlName<K>]: StoredValue<Columns<T>[K]> }

// The same row under drizzle's keys, for SQL that aliases each column (parent_id AS "parentId").
export type AliasedRow<T extends Table> = { [K in keyof Columns<T>]: StoredValue<Columns<T>[K]> }

// Columns the query guarantees filled, where the table allows null (a finished attempt's score).
export type Filled<R, K extends keyof R> = { [P in keyof R]: P extends K ? NonNullable<R[P]> : R[P] }

// Columns of a LEFT JOIN's right side: null when nothing matched.
export type OrNull<R> = { [P in keyof R]: R[P] | null }

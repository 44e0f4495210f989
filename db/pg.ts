import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js'
import { migrate } from 'drizzle-orm/postgres-js/migrator'
import { fileURLToPath } from 'node:url'
import postgres from 'postgres'
import * as schema from './schema-pg'

export type PgDb = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql }

// A built server (dist/server/*.js, see vite.config.ts) reads them from the sources' folder.
const migrationsFolder = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './migrations-pg' : '../../db/migrations-pg', import.meta.url))
// Any fixed 64-bit key: the servers of one database agree on it, nothing else in the database uses it.
const MIGRATE_LOCK = 0x686f6974686900n // "hoithi"

// int8 and numeric come back as JS numbers, as SQLite's integers and reals do: times are milliseconds
// (well under 2^53) and counts and sums are small. Both stores then answer raw SQL with the same values.
const asNumber = (oid: number) => ({ to: oid, from: [oid], serialize: (x: unknown) => String(x), parse: (x: string) => Number(x) })

// A pool of connections to one PostgreSQL database. A multi-host URL with target_session_attrs=primary
// follows a promoted standby (postgres.js tries the hosts in order).
export function openPg(url: string, options: { max?: number } = {}): PgDb {
  const client = postgres(url, {
    max: options.max ?? 10,
    types: { bigint: asNumber(20), numeric: asNumber(1700) },
    onnotice: () => undefined,
  })
  return drizzle({ client, schema, casing: 'snake_case' }) as PgDb
}

// Migrations run once however many servers start together: the first takes the advisory lock, the others
// wait for it and then find nothing left to do.
// The lock holds one connection of the pool while the migrator uses another: the pool needs two.
export async function migratePg(db: PgDb): Promise<void> {
  if (db.$client.options.max < 2) throw new Error('migratePg needs a pool of at least two connections')
  const conn = await db.$client.reserve()
  try {
    await conn`SELECT pg_advisory_lock(${MIGRATE_LOCK.toString()}::bigint)`
    try {
      await migrate(db, { migrationsFolder })
    } finally {
      await conn`SELECT pg_advisory_unlock(${MIGRATE_LOCK.toString()}::bigint)`
    }
  } finally {
    conn.release()
  }
}

import type postgres from 'postgres'
import { driveAsync, type Op, type Program } from './program'

type Connection = postgres.Sql | postgres.TransactionSql

const converted = new Map<string, string>()

// `?` placeholders become $1, $2, … (outside quoted strings and identifiers), once per SQL text.
export function toPgPlaceholders(text: string): string {
  let hit = converted.get(text)
  if (hit !== undefined) return hit
  let out = ''
  let n = 0
  let quote: string | null = null
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null
      out += ch
    } else if (ch === "'" || ch === '"') {
      quote = ch
      out += ch
    } else if (ch === '?') {
      out += `$${++n}`
    } else {
      out += ch
    }
  }
  converted.set(text, (hit = out))
  return hit
}

// Runs a program on PostgreSQL: each step awaited on the pool (or on the transaction's connection once
// inside one). Statements are prepared once per connection.
// `pool` is the database's pool, whatever connection a transaction runs on: caches are keyed by it.
export function runPg<T>(sql: Connection, program: Program<T>, pool: object = sql): Promise<T> {
  return driveAsync(program, (op) => answer(sql, op, pool))
}

const inTransaction = (sql: Connection): sql is postgres.TransactionSql => 'savepoint' in sql

async function answer(sql: Connection, op: Op, pool: object): Promise<unknown> {
  switch (op.kind) {
    case 'all': return [...await sql.unsafe(toPgPlaceholders(op.sql), op.params as postgres.ParameterOrJSON<never>[], { prepare: true })]
    case 'get': return (await sql.unsafe(toPgPlaceholders(op.sql), op.params as postgres.ParameterOrJSON<never>[], { prepare: true }))[0]
    case 'run': return { changes: (await sql.unsafe(toPgPlaceholders(op.sql), op.params as postgres.ParameterOrJSON<never>[], { prepare: true })).count }
    case 'transaction':
      return inTransaction(sql) ? sql.savepoint((tx) => runPg(tx, op.body(), pool)) : sql.begin((tx) => runPg(tx, op.body(), pool))
    case 'lock':
      if (!inTransaction(sql)) throw new Error(`lock(${op.key}) outside a transaction would be released at once`)
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${op.key}, 0))`
      return undefined
    case 'dialect': return 'pg'
    case 'scope': return pool
  }
}

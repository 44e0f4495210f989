// What a failed statement means, the same on both stores.

// A unique key or primary key already taken (SQLite's constraint codes, PostgreSQL's 23505).
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505'
}

// A row that points at one another transaction just removed (or the reverse): SQLite's code, PostgreSQL's 23503.
export function isForeignKeyViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503'
}

// The name of the constraint or index a unique violation hit, when the store says it (PostgreSQL does;
// SQLite names the columns in its message instead).
export function violatedConstraint(err: unknown): string {
  const e = err as { constraint_name?: string; message?: string } | null
  return e?.constraint_name ?? e?.message ?? ''
}

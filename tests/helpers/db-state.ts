import type { TestApp } from './app'

export const MAIN_TABLES = [
  'contests', 'rounds', 'units', 'questions', 'question_revisions', 'staff_users', 'participants', 'participant_units',
  'sessions', 'attempts', 'attempt_items', 'disqualifications', 'round_prizes', 'question_reports', 'audit_log', 'final_standings',
] as const

export function rowCounts(t: TestApp): Record<string, number> {
  return Object.fromEntries(MAIN_TABLES.map((name) => [name, (t.db.$client.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n]))
}

// Every row of every main table, in a stable order: equal snapshots mean nothing changed.
export function dbState(t: TestApp): Record<string, string[]> {
  return Object.fromEntries(MAIN_TABLES.map((name) => [name, t.db.$client.prepare(`SELECT * FROM ${name}`).all().map((r) => JSON.stringify(r)).sort()]))
}

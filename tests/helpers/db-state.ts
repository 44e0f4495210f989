import type { TestApp } from './app'

export const MAIN_TABLES = [
  'contests', 'rounds', 'units', 'questions', 'question_revisions', 'staff_users', 'participants', 'participant_units',
  'sessions', 'attempts', 'attempt_items', 'disqualifications', 'round_prizes', 'question_reports', 'audit_log', 'final_standings',
] as const

export async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const name of MAIN_TABLES) out[name] = (await t.one<{ n: number }>(`SELECT count(*) AS "n" FROM ${name}`))!.n
  return out
}

// Every row of every main table, in a stable order: equal snapshots mean nothing changed.
export async function dbState(t: TestApp): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {}
  for (const name of MAIN_TABLES) out[name] = (await t.sql(`SELECT * FROM ${name}`)).map((r) => JSON.stringify(r)).sort()
  return out
}

import type { Db } from '../../db/client'

// Counts the changes to a contest's units (names, tree, headcounts) and to who belongs to which, so what
// is cached from them (unit names, unit rankings, public pages) knows when to refresh. The in-memory
// standings themselves follow a move in place; they are not rebuilt for it.
const versions = new WeakMap<Db, Map<string, number>>()

export const unitsVersion = (db: Db, contestId: string) => versions.get(db)?.get(contestId) ?? 0

export function unitsChanged(db: Db, contestId: string) {
  let perDb = versions.get(db)
  if (!perDb) versions.set(db, (perDb = new Map()))
  perDb.set(contestId, (perDb.get(contestId) ?? 0) + 1)
}

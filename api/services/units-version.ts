import type { Db } from '../../db/client'
import { ChangeCounter } from '../lib/change-counter'

// Counts the changes to a contest's units (names, tree, headcounts) and to who belongs to which, so what
// is cached from them (unit names, unit rankings, public pages) knows when to refresh. The in-memory
// standings themselves follow a move in place; they are not rebuilt for it.
const versions = new ChangeCounter()
export const unitsVersion = (db: Db, contestId: string) => versions.of(db, contestId)
export const unitsChanged = (db: Db, contestId: string) => versions.bump(db, contestId)

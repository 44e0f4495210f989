import type { Db } from '../../db/client'
import { all, type Program } from '../../db/program'
import { runSqlite } from '../../db/sqlite-runner'

// Finished attempts of different people that chose the same options for the same questions and took
// nearly the same time: the pattern of shared or scripted answers (SPEC §6). The signature is stored at
// finish, so this is an indexed GROUP BY, not a scan of every answer.
export const TWIN_DURATION_MS = 5000

// Ordered by seq within a signature (SQLite's index order already) so both stores list twins alike.
export function* findAnswerTwins(roundId: string): Program<Map<string, string[]>> {
  const rows = yield* all<{ sig: string; pid: string; dur: number }>(`SELECT a.answer_sig AS sig, a.participant_id AS pid, a.ended_at - a.started_at AS dur FROM attempts a
    WHERE a.round_id = ? AND a.answer_sig IN (
      SELECT answer_sig FROM attempts WHERE round_id = ? AND answer_sig IS NOT NULL GROUP BY answer_sig HAVING count(DISTINCT participant_id) > 1)
    ORDER BY a.answer_sig, a.seq`, roundId, roundId)
  const bySig = new Map<string, { pid: string; dur: number }[]>()
  for (const r of rows) bySig.set(r.sig, [...(bySig.get(r.sig) ?? []), r])
  const twins = new Map<string, string[]>()
  for (const group of bySig.values()) {
    for (const x of group) for (const y of group) {
      if (x.pid === y.pid || Math.abs(x.dur - y.dur) > TWIN_DURATION_MS) continue
      const list = twins.get(x.pid) ?? []
      if (!list.includes(y.pid)) twins.set(x.pid, [...list, y.pid])
    }
  }
  return twins
}

// SQLite bridge for the callers not yet written as programs (issue #13).
export const answerTwins = (db: Db, roundId: string): Map<string, string[]> => runSqlite(db, findAnswerTwins(roundId))

import type { Db } from '../../db/client'
import { get, transaction, type Program } from '../../db/program'
import { runSqlite } from '../../db/sqlite-runner'
import { idReader, rankInDatabase, rankRound, storeRanking, type RoundRanking } from '../../api/services/final-ranking'
import type { PredictionTarget, TiebreakKey } from '../../api/rules/types'

// The final ranking as a finalize writes it (generation 0, the default of a round), all at once.
export function lockRanking(db: Db, roundId: string, tiebreak: TiebreakKey[], target: PredictionTarget | null = null): RoundRanking {
  const contestId = (db.$client.prepare('SELECT contest_id FROM rounds WHERE id = ?').get(roundId) as { contest_id: string } | undefined)?.contest_id ?? ''
  const ranking = rankRound(db.$client, { roundId, contestId, tiebreak, target })
  runSqlite(db, transaction(() => storeRanking(roundId, 0, ranking, idReader(ranking), 0, ranking.seqs.length)))
  return ranking
}

// The same as a program, on either store: the ranking read by the database's window functions (the SQL a
// finalize runs where no worker can open the database) and written as generation 0. Run it in one
// transaction (store.write), so the truth, the ranking and the rows written agree.
export function* lockRankingProgram(roundId: string, tiebreak: TiebreakKey[], target: PredictionTarget | null = null): Program<RoundRanking> {
  const contestId = (yield* get<{ contestId: string }>('SELECT contest_id AS "contestId" FROM rounds WHERE id = ?', roundId))?.contestId ?? ''
  const ranking = yield* rankInDatabase({ roundId, contestId, tiebreak, target })
  yield* storeRanking(roundId, 0, ranking, idReader(ranking), 0, ranking.seqs.length)
  return ranking
}

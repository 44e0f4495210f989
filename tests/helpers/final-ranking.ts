import type { Db } from '../../db/client'
import { transaction } from '../../db/program'
import { runSqlite } from '../../db/sqlite-runner'
import { idReader, rankRound, storeRanking, type RoundRanking } from '../../api/services/final-ranking'
import type { PredictionTarget, TiebreakKey } from '../../api/rules/types'

// The final ranking as a finalize writes it (generation 0, the default of a round), all at once.
export function lockRanking(db: Db, roundId: string, tiebreak: TiebreakKey[], target: PredictionTarget | null = null): RoundRanking {
  const contestId = (db.$client.prepare('SELECT contest_id FROM rounds WHERE id = ?').get(roundId) as { contest_id: string } | undefined)?.contest_id ?? ''
  const ranking = rankRound(db.$client, { roundId, contestId, tiebreak, target })
  runSqlite(db, transaction(() => storeRanking(roundId, 0, ranking, idReader(ranking), 0, ranking.seqs.length)))
  return ranking
}

import { and, eq, ne } from 'drizzle-orm'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { inTransaction, prepared, type Db } from '../../db/client'
import { roundPrizes, roundUnitPrizes, rounds } from '../../db/schema'
import { AppError } from '../errors'
import { runWorkerTask } from '../lib/worker-task'
import { reviewOpen } from '../rules/attempt-time'
import { allocatePrizes, allocateUnitPrizes } from '../rules/prizes'
import { rankUnits, unitStatsFromDirect } from '../rules/units'
import type { FinalizeResult } from '../schemas/wire'
import { lastChange, lastFinish, recordChange } from '../standings/change-log'
import type { Standings } from '../standings/standings'
import { unitRows } from '../standings/unit-names'
import { expireDueAttempts } from './attempts'
import { appendAudit, type Actor } from './audit'
import { getContestRow } from './contests'
import { finalTop, idReader, rankRound, storeRanking, type RankingQuestion, type RoundRanking } from './final-ranking'
import { getRoundRow } from './round-view'

type Deps = { db: Db; standings: Standings; now: number }

// Ranks written a transaction at a time (~20 ms each on a slow machine), with a turn of the event loop between.
const STORE_STEP = 1000
const RANKING_WORKER = new URL(import.meta.url.endsWith('.ts') ? './ranking-worker.ts' : './ranking-worker.js', import.meta.url)

// Finalizes under way in this process, per database and round: a second request meanwhile is refused.
const underWay = new WeakMap<Db, Set<string>>()

// Computes the true prediction value, the final ranking and the prize list, and locks them (SPEC §5),
// without holding the event loop: SQLite ranks the round in a worker thread on its own read-only
// connection, the ranks are written as a new generation of final_standings a slice per transaction, and
// one short transaction hands out the prizes and points the round at that generation. If the round moved
// meanwhile (a disqualification, a regrade, an edit), nothing is locked and the judge is asked to retry.
export async function finalizeRound(deps: Deps, actor: Actor, roundId: string): Promise<FinalizeResult> {
  const { db, now } = deps
  const round = getRoundRow(db, roundId)
  if (!reviewOpen(round, now)) throw new AppError('ROUND_NOT_CLOSED', 'Chưa thể chốt kết quả: đợt thi chưa kết thúc.')
  let busy = underWay.get(db)
  if (!busy) underWay.set(db, (busy = new Set()))
  if (busy.has(roundId)) throw new AppError('CONFLICT', 'Đợt thi đang được chốt kết quả; vui lòng chờ.')
  busy.add(roundId)
  try {
    // Attempts the sweeper has not reached yet are scored (and committed) first, so the ranking counts them all.
    expireDueAttempts(deps)
    const since = { change: lastChange(db), finish: lastFinish(db) }
    const ranking = await rankOffThread(db, { roundId, tiebreak: round.tiebreak, target: round.predictionEnabled ? round.predictionTarget : null })
    const ranked = ranking.seqs.length
    const nextId = idReader(ranking)
    const generation = (prepared(db, 'SELECT coalesce(max(generation), 0) AS g FROM final_standings WHERE round_id = ?').get(roundId) as { g: number }).g + 1
    for (let from = 0; from < ranked; from += STORE_STEP) {
      inTransaction(db, () => storeRanking(db, roundId, generation, ranking, nextId, from, from + STORE_STEP))
      if (from + STORE_STEP < ranked) await nextTurn()
    }
    return inTransaction(db, () => lock(deps, actor, roundId, generation, ranking, ranked, since))
  } finally {
    busy.delete(roundId)
    void dropUnusedGenerations(db, roundId).catch((err: unknown) => console.error(JSON.stringify({ level: 'error', what: 'final_standings cleanup', roundId, error: String(err) })))
  }
}

function lock(deps: Deps, actor: Actor, roundId: string, generation: number, ranking: RoundRanking, ranked: number, since: { change: number; finish: number }): FinalizeResult {
  const { db, now } = deps
  const moved = prepared(db, "SELECT 1 FROM standings_changes WHERE seq > ? AND round_id = ? AND kind IN ('round', 'finalize') LIMIT 1").get(since.change, roundId)
    ?? prepared(db, 'SELECT 1 FROM attempts WHERE round_id = ? AND finish_seq > ? LIMIT 1').get(roundId, since.finish)
  if (moved) throw new AppError('CONFLICT', 'Đợt thi vừa có thay đổi (truất quyền, chấm lại hoặc sửa đợt) trong lúc chốt; hãy chốt lại.')
  const round = getRoundRow(db, roundId)
  const contest = getContestRow(db, round.contestId)
  const excluded = contest.onePrizePerPerson ? prizeWinnersElsewhere(db, round.contestId, roundId) : new Set<string>()
  const prizeCount = round.prizes.reduce((n, p) => n + p.count, 0)
  const prizes = allocatePrizes(finalTop(db, roundId, generation, prizeCount + excluded.size), round.prizes, excluded)
  db.delete(roundPrizes).where(eq(roundPrizes.roundId, roundId)).run()
  for (const p of prizes) db.insert(roundPrizes).values({ roundId, rank: p.rank, name: p.name, participantId: p.participantId }).run()
  // Unit figures come from best scores only, which the live board already totals per unit.
  const unitRanking = rankUnits(unitStatsFromDirect(unitRows(db, round.contestId), deps.standings.liveBoard(round).direct))
  const unitPrizes = allocateUnitPrizes(unitRanking.map((u) => ({ unitId: u.unitId, rank: u.rank })), round.unitPrizes)
  db.delete(roundUnitPrizes).where(eq(roundUnitPrizes.roundId, roundId)).run()
  for (const p of unitPrizes) db.insert(roundUnitPrizes).values({ roundId, rank: p.rank, name: p.name, unitId: p.unitId }).run()
  db.update(rounds).set({ finalizedAt: now, predictionTruth: ranking.truth, finalGeneration: generation }).where(eq(rounds.id, roundId)).run()
  const auditHead = appendAudit(db, actor, 'round.finalize', 'round', roundId, { predictionTruth: ranking.truth, ranked, prizes, unitPrizes }, now)
  recordChange(db, { kind: 'finalize', roundId }, now)
  return { predictionTruth: ranking.truth, prizes, unitPrizes, auditHead }
}

// A database file is ranked in a worker thread; one in memory (tests) has no file a worker could open.
function rankOffThread(db: Db, q: RankingQuestion): Promise<RoundRanking> {
  if (db.$client.memory) return Promise.resolve(rankRound(db.$client, q))
  return runWorkerTask<RoundRanking>(RANKING_WORKER, { ...q, path: db.$client.name }, { maxHeapMb: 1024, tooLarge: 'Không đủ bộ nhớ để xếp hạng đợt thi này.' })
}

// Generations other than the locked one (an earlier finalize, or one refused at the end) are deleted a
// slice at a time, while no finalize of the round is under way here.
async function dropUnusedGenerations(db: Db, roundId: string): Promise<void> {
  const drop = prepared(db, `DELETE FROM final_standings WHERE rowid IN (SELECT rowid FROM final_standings
    WHERE round_id = ? AND generation != (SELECT final_generation FROM rounds WHERE id = ?) LIMIT ?)`)
  while (!underWay.get(db)?.has(roundId) && db.$client.open) {
    if (drop.run(roundId, roundId, STORE_STEP).changes < STORE_STEP) return
    await nextTurn()
  }
}

function prizeWinnersElsewhere(db: Db, contestId: string, roundId: string): Set<string> {
  const rows = db.select({ participantId: roundPrizes.participantId }).from(roundPrizes)
    .innerJoin(rounds, eq(rounds.id, roundPrizes.roundId)).where(and(eq(rounds.contestId, contestId), ne(roundPrizes.roundId, roundId))).all()
  return new Set(rows.map((r) => r.participantId))
}

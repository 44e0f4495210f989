import { setImmediate as nextTurn } from 'node:timers/promises'
import type { Db } from '../../db/client'
import { all, dialect, get, run, type Program } from '../../db/program'
import type { Store } from '../../db/store'
import { AppError } from '../errors'
import { runWorkerTask } from '../lib/worker-task'
import { reviewOpen } from '../rules/attempt-time'
import { allocatePrizes, allocateUnitPrizes } from '../rules/prizes'
import { rankUnits, unitStatsFromDirect } from '../rules/units'
import type { FinalizeResult } from '../schemas/wire'
import { changesSince, finishesSince, finishLogStart, logChange, logStart, type LogPosition } from '../standings/change-log'
import { listUnitRows } from '../standings/unit-names'
import { expireDue } from './attempts'
import { appendEntry, type Actor } from './audit'
import { contestRow } from './contests'
import { finalTop, idReader, rankInDatabase, storeRanking, type RankingQuestion, type RoundRanking } from './final-ranking'
import { roundRow } from './round-view'

type Deps = { store: Store; db?: Db; now: number }
type Since = { change: LogPosition; finish: LogPosition }

// Ranks written a transaction at a time (~20 ms each on a slow machine), with a turn of the event loop between.
const STORE_STEP = 1000
const RANKING_WORKER = new URL(import.meta.url.endsWith('.ts') ? './ranking-worker.ts' : './ranking-worker.js', import.meta.url)

// Computes the true prediction value, the final ranking and the prize list, and locks them (SPEC §5),
// without holding the event loop: the round is ranked (by a worker thread on SQLite's file), the ranks are
// written as a new generation of final_standings a slice per transaction, and one short transaction hands
// out the prizes and points the round at that generation.
// A second finalize of the round, on any server, is refused while one runs (store.exclusive). On PostgreSQL
// the finalize also holds the round's lock throughout: a disqualification, regrade or edit of the round
// waits for it. On SQLite those writers do not wait, so if the round moved meanwhile nothing is locked and
// the judge is asked to retry.
export async function finalizeRound(deps: Deps, actor: Actor, roundId: string): Promise<FinalizeResult> {
  const { store, now } = deps
  const round = await store.read(roundRow(roundId))
  if (!reviewOpen(round, now)) throw new AppError('ROUND_NOT_CLOSED', 'Chưa thể chốt kết quả: đợt thi chưa kết thúc.')
  const done = await store.exclusive(`finalize:${roundId}`, async () => {
    await dropGenerations(store, roundId, 'newer')
    // Attempts the sweeper has not reached yet are scored (and committed) first, so the ranking counts them all.
    await store.read(expireDue({ now }))
    const since: Since = { change: await store.read(logStart()), finish: await store.read(finishLogStart()) }
    const question = { roundId, contestId: round.contestId, tiebreak: round.tiebreak, target: round.predictionEnabled ? round.predictionTarget : null }
    const ranking = await rankRound(deps, question)
    const ranked = ranking.seqs.length
    const nextId = idReader(ranking)
    const generation = (await store.read(get<{ g: number }>('SELECT coalesce(max(generation), 0) AS "g" FROM final_standings WHERE round_id = ?', roundId)))!.g + 1
    for (let from = 0; from < ranked; from += STORE_STEP) {
      await store.write(() => storeRanking(roundId, generation, ranking, nextId, from, from + STORE_STEP))
      if (from + STORE_STEP < ranked) await nextTurn()
    }
    return store.write(() => lockRanking(actor, roundId, generation, ranking, since, now))
  }, [`round:${roundId}`])
  if (!done) throw new AppError('CONFLICT', 'Đợt thi đang được chốt kết quả; vui lòng chờ.')
  void dropGenerations(store, roundId, 'older').catch((err: unknown) => console.error(JSON.stringify({ level: 'error', what: 'final_standings cleanup', roundId, error: String(err) })))
  return done
}

// Did anything move the round's standings since the ranking was read? Only possible on SQLite: on
// PostgreSQL every such writer waits for the round's lock (and reading the logs by watermark could name a
// change committed before the finalize began while an unrelated transaction held the watermark back).
function* movedSince(roundId: string, since: Since): Program<boolean> {
  if ((yield* dialect()) === 'pg') return false
  const { changes } = yield* changesSince(since.change)
  if (changes.some((c) => c.roundId === roundId && (c.kind === 'round' || c.kind === 'finalize'))) return true
  return (yield* finishesSince(since.finish)).rounds.some((r) => r.roundId === roundId)
}

function* lockRanking(actor: Actor, roundId: string, generation: number, ranking: RoundRanking, since: Since, now: number): Program<FinalizeResult> {
  if (yield* movedSince(roundId, since)) throw new AppError('CONFLICT', 'Đợt thi vừa có thay đổi (truất quyền, chấm lại hoặc sửa đợt) trong lúc chốt; hãy chốt lại.')
  const round = yield* roundRow(roundId)
  const contest = yield* contestRow(round.contestId)
  const excluded = contest.onePrizePerPerson ? yield* prizeWinnersElsewhere(round.contestId, roundId) : new Set<string>()
  const prizeCount = round.prizes.reduce((n, p) => n + p.count, 0)
  const prizes = allocatePrizes(yield* finalTop(roundId, generation, prizeCount + excluded.size), round.prizes, excluded)
  yield* run('DELETE FROM round_prizes WHERE round_id = ?', roundId)
  for (const p of prizes) yield* run('INSERT INTO round_prizes (round_id, rank, name, participant_id) VALUES (?, ?, ?, ?)', roundId, p.rank, p.name, p.participantId)
  // Unit figures come from best scores only, summed the way the units board sums them, read with the ranking.
  const unitRanking = rankUnits(unitStatsFromDirect(yield* listUnitRows(round.contestId), new Map(ranking.units)))
  const unitPrizes = allocateUnitPrizes(unitRanking.map((u) => ({ unitId: u.unitId, rank: u.rank })), round.unitPrizes)
  yield* run('DELETE FROM round_unit_prizes WHERE round_id = ?', roundId)
  for (const p of unitPrizes) yield* run('INSERT INTO round_unit_prizes (round_id, rank, name, unit_id) VALUES (?, ?, ?, ?)', roundId, p.rank, p.name, p.unitId)
  yield* run('UPDATE rounds SET finalized_at = ?, prediction_truth = ?, final_generation = ? WHERE id = ?', now, ranking.truth, generation, roundId)
  const auditHead = yield* appendEntry(actor, 'round.finalize', 'round', roundId, { predictionTruth: ranking.truth, ranked: ranking.seqs.length, prizes, unitPrizes }, now)
  yield* logChange({ kind: 'finalize', roundId }, now)
  return { predictionTruth: ranking.truth, prizes, unitPrizes, auditHead }
}

// A SQLite file is ranked in a worker thread on its own read-only connection; a database no worker can open
// (PostgreSQL, SQLite in memory for tests) ranks in one read transaction of its own.
function rankRound(deps: Deps, q: RankingQuestion): Promise<RoundRanking> {
  if (deps.store.dialect === 'sqlite' && deps.db && !deps.db.$client.memory) {
    return runWorkerTask<RoundRanking>(RANKING_WORKER, { ...q, path: deps.db.$client.name }, { maxHeapMb: 1024, tooLarge: 'Không đủ bộ nhớ để xếp hạng đợt thi này.' })
  }
  return deps.store.write(() => rankInDatabase(q))
}

// Generations of the ranking other than the locked one are deleted a slice of ranks per transaction.
// Older ones any time after a finalize (a finalize only ever writes a newer one); newer ones, left by a
// finalize refused at the end, only by the next finalize, under the round's lock.
async function dropGenerations(store: Store, roundId: string, which: 'older' | 'newer'): Promise<void> {
  const op = which === 'older' ? '<' : '>'
  const generations = await store.read(all<{ g: number }>(`SELECT DISTINCT generation AS "g" FROM final_standings
    WHERE round_id = ? AND generation ${op} (SELECT final_generation FROM rounds WHERE id = ?)`, roundId, roundId))
  for (const { g } of generations) {
    for (let upTo = STORE_STEP; ; upTo += STORE_STEP) {
      const { changes } = await store.write(() => run('DELETE FROM final_standings WHERE round_id = ? AND generation = ? AND rank <= ?', roundId, g, upTo))
      if (changes < STORE_STEP) break
      await nextTurn()
    }
  }
}

function* prizeWinnersElsewhere(contestId: string, roundId: string): Program<Set<string>> {
  const rows = yield* all<{ participantId: string }>(`SELECT rp.participant_id AS "participantId" FROM round_prizes rp JOIN rounds r ON r.id = rp.round_id
    WHERE r.contest_id = ? AND rp.round_id <> ?`, contestId, roundId)
  return new Set(rows.map((r) => r.participantId))
}

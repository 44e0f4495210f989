import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { rounds, units } from '../../db/schema'
import { notFound } from '../errors'
import { rankUnits, unitStats } from '../rules/units'
import type { Leaderboard, LeaderboardEntry, UnitsLeaderboardEntry } from '../schemas/wire'
import { getContestRow } from './contests'
import { getRoundRow, roundStatus } from './rounds'
import { pageEntries, roundRanking, toEntries, type RoundRanking } from './standings'
import type { StandingsHub } from './standings-hub'

type Page = { limit: number; offset: number; q?: string }
type Folded = LeaderboardEntry & { folded: string }
const entryCache = new WeakMap<RoundRanking, Folded[]>()

function publicRound(db: Db, roundId: string) {
  const round = getRoundRow(db, roundId)
  if (getContestRow(db, round.contestId).status === 'draft') throw notFound('đợt thi')
  return round
}

function entriesOf(db: Db, contestId: string, ranking: RoundRanking, withPrediction: boolean): Folded[] {
  let entries = entryCache.get(ranking)
  if (!entries) entryCache.set(ranking, (entries = toEntries(db, contestId, ranking.ranked, withPrediction)))
  return entries
}

export function roundLeaderboard(db: Db, hub: StandingsHub, roundId: string, now: number, page: Page): Leaderboard {
  const round = publicRound(db, roundId)
  const ranking = roundRanking(db, hub, round, now, 'public')
  const all = entriesOf(db, round.contestId, ranking, ranking.final && round.predictionEnabled)
  return { round: { id: round.id, status: roundStatus(round, now), frozen: ranking.frozen }, ...pageEntries(all, page.q, page.offset, page.limit) }
}

export function myEntry(db: Db, hub: StandingsHub, roundId: string, participantId: string, now: number): LeaderboardEntry | null {
  const round = publicRound(db, roundId)
  const ranking = roundRanking(db, hub, round, now, 'public')
  const found = entriesOf(db, round.contestId, ranking, ranking.final && round.predictionEnabled).find((e) => e.participantId === participantId)
  if (!found) return null
  const { folded: _f, ...entry } = found
  return entry
}

function unitRows(db: Db, contestId: string) {
  return db.select({ id: units.id, name: units.name, parentId: units.parentId, headcount: units.headcount }).from(units).where(eq(units.contestId, contestId)).all()
}

function unitsBoard(db: Db, contestId: string, people: { participantId: string; unitId: string; attempts: number; bestScore: number; maxScore: number }[], parentId?: string): UnitsLeaderboardEntry[] {
  const ranked = rankUnits(unitStats(unitRows(db, contestId), people))
  return parentId ? ranked.filter((u) => u.parentId === parentId) : ranked
}

export function roundUnitsLeaderboard(db: Db, hub: StandingsHub, roundId: string, now: number, parentId?: string): UnitsLeaderboardEntry[] {
  const round = publicRound(db, roundId)
  const ranking = roundRanking(db, hub, round, now, 'public')
  const entries = entriesOf(db, round.contestId, ranking, false)
  const people = entries.map((e) => ({ participantId: e.participantId, unitId: e.unitId, attempts: ranking.attemptsBy.get(e.participantId) ?? 1, bestScore: e.score, maxScore: e.maxScore }))
  return unitsBoard(db, round.contestId, people, parentId)
}

// Contest totals: the sum of each round's best score, ties by total duration (SPEC §5).
function contestTotals(db: Db, hub: StandingsHub, contestId: string, now: number) {
  const contestRounds = db.select().from(rounds).where(eq(rounds.contestId, contestId)).orderBy(asc(rounds.number)).all()
  const totals = new Map<string, Folded & { attempts: number }>()
  for (const round of contestRounds) {
    const ranking = roundRanking(db, hub, round, now, 'public')
    for (const e of entriesOf(db, contestId, ranking, false)) {
      const t = totals.get(e.participantId)
      const attempts = ranking.attemptsBy.get(e.participantId) ?? 1
      if (t) {
        t.score += e.score; t.maxScore += e.maxScore; t.durationMs += e.durationMs; t.attempts += attempts
      } else totals.set(e.participantId, { ...e, attempts })
    }
  }
  const list = [...totals.values()].sort((a, b) => b.score - a.score || a.durationMs - b.durationMs || a.participantId.localeCompare(b.participantId))
  list.forEach((e, i) => { e.rank = i + 1 })
  return list
}

export function contestLeaderboard(db: Db, hub: StandingsHub, contestId: string, now: number, page: Page): Leaderboard {
  const contest = getContestRow(db, contestId)
  if (contest.status === 'draft') throw notFound('cuộc thi')
  const list = contestTotals(db, hub, contestId, now).map(({ attempts: _a, predictionError: _p, ...e }) => e)
  return { contest: { id: contestId }, ...pageEntries(list, page.q, page.offset, page.limit) }
}

export function contestUnitsLeaderboard(db: Db, hub: StandingsHub, contestId: string, now: number, parentId?: string): UnitsLeaderboardEntry[] {
  const contest = getContestRow(db, contestId)
  if (contest.status === 'draft') throw notFound('cuộc thi')
  const people = contestTotals(db, hub, contestId, now).map((e) => ({ participantId: e.participantId, unitId: e.unitId, attempts: e.attempts, bestScore: e.score, maxScore: e.maxScore }))
  return unitsBoard(db, contestId, people, parentId)
}

import type { Db } from '../../db/client'
import { foldText } from '../lib/text'
import { rankAttempts } from '../rules/ranking'
import type { RankedAttempt } from '../rules/types'
import type { LeaderboardEntry } from '../schemas/wire'
import { roundStatus, type RoundRow } from './rounds'
import type { StandingsHub } from './standings-hub'

export type Ranked = RankedAttempt & { rank: number; predictionError: number | null }
export type RoundRanking = { frozen: boolean; final: boolean; ranked: Ranked[]; attemptsBy: Map<string, number>; disqualified: Set<string> }
type Person = { fullName: string; folded: string; unitId: string; unitName: string }

// Rankings are computed from attempts by the pure rules and cached per round until the hub's version moves.
const cache = new WeakMap<Db, Map<string, { version: number; value: RoundRanking }>>()

function loadFinished(db: Db, roundId: string, endedBy: number | null): RankedAttempt[] {
  const rows = db.$client.prepare(`SELECT seq, participant_id, score, max_score, ended_at, started_at, prediction FROM attempts
    WHERE round_id = ? AND status != 'in_progress' ${endedBy == null ? '' : 'AND ended_at <= ?'}`)
    .all(...(endedBy == null ? [roundId] : [roundId, endedBy])) as { seq: number; participant_id: string; score: number; max_score: number; ended_at: number; started_at: number; prediction: number | null }[]
  return rows.map((r) => ({ attemptSeq: r.seq, participantId: r.participant_id, score: r.score, maxScore: r.max_score, durationMs: r.ended_at - r.started_at, endedAt: r.ended_at, prediction: r.prediction }))
}

export function disqualifiedIn(db: Db, roundId: string): Set<string> {
  const rows = db.$client.prepare('SELECT participant_id FROM disqualifications WHERE round_id = ?').all(roundId) as { participant_id: string }[]
  return new Set(rows.map((r) => r.participant_id))
}

export function finishedAttempts(db: Db, roundId: string, endedBy: number | null = null) {
  return loadFinished(db, roundId, endedBy)
}

// mode: 'public' honours the freeze and the locked final ranking; 'live' is the judges' unfrozen view.
export function roundRanking(db: Db, hub: StandingsHub, round: RoundRow, now: number, mode: 'public' | 'live'): RoundRanking {
  const final = mode === 'public' && round.finalizedAt != null
  const frozen = !final && mode === 'public' && round.freezeAt != null && now >= round.freezeAt
  const key = `${round.id}:${final ? 'final' : frozen ? 'frozen' : 'live'}`
  let perDb = cache.get(db)
  if (!perDb) cache.set(db, (perDb = new Map()))
  const version = hub.version(round.id)
  const hit = perDb.get(key)
  if (hit && hit.version === version) return hit.value
  const value = final ? loadFinal(db, round) : computeRanking(db, round, frozen ? round.freezeAt : null, null)
  value.frozen = frozen
  perDb.set(key, { version, value })
  return value
}

export function computeRanking(db: Db, round: RoundRow, endedBy: number | null, truth: number | null): RoundRanking {
  const disqualified = disqualifiedIn(db, round.id)
  const all = loadFinished(db, round.id, endedBy).filter((a) => !disqualified.has(a.participantId))
  const attemptsBy = new Map<string, number>()
  for (const a of all) attemptsBy.set(a.participantId, (attemptsBy.get(a.participantId) ?? 0) + 1)
  const keys = truth == null ? round.tiebreak.filter((k) => k !== 'prediction') : round.tiebreak
  return { frozen: false, final: false, ranked: rankAttempts(all, keys, truth), attemptsBy, disqualified }
}

function loadFinal(db: Db, round: RoundRow): RoundRanking {
  const rows = db.$client.prepare(`SELECT f.rank, f.participant_id, f.attempt_seq, f.prediction_error, a.score, a.max_score, a.ended_at, a.started_at, a.prediction
    FROM final_standings f JOIN attempts a ON a.seq = f.attempt_seq WHERE f.round_id = ? ORDER BY f.rank`).all(round.id) as
    { rank: number; participant_id: string; attempt_seq: number; prediction_error: number | null; score: number; max_score: number; ended_at: number; started_at: number; prediction: number | null }[]
  const disqualified = disqualifiedIn(db, round.id)
  const attemptsBy = new Map<string, number>()
  for (const a of loadFinished(db, round.id, null)) if (!disqualified.has(a.participantId)) attemptsBy.set(a.participantId, (attemptsBy.get(a.participantId) ?? 0) + 1)
  const ranked = rows.map((r) => ({ rank: r.rank, participantId: r.participant_id, attemptSeq: r.attempt_seq, predictionError: r.prediction_error, score: r.score, maxScore: r.max_score, durationMs: r.ended_at - r.started_at, endedAt: r.ended_at, prediction: r.prediction }))
  return { frozen: false, final: true, ranked, attemptsBy, disqualified }
}

export function peopleOf(db: Db, contestId: string, ids: Iterable<string>): Map<string, Person> {
  const stmt = db.$client.prepare(`SELECT p.id, p.full_name, p.name_folded, pu.unit_id, u.name AS unit_name FROM participants p
    JOIN participant_units pu ON pu.participant_id = p.id AND pu.contest_id = ? JOIN units u ON u.id = pu.unit_id WHERE p.id = ?`)
  const out = new Map<string, Person>()
  for (const id of ids) {
    const r = stmt.get(contestId, id) as { full_name: string; name_folded: string; unit_id: string; unit_name: string } | undefined
    if (r) out.set(id, { fullName: r.full_name, folded: `${r.name_folded} ${foldText(r.unit_name)}`, unitId: r.unit_id, unitName: r.unit_name })
  }
  return out
}

export function toEntries(db: Db, contestId: string, ranked: Ranked[], withPrediction: boolean): (LeaderboardEntry & { folded: string })[] {
  const people = peopleOf(db, contestId, ranked.map((r) => r.participantId))
  return ranked.map((r) => {
    const p = people.get(r.participantId)
    return {
      rank: r.rank, participantId: r.participantId, fullName: p?.fullName ?? '', unitId: p?.unitId ?? '', unitName: p?.unitName ?? '',
      score: r.score, maxScore: r.maxScore, durationMs: r.durationMs, ...(withPrediction ? { predictionError: r.predictionError } : {}),
      folded: p?.folded ?? '',
    }
  })
}

// q filters by name or unit with or without diacritics; ranks are the ones of the whole board.
export function pageEntries<T extends { folded: string }>(entries: T[], q: string | undefined, offset: number, limit: number) {
  const needle = q?.trim() ? foldText(q.trim()) : null
  const matched = needle ? entries.filter((e) => e.folded.includes(needle)) : entries
  return { total: matched.length, entries: matched.slice(offset, offset + limit).map(({ folded: _f, ...e }) => e) }
}

export function roundPublicStatus(round: RoundRow, now: number) {
  return roundStatus(round, now)
}

import { all, get, type Program } from '../../db/program'
import type { OrNull, SqlRow } from '../../db/row-types'
import type { participants, participantUnits, units } from '../../db/schema'
import { predictionError, roundSortKeys, sqlOrderBy } from '../rules/ranking'
import type { StandingsEntry } from '../schemas/wire'
import { predictionTruthOf } from '../services/final-ranking'
import { roundStatus, roundView, type RoundRow } from '../services/round-view'
import { computeJudgeFlags } from './judge-flags'
import { livePlaces, lockedPage, NotReady, type Placed } from './pages'
import type { Parts } from './parts'
import type { RoundBoard } from './round-board'

export type PersonRow = Pick<SqlRow<typeof participants>, 'seq' | 'id' | 'full_name' | 'date_of_birth' | 'phone'>
  & OrNull<Pick<SqlRow<typeof participantUnits>, 'unit_id'> & { unit_name: SqlRow<typeof units>['name'] }>
export type StandingsPage = { limit: number; offset: number }

const PERSON = `SELECT p.seq, p.id, p.full_name, p.date_of_birth, p.phone, pu.unit_id, u.name AS unit_name FROM participants p
  LEFT JOIN participant_units pu ON pu.participant_id = p.id AND pu.contest_id = ? LEFT JOIN units u ON u.id = pu.unit_id`

// The judges' view. Before finalize: the live, unfrozen order, and once the round has closed each entry's
// prediction error against the truth as it stands. After finalize: the locked ranking, the same order as
// the public board, the results files and the prizes. The ranked first, then the disqualified (rank 0),
// each with flags.
export function* judgePage(parts: Parts, round: RoundRow, now: number, page: StandingsPage = { limit: 1000, offset: 0 }) {
  const live = parts.boards.built(round, null)
  if (!live) throw new NotReady()
  const flags = yield* computeJudgeFlags(round, live)
  const final = round.finalizedAt != null
  let ranked: Placed[]
  let size: number
  if (final) {
    const locked = yield* lockedPage(parts, round, page.offset, page.limit)
    ranked = locked.rows
    size = locked.total
  } else {
    const truth = round.predictionEnabled && round.predictionTarget && roundStatus(round, now) === 'closed' ? yield* truthOf(round, live) : null
    ranked = livePlaces(live, live.list.slice(page.offset, page.limit).map((pr, i) => ({ pr, rank: page.offset + i + 1 })))
      .map((p) => ({ ...p, predictionError: predictionError(live.entry(p.pr).prediction, truth) }))
    size = live.list.size
  }
  const people = yield* peopleBySeq(round.contestId, ranked.map((r) => r.pr))
  const entries: StandingsEntry[] = ranked.map((r) => {
    const p = people.get(r.pr)!
    return {
      rank: r.rank, participantId: p.id, fullName: p.full_name, unitId: p.unit_id ?? '', unitName: p.unit_name ?? '', score: r.score, maxScore: r.maxScore, durationMs: r.durationMs,
      predictionError: r.predictionError ?? null, dateOfBirth: p.date_of_birth, phone: p.phone, disqualified: false, flags: flags.get(p.id) ?? [],
    }
  })
  const out = yield* disqualifiedEntries(round)
  const from = Math.max(0, page.offset - size)
  for (const d of out.slice(from, from + page.limit - entries.length)) entries.push({ ...d, flags: flags.get(d.participantId) ?? [] })
  return { round: roundView(round, now), final, total: size + out.length, entries }
}

// People by seq with their unit in the contest, 500 to a query: a page of the judges' view, a batch of
// the results file.
export function* peopleBySeq(contestId: string, prs: number[]): Program<Map<number, PersonRow>> {
  const out = new Map<number, PersonRow>()
  for (let i = 0; i < prs.length; i += 500) {
    const some = prs.slice(i, i + 500)
    for (const p of yield* all<PersonRow>(`${PERSON} WHERE p.seq IN (${some.map(() => '?').join(',')})`, contestId, ...some)) out.set(p.seq, p)
  }
  return out
}

// The prediction truth as it stands, counted once per state of the live board (a scan of the round's
// attempts: a second at 900,000 on a slow machine, too much for every judge's refresh).
const truths = new WeakMap<RoundBoard, { version: number; truth: number }>()
function* truthOf(round: RoundRow, live: RoundBoard): Program<number> {
  const hit = truths.get(live)
  if (hit && hit.version === live.version) return hit.truth
  const version = live.version
  const truth = yield* predictionTruthOf(round.id, round.predictionTarget!)
  truths.set(live, { version, truth })
  return truth
}

// Each disqualified person with their best finished attempt by the round's provisional order.
export function* disqualifiedEntries(round: RoundRow): Program<Omit<StandingsEntry, 'flags'>[]> {
  const order = sqlOrderBy(roundSortKeys(round.tiebreak, false), { score: 'a.score', durationMs: '(a.ended_at - a.started_at)', endedAt: 'a.ended_at', attemptSeq: 'a.seq' })
  const rows = yield* all<{ participant_id: string; reason: string; best: number | null }>(`SELECT d.participant_id, d.reason,
      (SELECT a.seq FROM attempts a WHERE a.round_id = d.round_id AND a.participant_id = d.participant_id AND a.status != 'in_progress'
        ORDER BY ${order} LIMIT 1) AS best
    FROM disqualifications d WHERE d.round_id = ? ORDER BY d.at`, round.id)
  const out: Omit<StandingsEntry, 'flags'>[] = []
  for (const r of rows) {
    const a = r.best == null ? undefined : yield* get<{ score: number; max_score: number; dur: number }>('SELECT score, max_score, ended_at - started_at AS dur FROM attempts WHERE seq = ?', r.best)
    const p = (yield* get<PersonRow>(`${PERSON} WHERE p.id = ?`, round.contestId, r.participant_id))!
    out.push({
      rank: 0, participantId: p.id, fullName: p.full_name, unitId: p.unit_id ?? '', unitName: p.unit_name ?? '', score: a?.score ?? 0, maxScore: a?.max_score ?? 0,
      durationMs: a?.dur ?? 0, dateOfBirth: p.date_of_birth, phone: p.phone, disqualified: true, disqualifyReason: r.reason,
    })
  }
  return out
}

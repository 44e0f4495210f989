import { all, get, type Program } from '../../db/program'
import type { Filled, SqlRow } from '../../db/row-types'
import type { attempts, finalStandings, participants, roundPrizes, units } from '../../db/schema'
import { conflict } from '../errors'
import type { AuditMark } from '../pdf/page-foot'
import { dateTimeVn, dateVn, numberVn } from '../pdf/vn-format'
import type { UnitWinnerRow, WinnerRow, WinnersList, WinnersSection } from '../pdf/winners-pdf'
import { contestRow } from './contests'
import { roundRow, type RoundRow } from './round-view'

// The audit chain's head with its last entry's time, printed at the foot of every page.
export function* auditMark(): Program<AuditMark> {
  const last = yield* get<{ hash: string; at: number }>('SELECT hash, at FROM audit_log ORDER BY seq DESC LIMIT 1')
  return last ? { hash: last.hash, at: Number(last.at) } : { hash: 'genesis', at: null }
}

// The contest's issuing body's superior: its unit tree's root when there is exactly one.
export function* rootUnitName(contestId: string): Program<string | null> {
  const roots = yield* all<{ name: string }>('SELECT name FROM units WHERE contest_id = ? AND parent_id IS NULL LIMIT 2', contestId)
  return roots.length === 1 ? roots[0].name : null
}

// A winner's locked rank and finished attempt; dur (ended_at - started_at) is computed.
type RawWinner = Pick<SqlRow<typeof finalStandings>, 'rank'> & Pick<SqlRow<typeof participants>, 'full_name'>
  & Filled<Pick<SqlRow<typeof attempts>, 'score' | 'max_score'>, 'score' | 'max_score'>
  & { unit_name: SqlRow<typeof units>['name'] | null; prize: SqlRow<typeof roundPrizes>['name']; dur: number }

// The official winners of a finalized round: its locked prizes (round_prizes, as finalize handed them out
// and the results export prints them) with the locked ranking's attempt for score and time.
function* roundSection(round: RoundRow, heading: string | null): Program<WinnersSection> {
  const rows = yield* all<RawWinner>(`SELECT f.rank, p.full_name, u.name AS unit_name, a.score, a.max_score, a.ended_at - a.started_at AS dur, rp.name AS prize
    FROM round_prizes rp JOIN final_standings f ON f.round_id = rp.round_id AND f.generation = ? AND f.participant_id = rp.participant_id
    JOIN attempts a ON a.seq = f.attempt_seq JOIN participants p ON p.id = rp.participant_id
    LEFT JOIN participant_units pu ON pu.participant_id = p.id AND pu.contest_id = ? LEFT JOIN units u ON u.id = pu.unit_id
    WHERE rp.round_id = ? ORDER BY f.rank`, round.finalGeneration, round.contestId, round.id)
  const winners = rows.map((r): WinnerRow => ({ rank: r.rank, fullName: r.full_name, unitName: r.unit_name, score: r.score, maxScore: r.max_score, durationMs: Number(r.dur), prize: r.prize }))
  const unitWinners = yield* all<UnitWinnerRow>(`SELECT rup.rank, u.name AS "unitName", rup.name AS prize FROM round_unit_prizes rup
    JOIN units u ON u.id = rup.unit_id WHERE rup.round_id = ? ORDER BY rup.rank`, round.id)
  const maxScores = [...new Set(winners.map((w) => w.maxScore))]
  const outOf = maxScores.length === 1 ? ` Điểm tối đa: ${numberVn(maxScores[0])}.` : ''
  const note = `Thời gian thi: từ ${dateTimeVn(round.opensAt)} đến ${dateTimeVn(round.closesAt)}. Kết quả chính thức, chốt lúc ${dateTimeVn(round.finalizedAt!)}.${outOf} Thời gian làm bài tính theo phút:giây.`
  return { heading, note, winners, unitWinners }
}

export const notFinalized = () => conflict('Đợt thi chưa chốt kết quả: danh sách đoạt giải chỉ in được sau khi ban giám khảo chốt kết quả.')

export function* roundWinnersList(roundId: string, now: number): Program<WinnersList & { contestId: string }> {
  const round = yield* roundRow(roundId)
  if (round.finalizedAt == null) throw notFinalized()
  const contest = yield* contestRow(round.contestId)
  return {
    contestId: contest.id, title: 'DANH SÁCH ĐOẠT GIẢI', subtitle: `${contest.title} – Đợt ${round.number}: ${round.title}`,
    sections: [yield* roundSection(round, null)], audit: yield* auditMark(), printedAt: now,
  }
}

// Every finalized round of the contest, one section each; 409 while none is.
export function* contestWinnersList(contestId: string, now: number): Program<WinnersList> {
  const contest = yield* contestRow(contestId)
  const ids = yield* all<{ id: string }>('SELECT id FROM rounds WHERE contest_id = ? AND finalized_at IS NOT NULL ORDER BY number', contestId)
  if (!ids.length) throw conflict('Cuộc thi chưa có đợt nào chốt kết quả: danh sách đoạt giải chỉ in được sau khi chốt.')
  const sections: WinnersSection[] = []
  for (const { id } of ids) {
    const round = yield* roundRow(id)
    sections.push(yield* roundSection(round, `Đợt ${round.number}: ${round.title}`))
  }
  return { title: 'DANH SÁCH ĐOẠT GIẢI', subtitle: `${contest.title} (tính đến ngày ${dateVn(now)})`, sections, audit: yield* auditMark(), printedAt: now }
}

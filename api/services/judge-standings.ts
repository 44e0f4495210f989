import type { Db } from '../../db/client'
import { likelyDuplicates } from '../rules/duplicates'
import { answerTwins } from './answer-twins'
import { rankAttempts } from '../rules/ranking'
import type { Flag, StandingsEntry } from '../schemas/wire'
import { getRoundRow, roundStatus, roundView } from './rounds'
import { finishedAttempts, peopleOf } from './standings'

// An attempt quicker than this per question is flagged: reading a question takes longer.
export const FAST_MS_PER_QUESTION = 3000
const BURST_WINDOW_MS = 10 * 60_000
const BURST_COUNT = 10

type PersonRow = { id: string; full_name: string; name_folded: string; date_of_birth: string; phone: string; client_address: string | null; created_at: number }

// The judges' view: live and unfrozen, disqualified people kept (after the ranked ones) and flagged.
export function judgeStandings(db: Db, roundId: string, now: number) {
  const round = getRoundRow(db, roundId)
  const dq = new Map((db.$client.prepare('SELECT participant_id, reason FROM disqualifications WHERE round_id = ?').all(roundId) as { participant_id: string; reason: string }[])
    .map((r) => [r.participant_id, r.reason]))
  const all = finishedAttempts(db, roundId)
  const keys = round.tiebreak.filter((k) => k !== 'prediction')
  const ranked = rankAttempts(all.filter((a) => !dq.has(a.participantId)), keys, null)
  const out = rankAttempts(all.filter((a) => dq.has(a.participantId)), keys, null).map((r) => ({ ...r, rank: 0 }))
  const rows = [...ranked, ...out]
  const people = peopleOf(db, round.contestId, rows.map((r) => r.participantId))
  const details = new Map((db.$client.prepare(`SELECT p.id, p.full_name, p.name_folded, p.date_of_birth, p.phone, p.client_address, p.created_at
    FROM participants p JOIN participant_units pu ON pu.participant_id = p.id AND pu.contest_id = ?`).all(round.contestId) as PersonRow[]).map((p) => [p.id, p]))
  const flags = flagsFor(all, round.questionCount, details, people)
  for (const [id, others] of answerTwins(db, roundId)) {
    const names = others.map((o) => people.get(o)?.fullName ?? o).join(', ')
    flags.set(id, [...(flags.get(id) ?? []), { kind: 'identical_answers', evidence: `Trùng toàn bộ câu hỏi và phương án chọn, thời gian làm bài gần như nhau với: ${names}` }])
  }
  const entries: StandingsEntry[] = rows.map((r) => {
    const p = people.get(r.participantId)
    const d = details.get(r.participantId)
    return {
      rank: r.rank, participantId: r.participantId, fullName: p?.fullName ?? '', unitId: p?.unitId ?? '', unitName: p?.unitName ?? '',
      score: r.score, maxScore: r.maxScore, durationMs: r.durationMs, dateOfBirth: d?.date_of_birth ?? '', phone: d?.phone ?? '',
      disqualified: dq.has(r.participantId), ...(dq.has(r.participantId) ? { disqualifyReason: dq.get(r.participantId) } : {}),
      flags: flags.get(r.participantId) ?? [],
    }
  })
  return { round: { ...roundView(round, now), status: roundStatus(round, now) }, total: entries.length, entries }
}

function flagsFor(all: { participantId: string; durationMs: number }[], questionCount: number, details: Map<string, PersonRow>, people: Map<string, { unitId: string }>) {
  const flags = new Map<string, Flag[]>()
  const add = (id: string, f: Flag) => flags.set(id, [...(flags.get(id) ?? []), f])
  const fastLimit = questionCount * FAST_MS_PER_QUESTION
  for (const a of all) {
    if (a.durationMs < fastLimit) add(a.participantId, { kind: 'fast_attempt', evidence: `Hoàn thành ${questionCount} câu trong ${(a.durationMs / 1000).toFixed(1)} giây` })
  }
  const candidates = [...details.values()].map((d) => ({ id: d.id, nameFolded: d.name_folded, dateOfBirth: d.date_of_birth, unitId: people.get(d.id)?.unitId ?? '', phone: d.phone }))
  for (const group of likelyDuplicates(candidates)) {
    for (const id of group.participantIds) add(id, { kind: 'likely_duplicate', evidence: `Trùng họ tên, ngày sinh và đơn vị với ${group.participantIds.length - 1} tài khoản khác` })
  }
  const byAddress = new Map<string, PersonRow[]>()
  for (const d of details.values()) if (d.client_address) byAddress.set(d.client_address, [...(byAddress.get(d.client_address) ?? []), d])
  for (const list of byAddress.values()) {
    list.sort((a, b) => a.created_at - b.created_at)
    for (let i = 0, j = 0; j < list.length; j++) {
      while (list[j].created_at - list[i].created_at > BURST_WINDOW_MS) i++
      if (j - i + 1 >= BURST_COUNT) for (let k = i; k <= j; k++) {
        if (!flags.get(list[k].id)?.some((f) => f.kind === 'registration_burst')) add(list[k].id, { kind: 'registration_burst', evidence: `${j - i + 1} tài khoản đăng ký từ cùng một địa chỉ trong 10 phút` })
      }
    }
  }
  return flags
}

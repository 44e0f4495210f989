import { all, get, type Program } from '../../db/program'
import type { AliasedRow, OrNull } from '../../db/row-types'
import type { attempts, contests, disqualifications, rounds } from '../../db/schema'
import { notFound } from '../errors'
import { iso, isoOrNull } from '../lib/time'
import type { PersonAttempt, PersonDetail } from '../schemas/people'
import { FAST_MS_PER_QUESTION } from '../standings/judge-flags'

// An attempt with its round, contest and disqualification (if any); twins is computed.
type RawAttempt = Pick<AliasedRow<typeof attempts>, 'id' | 'roundId' | 'number' | 'status' | 'startedAt' | 'endedAt' | 'score' | 'maxScore'>
  & Pick<AliasedRow<typeof rounds>, 'contestId' | 'questionCount'> & { roundTitle: AliasedRow<typeof rounds>['title']; contestTitle: AliasedRow<typeof contests>['title'] }
  & OrNull<Pick<AliasedRow<typeof disqualifications>, 'reason'>> & { twins: number }

// One person as the console shows them: who they are, their units, and every attempt of theirs with
// what a judge would want to know beside it (disqualified, too quick, an answer sheet others share).
export function* readPerson(participantId: string): Program<PersonDetail> {
  const p = yield* get<{ id: string; fullName: string; dateOfBirth: string; phone: string; position: string | null; createdAt: number }>(
    `SELECT id, full_name AS "fullName", date_of_birth AS "dateOfBirth", phone, position, created_at AS "createdAt" FROM participants WHERE id = ?`, participantId)
  if (!p) throw notFound('thí sinh')
  const units = yield* all<PersonDetail['participant']['units'][number]>(`SELECT pu.contest_id AS "contestId", c.title AS "contestTitle", pu.unit_id AS "unitId", u.name AS "unitName"
    FROM participant_units pu JOIN contests c ON c.id = pu.contest_id JOIN units u ON u.id = pu.unit_id WHERE pu.participant_id = ? ORDER BY pu.choice_order`, participantId)
  const rows = yield* all<RawAttempt>(`SELECT a.id, a.round_id AS "roundId", r.title AS "roundTitle", r.contest_id AS "contestId", c.title AS "contestTitle",
      a.number, a.status, a.started_at AS "startedAt", a.ended_at AS "endedAt", a.score, a.max_score AS "maxScore", r.question_count AS "questionCount",
      d.reason, (SELECT count(DISTINCT b.participant_id) FROM attempts b WHERE b.round_id = a.round_id AND b.answer_sig = a.answer_sig AND b.participant_id != a.participant_id) AS twins
    FROM attempts a JOIN rounds r ON r.id = a.round_id JOIN contests c ON c.id = r.contest_id
    LEFT JOIN disqualifications d ON d.round_id = a.round_id AND d.participant_id = a.participant_id
    WHERE a.participant_id = ? ORDER BY a.started_at DESC`, participantId)
  return {
    participant: { id: p.id, fullName: p.fullName, dateOfBirth: p.dateOfBirth, phone: p.phone, position: p.position, registeredAt: iso(Number(p.createdAt)), units },
    attempts: rows.map(toAttempt),
  }
}

function toAttempt(r: RawAttempt): PersonAttempt {
  const durationMs = r.endedAt == null ? null : Number(r.endedAt) - Number(r.startedAt)
  const flags: PersonAttempt['flags'] = []
  if (durationMs != null && durationMs < r.questionCount * FAST_MS_PER_QUESTION) {
    flags.push({ kind: 'fast_attempt', evidence: `Hoàn thành ${r.questionCount} câu trong ${(durationMs / 1000).toFixed(1).replace('.', ',')} giây` })
  }
  if (Number(r.twins) > 0) flags.push({ kind: 'same_answers', evidence: `Cùng câu hỏi và phương án chọn với ${r.twins} người khác trong đợt` })
  return {
    id: r.id, roundId: r.roundId, roundTitle: r.roundTitle, contestId: r.contestId, contestTitle: r.contestTitle, number: r.number, status: r.status,
    startedAt: iso(Number(r.startedAt)), endedAt: isoOrNull(r.endedAt == null ? null : Number(r.endedAt)), durationMs,
    score: r.score == null ? null : Number(r.score), maxScore: r.maxScore == null ? null : Number(r.maxScore),
    disqualified: r.reason == null ? null : { reason: r.reason }, flags,
  }
}

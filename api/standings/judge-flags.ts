import { all, get, type Program } from '../../db/program'
import { likelyDuplicates } from '../rules/duplicates'
import type { Flag } from '../schemas/wire'
import { findAnswerTwins } from '../services/answer-twins'
import type { RoundBoard } from './round-board'
import type { RoundRow } from '../services/round-view'

// An attempt quicker than this per question is flagged: reading a question takes longer.
export const FAST_MS_PER_QUESTION = 3000
const BURST_WINDOW_MS = 10 * 60_000
const BURST_COUNT = 10

const cache = new WeakMap<RoundBoard, { version: number; flags: Map<string, Flag[]> }>()

// Flags for the whole round, recomputed only when the round's board has changed.
export function* computeJudgeFlags(round: RoundRow, board: RoundBoard): Program<Map<string, Flag[]>> {
  const hit = cache.get(board)
  if (hit && hit.version === board.version) return hit.flags
  const version = board.version // the board may move while the flags are read: they are for this state
  const flags = new Map<string, Flag[]>()
  const add = (id: string, f: Flag) => flags.set(id, [...(flags.get(id) ?? []), f])

  const fastLimit = round.questionCount * FAST_MS_PER_QUESTION
  const fast = yield* all<{ id: string; dur: number; n: number }>(`SELECT participant_id AS id, min(ended_at - started_at) AS dur, count(*) AS n FROM attempts
    WHERE round_id = ? AND status != 'in_progress' AND ended_at - started_at < ? GROUP BY participant_id`, round.id, fastLimit)
  for (const f of fast) add(f.id, { kind: 'fast_attempt', evidence: `${f.n} lượt hoàn thành ${round.questionCount} câu trong ${(f.dur / 1000).toFixed(1)} giây` })

  const people = yield* all<{ id: string; nameFolded: string; dateOfBirth: string; unitId: string; phone: string }>(`SELECT p.id, p.name_folded AS "nameFolded", p.date_of_birth AS "dateOfBirth", pu.unit_id AS "unitId", p.phone
    FROM participants p JOIN participant_units pu ON pu.participant_id = p.id AND pu.contest_id = ?
    WHERE (p.name_folded, p.date_of_birth, pu.unit_id) IN (
      SELECT p2.name_folded, p2.date_of_birth, pu2.unit_id FROM participants p2 JOIN participant_units pu2 ON pu2.participant_id = p2.id AND pu2.contest_id = ?
      GROUP BY 1, 2, 3 HAVING count(*) > 1)`, round.contestId, round.contestId)
  for (const group of likelyDuplicates(people)) {
    for (const id of group.participantIds) add(id, { kind: 'likely_duplicate', evidence: `Trùng họ tên, ngày sinh và đơn vị với ${group.participantIds.length - 1} tài khoản khác` })
  }

  const regs = yield* all<{ id: string; addr: string; at: number }>(`SELECT p.id, p.client_address AS addr, p.created_at AS at FROM participants p
    JOIN participant_units pu ON pu.participant_id = p.id AND pu.contest_id = ? WHERE p.client_address IN (
      SELECT client_address FROM participants WHERE client_address IS NOT NULL GROUP BY client_address HAVING count(*) >= ?)
    ORDER BY p.client_address, p.created_at`, round.contestId, BURST_COUNT)
  for (let i = 0, j = 0; j < regs.length; j++) {
    if (regs[j].addr !== regs[i].addr) i = j
    while (regs[j].at - regs[i].at > BURST_WINDOW_MS) i++
    if (j - i + 1 < BURST_COUNT) continue
    for (let k = i; k <= j; k++) {
      if (!flags.get(regs[k].id)?.some((f) => f.kind === 'registration_burst')) add(regs[k].id, { kind: 'registration_burst', evidence: `Từ ${BURST_COUNT} tài khoản trở lên đăng ký từ cùng một địa chỉ trong 10 phút` })
    }
  }

  for (const [id, others] of yield* findAnswerTwins(round.id)) {
    const names: string[] = []
    for (const o of others.slice(0, 5)) names.push((yield* get<{ full_name: string }>('SELECT full_name FROM participants WHERE id = ?', o))?.full_name ?? o)
    const list = names.join(', ')
    add(id, { kind: 'identical_answers', evidence: `Trùng toàn bộ câu hỏi và phương án chọn, thời gian làm bài gần như nhau với: ${list}${others.length > 5 ? '…' : ''}` })
  }
  cache.set(board, { version, flags })
  return flags
}

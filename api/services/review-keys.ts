import { prepared, type Db } from '../../db/client'
import { canDraw } from '../rules/blueprint'
import { getRoundRow, type RoundRow } from './round-view'
import { publishedPool } from './question-store'

export const KEY_WITHHELD = 'Đáp án và giải thích của câu này tạm giữ kín vì một đợt thi khác chưa kết thúc có thể ra câu này; sẽ hiện khi các đợt đó kết thúc.'

// The questions of a closed round whose keys its review must not show yet: those that another round,
// not closed yet, can still draw (a participant who read them there could answer from memory). A round
// set to 'show' by its organizer (audited with the round) shows every key.
export function withheldKeys(db: Db, round: RoundRow, now: number, questionIds: string[]): Set<string> {
  if (round.reviewKeys === 'show' || !questionIds.length) return new Set()
  const others = (prepared(db, 'SELECT id FROM rounds WHERE id != ? AND closes_at + grace_sec * 1000 > ?').all(round.id, now) as { id: string }[]).map((r) => getRoundRow(db, r.id))
  if (!others.length) return new Set()
  const wanted = new Set(questionIds)
  const withheld = new Set<string>()
  for (const c of publishedPool(db)) {
    if (wanted.has(c.id) && others.some((r) => canDraw(c, r.blueprint, r.questionCount))) withheld.add(c.id)
  }
  return withheld
}

import { all, type Program } from '../../db/program'
import { canDraw } from '../rules/blueprint'
import { currentPublished } from './question-store'
import { roundRow, type RoundRow } from './round-view'

export const KEY_WITHHELD = 'Đáp án và giải thích của câu này tạm giữ kín vì một đợt thi khác chưa kết thúc có thể ra câu này; sẽ hiện khi các đợt đó kết thúc.'

// The questions of a closed round whose keys its review must not show yet: those that another round,
// not closed yet, can still draw (a participant who read them there could answer from memory). A round
// set to 'show' by its organizer (audited with the round) shows every key.
export function* keysWithheld(round: RoundRow, now: number, questionIds: string[]): Program<Set<string>> {
  if (round.reviewKeys === 'show' || !questionIds.length) return new Set()
  const ids = yield* all<{ id: string }>('SELECT id FROM rounds WHERE id <> ? AND closes_at + grace_sec * 1000 > ?', round.id, now)
  if (!ids.length) return new Set()
  const others: RoundRow[] = []
  for (const { id } of ids) others.push(yield* roundRow(id))
  const wanted = new Set(questionIds)
  const withheld = new Set<string>()
  for (const c of (yield* currentPublished()).pool) {
    if (wanted.has(c.id) && others.some((r) => canDraw(c, r.blueprint, r.questionCount))) withheld.add(c.id)
  }
  return withheld
}


import { For } from 'solid-js'
import type { OpenRound } from '../../../api/schemas/wire'

const roundNames = (rounds: OpenRound[]) => rounds.map((r) => `«${r.title}» (${r.contestTitle}, ${r.attempts} lượt)`).join(', ')

// What an edit does to attempts that already drew the question, as the code does it: an edit is a new
// revision, and each attempt item keeps the revision it drew (shown and scored with it) until a judge
// regrades the round; only attempts started after the save draw the new revision.
export const EFFECT_TEXT = 'Lưu sẽ tạo bản sửa mới. Các lượt thi đã rút câu này vẫn giữ bản cũ (nội dung, phương án, đáp án) và được chấm theo bản cũ; chỉ lượt bắt đầu sau khi lưu mới nhận bản mới. Muốn chấm lại các lượt đã thi theo đáp án mới, Ban Giám khảo dùng "Chấm lại" ở trang chấm thi của đợt.'

export function OpenRoundsWarning(props: { rounds: OpenRound[] }) {
  return (
    <div class="alert warn" role="note">
      <p><strong>Câu hỏi này đang nằm trong đề của đợt thi đang mở:</strong></p>
      <ul><For each={props.rounds}>{(r) => <li>{r.title} ({r.contestTitle}): {r.attempts} lượt thi đã rút câu này</li>}</For></ul>
      <p class="small">{EFFECT_TEXT}</p>
    </div>
  )
}

export const confirmText = (rounds: OpenRound[]) => `Câu hỏi đang nằm trong đề của đợt thi đang mở: ${roundNames(rounds)}. ${EFFECT_TEXT}`

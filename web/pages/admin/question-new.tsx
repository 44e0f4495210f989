import { A, useAction, useNavigate, useSubmission } from '@solidjs/router'
import { createSignal } from 'solid-js'
import type { BankQuestionWire } from '../../../api/schemas/wire'
import { createQuestion } from '../../api/authoring'
import { errorMessage, fieldErrors } from '../../api/client'
import { QuestionCard } from '../../components/question-card'
import { blankQuestion, QuestionForm } from './question-form'
import { asItem } from './question-history'

// "Thêm câu hỏi": the editing form on a blank question, saved as a draft or published; then its own page.
export default function QuestionNew() {
  const create = useAction(createQuestion)
  const sub = useSubmission(createQuestion)
  const navigate = useNavigate()
  const start = blankQuestion()
  const [draft, setDraft] = createSignal<BankQuestionWire>(start)
  const save = async (q: Partial<BankQuestionWire>) => {
    const made = await create(q).catch(() => undefined)
    if (made) navigate(`/quan-tri/cau-hoi/${encodeURIComponent(made.id)}?moi=1`)
  }
  return (
    <section class="page wide">
      <p class="small"><A href="/quan-tri/cau-hoi">‹ Ngân hàng câu hỏi</A></p>
      <h1>Thêm câu hỏi</h1>
      <div class="two-col">
        <QuestionForm question={start} mode="new" busy={!!sub.pending} error={sub.error ? errorMessage(sub.error) : undefined} errors={fieldErrors(sub.error)}
          onChange={(d) => setDraft({ ...d, options: d.options.map((o) => ({ ...o })) })} onSave={(q) => void save(q)} />
        <div>
          <h2 class="h3">Xem trước (như thí sinh thấy)</h2>
          <div class="preview"><QuestionCard item={asItem(draft())} total={1} choice={[]} /></div>
        </div>
      </div>
    </section>
  )
}

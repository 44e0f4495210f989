import { useAction, useSubmission } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import { regrade } from '../../api/judging'
import { Field, FormError } from '../../components/field'

// After an organizer corrects a key, rescore this round's attempts that used the question (SPEC §5).
export function RegradeForm(props: { roundId: string }) {
  const [questionId, setQuestionId] = createSignal('')
  const run = useAction(regrade)
  const sub = useSubmission(regrade)
  return (
    <form class="card" onSubmit={(e) => { e.preventDefault(); void run(props.roundId, questionId().trim()).catch(() => undefined) }}>
      <h2 class="h3">Chấm lại theo đáp án đã sửa</h2>
      <FormError message={sub.error instanceof Error ? sub.error.message : undefined} />
      <Show when={sub.result && !sub.pending}><p class="alert ok" role="status">Đã chấm lại {sub.result!.rescored} lượt thi. Nếu đợt đã chốt, hãy chốt lại.</p></Show>
      <Field id="regrade-question" label="Mã câu hỏi" value={questionId()} onInput={setQuestionId} required />
      <button type="submit" disabled={!!sub.pending || !questionId().trim()}>Chấm lại</button>
    </form>
  )
}

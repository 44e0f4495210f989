import { A, createAsync, useAction, useParams, useSubmission } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import type { AttemptItem, BankQuestionWire } from '../../../api/schemas/wire'
import { errorMessage } from '../../api/client'
import { getQuestion, getRevisions, updateQuestion } from '../../api/questions'
import { QuestionCard } from '../../components/question-card'
import { fmtDateTime } from '../../lib/format'
import { QuestionForm } from './question-form'

// As a participant sees it, before shuffling (pinned options keep their place when shuffled).
const asItem = (q: BankQuestionWire): AttemptItem => ({ position: 1, questionId: q.id, type: q.type, stem: q.stem, options: q.options.map((o) => ({ key: o.key, text: o.text })), choice: [] })

export default function QuestionEdit() {
  const params = useParams<{ questionId: string }>()
  const question = createAsync(() => getQuestion(params.questionId))
  const revisions = createAsync(() => getRevisions(params.questionId))
  const save = useAction(updateQuestion)
  const sub = useSubmission(updateQuestion)
  const [draft, setDraft] = createSignal<BankQuestionWire>()
  const [shown, setShown] = createSignal<number>()
  return (
    <section class="page wide">
      <p class="small"><A href="/quan-tri/cau-hoi">‹ Ngân hàng câu hỏi</A></p>
      <Show when={question()}>
        {(q) => (
          <>
            <h1>Câu hỏi {q().id} <span class="muted small">(bản {q().revision})</span></h1>
            <Show when={!sub.pending && sub.result}><p class="alert ok" role="status">Đã lưu bản {sub.result!.revision}.</p></Show>
            <div class="two-col">
              <QuestionForm question={q()} busy={!!sub.pending} error={sub.error ? errorMessage(sub.error) : undefined}
                onChange={(d) => setDraft({ ...d, options: d.options.map((o) => ({ ...o })) })} onSave={(patch) => void save(q().id, patch).catch(() => undefined)} />
              <div>
                <h2 class="h3">Xem trước (như thí sinh thấy)</h2>
                <div class="preview"><QuestionCard item={asItem(draft() ?? q())} total={1} choice={[]} /></div>
                <h2 class="h3">Lịch sử sửa</h2>
                <ol class="plain revisions">
                  <For each={[...(revisions() ?? [])].reverse()}>
                    {(r) => (
                      <li>
                        <button type="button" class="link" onClick={() => setShown(shown() === r.revision ? undefined : r.revision)}>Bản {r.revision}</button>
                        {' · '}{fmtDateTime(r.createdAt)}{r.createdBy ? ` · ${r.createdBy}` : ''}
                        <Show when={shown() === r.revision}>
                          <div class="preview"><QuestionCard item={asItem(r.question)} total={1} choice={r.question.correct} /></div>
                          <p class="small">Đáp án: {r.question.correct.join(', ')} · {r.question.explanation}</p>
                        </Show>
                      </li>
                    )}
                  </For>
                </ol>
              </div>
            </div>
          </>
        )}
      </Show>
    </section>
  )
}

import { A, createAsync, useAction, useParams, useSearchParams, useSubmission } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import type { BankQuestionWire } from '../../../api/schemas/wire'
import { getHistory, getQuestionForEdit } from '../../api/authoring'
import { errorMessage, fieldErrors } from '../../api/client'
import { updateQuestion } from '../../api/questions'
import { Dialog } from '../../components/dialog'
import { QuestionCard } from '../../components/question-card'
import { confirmText, OpenRoundsWarning } from './open-rounds-warning'
import { QuestionForm } from './question-form'
import { asItem, QuestionHistory } from './question-history'

export default function QuestionEdit() {
  const params = useParams<{ questionId: string }>()
  const [search] = useSearchParams()
  const data = createAsync(() => getQuestionForEdit(params.questionId))
  const revisions = createAsync(() => getHistory(params.questionId))
  const save = useAction(updateQuestion)
  const sub = useSubmission(updateQuestion)
  const [draft, setDraft] = createSignal<BankQuestionWire>()
  // A save waiting for the organizer's yes when running rounds drew the question.
  const [pending, setPending] = createSignal<Partial<BankQuestionWire>>()
  const send = (id: string, patch: Partial<BankQuestionWire>) => void save(id, patch).catch(() => undefined)
  const openRounds = () => data()?.openRounds ?? []
  return (
    <section class="page wide">
      <p class="small"><A href="/quan-tri/cau-hoi">‹ Ngân hàng câu hỏi</A></p>
      <Show when={data()?.question}>
        {(q) => (
          <>
            <h1>Câu hỏi {q().id} <span class="muted small">(bản {q().revision})</span></h1>
            <Show when={search.moi && !sub.result}><p class="alert ok" role="status">Đã thêm câu hỏi {q().id}.</p></Show>
            <Show when={!sub.pending && sub.result}><p class="alert ok" role="status">Đã lưu bản {sub.result!.revision}.</p></Show>
            <Show when={openRounds().length}><OpenRoundsWarning rounds={openRounds()} /></Show>
            <div class="two-col">
              <QuestionForm question={q()} busy={!!sub.pending} error={sub.error ? errorMessage(sub.error) : undefined} errors={fieldErrors(sub.error)}
                onChange={(d) => setDraft({ ...d, options: d.options.map((o) => ({ ...o })) })}
                onSave={(patch) => (openRounds().length ? setPending(patch) : send(q().id, patch))} />
              <div>
                <h2 class="h3">Xem trước (như thí sinh thấy)</h2>
                <div class="preview"><QuestionCard item={asItem(draft() ?? q())} total={1} choice={[]} /></div>
                <h2 class="h3">Lịch sử sửa</h2>
                <Show when={revisions()}>{(list) => <QuestionHistory revisions={list()} />}</Show>
              </div>
            </div>
            <Dialog id="open-rounds-confirm" open={!!pending()} title="Sửa câu hỏi đang dùng trong đợt thi?" onClose={() => setPending(undefined)}>
              <p>{confirmText(openRounds())}</p>
              <div class="dialog-actions">
                <button type="button" onClick={() => setPending(undefined)}>Không lưu</button>
                <button type="button" class="primary" onClick={() => { const p = pending(); setPending(undefined); if (p) send(q().id, p) }}>Vẫn lưu bản mới</button>
              </div>
            </Dialog>
          </>
        )}
      </Show>
    </section>
  )
}

import { A, createAsync, useAction, useParams, useSubmission } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import { getAdminRound, updateRound } from '../../api/admin'
import { errorMessage } from '../../api/client'
import { serverNow } from '../../stores/clock'
import { RoundForm } from './round-form'

export default function RoundEdit() {
  const params = useParams<{ roundId: string }>()
  const found = createAsync(() => getAdminRound(params.roundId))
  const save = useAction(updateRound)
  const sub = useSubmission(updateRound)
  const [saved, setSaved] = createSignal(false)
  // Closing early caps the deadlines of attempts in progress at now (SPEC §3); judges can then finalize.
  const closeNow = () => {
    if (!confirm('Đóng đợt thi ngay bây giờ? Các lượt đang làm sẽ kết thúc.')) return
    void save(params.roundId, { closesAt: new Date(serverNow()).toISOString() }).then(() => setSaved(true), () => undefined)
  }
  return (
    <Show when={found()}>
      {(f) => (
        <section class="page">
          <p class="small"><A href={`/quan-tri/cuoc-thi/${f().contest.id}`}>‹ {f().contest.title}</A></p>
          <h1>Sửa đợt thi: {f().round.title}</h1>
          <Show when={saved()}><p class="alert ok" role="status">Đã lưu.</p></Show>
          <Show when={f().round.status === 'open'}>
            <p><button type="button" class="danger" onClick={closeNow} disabled={!!sub.pending}>Đóng đợt thi ngay</button></p>
          </Show>
          <Show when={f().round.status !== 'finalized'} fallback={<p>Đợt thi đã chốt kết quả, không sửa được.</p>}>
            <RoundForm round={f().round} busy={!!sub.pending} error={sub.error ? errorMessage(sub.error) : undefined} submitLabel="Lưu thay đổi"
              onSubmit={(body) => void save(params.roundId, body).then(() => setSaved(true), () => undefined)} />
          </Show>
        </section>
      )}
    </Show>
  )
}

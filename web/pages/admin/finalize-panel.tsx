import { useAction, useSubmission } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import type { RoundSummary, StandingsEntry } from '../../../api/schemas/wire'
import { finalizeRound } from '../../api/judging'
import { Dialog } from '../../components/dialog'
import { FormError } from '../../components/field'

type Props = { round: RoundSummary; entries: StandingsEntry[]; unitName: (id: string) => string }

// Finalizing locks the ranking, computes the prediction truth and the prize lists (SPEC §5).
export function FinalizePanel(props: Props) {
  const [open, setOpen] = createSignal(false)
  const run = useAction(finalizeRound)
  const sub = useSubmission(finalizeRound)
  const name = (id: string) => props.entries.find((e) => e.participantId === id)?.fullName ?? id
  const ready = () => props.round.status === 'closed' || props.round.status === 'finalized'
  const go = () => { setOpen(false); void run(props.round.id).catch(() => undefined) }
  return (
    <section class="card finalize">
      <h2 class="h3">Chốt kết quả</h2>
      <Show when={props.round.status === 'finalized'}><p class="alert ok">Đợt thi đã được chốt kết quả. Có thể chốt lại sau khi chấm lại.</p></Show>
      <Show when={!ready()}><p class="muted">Chỉ chốt được sau khi đợt thi đóng (và hết thời gian ân hạn).</p></Show>
      <FormError message={sub.error instanceof Error ? sub.error.message : undefined} />
      <button type="button" class="primary" disabled={!ready() || !!sub.pending} onClick={() => setOpen(true)}>
        {props.round.status === 'finalized' ? 'Chốt lại kết quả' : 'Chốt kết quả'}
      </button>
      <Show when={!sub.pending && sub.result}>
        {(res) => (
          <div class="prizes" role="status">
            <p><strong>Đã chốt.</strong> Đáp án câu dự đoán: <strong>{res().predictionTruth ?? '–'}</strong></p>
            <h3>Danh sách giải cá nhân</h3>
            <Show when={res().prizes.length} fallback={<p>Không có giải.</p>}>
              <ol class="plain"><For each={res().prizes}>{(p) => <li>{p.name}: <strong>{name(p.participantId)}</strong> (hạng {p.rank})</li>}</For></ol>
            </Show>
            <Show when={res().unitPrizes?.length}>
              <h3>Giải tập thể</h3>
              <ol class="plain"><For each={res().unitPrizes}>{(p) => <li>{p.name}: <strong>{props.unitName(p.unitId)}</strong> (hạng {p.rank})</li>}</For></ol>
            </Show>
            <p class="small muted">Mã kiểm toán: <code>{res().auditHead}</code></p>
          </div>
        )}
      </Show>
      <Dialog id="finalize" open={open()} title="Chốt kết quả đợt thi?" onClose={() => setOpen(false)}>
        <p>Thứ hạng, đáp án câu dự đoán và danh sách giải sẽ được tính và khóa lại; bảng xếp hạng công khai hết đóng băng.
          Sau khi chốt, không thể truất quyền hay hủy truất quyền.</p>
        <div class="dialog-actions">
          <button type="button" onClick={() => setOpen(false)}>Hủy</button>
          <button type="button" class="primary" id="confirm-finalize" onClick={go}>Chốt kết quả</button>
        </div>
      </Dialog>
    </section>
  )
}

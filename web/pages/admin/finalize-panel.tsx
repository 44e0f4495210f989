import { useAction, useSubmission } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import type { FinalizeResult, RoundSummary, StandingsEntry } from '../../../api/schemas/wire'
import { finalizeRound } from '../../api/judging'
import type { RoundPrizes } from '../../api/leaderboards'
import { Dialog } from '../../components/dialog'
import { FormError } from '../../components/field'
import { PrizeLists } from '../../components/prize-lists'

type Props = { round: RoundSummary; entries: StandingsEntry[]; prizes?: RoundPrizes | null; unitName: (id: string) => string }

// The finalize answer carries ids only; names come from the standings on screen.
function fromResult(res: FinalizeResult, entries: StandingsEntry[], unitName: (id: string) => string): RoundPrizes {
  const person = (id: string) => entries.find((e) => e.participantId === id)
  return {
    finalized: true, predictionTruth: res.predictionTruth,
    prizes: res.prizes.map((p) => ({ ...p, fullName: person(p.participantId)?.fullName ?? p.participantId, unitName: person(p.participantId)?.unitName ?? null })),
    unitPrizes: (res.unitPrizes ?? []).map((p) => ({ ...p, unitName: unitName(p.unitId) })),
  }
}

// Finalizing locks the ranking, computes the prediction truth and the prize lists (SPEC §5).
export function FinalizePanel(props: Props) {
  const [open, setOpen] = createSignal(false)
  const run = useAction(finalizeRound)
  const sub = useSubmission(finalizeRound)
  const ready = () => props.round.status === 'closed' || props.round.status === 'finalized'
  const go = () => { setOpen(false); void run(props.round.id).catch(() => undefined) }
  // The stored lists once the server has them (also after a reload); the finalize answer until then.
  const lists = () => (props.prizes?.finalized ? props.prizes : !sub.pending && sub.result ? fromResult(sub.result, props.entries, props.unitName) : null)
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
        {(res) => <p role="status"><strong>Đã chốt.</strong> <span class="small muted">Mã kiểm toán: <code>{res().auditHead}</code></span></p>}
      </Show>
      <Show when={lists()}>{(l) => <div class="prizes"><PrizeLists prizes={l()} heading="h3" /></div>}</Show>
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

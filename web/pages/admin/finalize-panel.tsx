import { A, createAsync, useAction, useSubmission } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import type { FinalizeResult, RoundPrizes, RoundSummary, StandingsEntry } from '../../../api/schemas/wire'
import { finalizeRound } from '../../api/judging'
import { getOpenFlags } from '../../api/open-flags'
import { Dialog } from '../../components/dialog'
import { FormError } from '../../components/field'
import { PrizeLists } from '../../components/prize-lists'
import { FLAG } from './standings-table'

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
  const [seen, setSeen] = createSignal(false)
  // Read when the dialog opens, so the list is as of the moment of deciding.
  const pending = createAsync(() => (open() ? getOpenFlags(props.round.id) : Promise.resolve(undefined)))
  const count = () => (pending()?.flags.length ?? 0) + (pending()?.reports.length ?? 0)
  const canConfirm = () => !!pending() && (count() === 0 || seen())
  const run = useAction(finalizeRound)
  const sub = useSubmission(finalizeRound)
  const ready = () => props.round.status === 'closed' || props.round.status === 'finalized'
  const close = () => { setOpen(false); setSeen(false) }
  const go = () => { close(); void run(props.round.id).catch(() => undefined) }
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
      <Dialog id="finalize" open={open()} title="Chốt kết quả đợt thi?" onClose={close}>
        <p>Thứ hạng, đáp án câu dự đoán và danh sách giải sẽ được tính và khóa lại; bảng xếp hạng công khai hết đóng băng.
          Sau khi chốt, không thể truất quyền hay hủy truất quyền.</p>
        <Show when={pending()} fallback={<p class="muted" role="status">Đang kiểm tra cảnh báo và phản ánh chưa xử lý…</p>}>
          {(p) => (
            <Show when={count()} fallback={<p class="ok" role="status">Không còn cảnh báo hay phản ánh nào chưa xử lý.</p>}>
              <div class="open-flags" role="region" aria-label="Cảnh báo chưa xử lý">
                <p class="alert error">Còn {count()} mục chưa xử lý: hãy xem trước khi chốt.</p>
                <Show when={p().flags.length}>
                  <h3 class="h4">Cảnh báo gian lận ({p().flags.length})</h3>
                  <ul class="small">
                    <For each={p().flags}>{(f) => <li><A href={`/quan-tri/thi-sinh/${f.participantId}`}>{f.fullName}</A> ({f.unitName}): {FLAG[f.kind] ?? f.kind}. {f.evidence}</li>}</For>
                  </ul>
                </Show>
                <Show when={p().reports.length}>
                  <h3 class="h4">Phản ánh về câu hỏi ({p().reports.length})</h3>
                  <ul class="small">
                    <For each={p().reports}>{(r) => <li><A href={`/quan-tri/cau-hoi/${r.questionId}`}>Câu {r.position} ({r.questionId})</A>, {r.fullName}: “{r.message}”</li>}</For>
                  </ul>
                </Show>
                <label class="check"><input type="checkbox" id="finalize-seen" checked={seen()} onChange={(e) => setSeen(e.currentTarget.checked)} />
                  <span>Tôi đã xem các mục trên và vẫn chốt kết quả</span></label>
              </div>
            </Show>
          )}
        </Show>
        <div class="dialog-actions">
          <button type="button" onClick={close}>Hủy</button>
          <button type="button" class="primary" id="confirm-finalize" disabled={!canConfirm()} onClick={go}>Chốt kết quả</button>
        </div>
      </Dialog>
    </section>
  )
}

import { useAction, useSubmission } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import type { StandingsEntry } from '../../../api/schemas/wire'
import { resetPassword } from '../../api/admin'
import { disqualify, undoDisqualify } from '../../api/judging'
import { Dialog } from '../../components/dialog'
import { TextArea } from '../../components/field'
import { fmtDuration, fmtIsoDay, fmtScore } from '../../lib/format'
import { NewPassword } from './new-password'

export const FLAG: Record<string, string> = { fast_attempt: 'Làm quá nhanh', likely_duplicate: 'Nghi trùng người', registration_burst: 'Nhiều tài khoản cùng địa chỉ', identical_answers: 'Bài giống nhau' }
type Props = { roundId: string; entries: StandingsEntry[]; finalized: boolean; canResetPassword: boolean }

export function StandingsTable(props: Props) {
  const withPrediction = () => props.entries.some((e) => e.predictionError != null)
  const [target, setTarget] = createSignal<StandingsEntry | null>(null)
  const [reason, setReason] = createSignal('')
  const [newPassword, setNewPassword] = createSignal<{ name: string; password: string } | null>(null)
  const dq = useAction(disqualify)
  const dqSub = useSubmission(disqualify)
  const undo = useAction(undoDisqualify)
  const undoSub = useSubmission(undoDisqualify)
  // Restoring someone asks why, as disqualifying does: the reason is kept in the audit log.
  const [restoring, setRestoring] = createSignal<StandingsEntry | null>(null)
  const [undoReason, setUndoReason] = createSignal('')
  const confirmUndo = async (e: SubmitEvent) => {
    e.preventDefault()
    await undo(props.roundId, restoring()!.participantId, undoReason().trim()).then(() => { setRestoring(null); setUndoReason('') }, () => undefined)
  }
  const reset = useAction(resetPassword)
  const confirmDq = async (e: SubmitEvent) => {
    e.preventDefault()
    await dq(props.roundId, target()!.participantId, reason().trim()).then(() => { setTarget(null); setReason('') }, () => undefined)
  }
  const doReset = async (e: StandingsEntry) => {
    if (!confirm(`Cấp mật khẩu mới cho ${e.fullName}? Mật khẩu cũ sẽ không dùng được nữa.`)) return
    const password = await reset(e.participantId).catch((err: Error) => { alert(err.message); return null })
    if (password) setNewPassword({ name: e.fullName, password })
  }
  return (
    <>
      <Show when={newPassword()}>
        {(p) => <NewPassword name={p().name} password={p().password} onClose={() => setNewPassword(null)} />}
      </Show>
      <div class="table-wrap">
        <table class="table standings">
          <thead>
            <tr><th scope="col" class="num">Hạng</th><th scope="col">Thí sinh</th><th scope="col" class="num">Điểm</th><th scope="col" class="num">Thời gian</th><Show when={withPrediction()}><th scope="col" class="num">Sai số dự đoán</th></Show><th scope="col">Cảnh báo</th><th scope="col">Thao tác</th></tr>
          </thead>
          <tbody>
            <For each={props.entries} fallback={<tr><td colspan="7">Chưa có bài nộp.</td></tr>}>
              {(e) => (
                <tr classList={{ disqualified: e.disqualified }} data-participant={e.participantId}>
                  <td class="num">{e.disqualified ? '–' : e.rank}</td>
                  <td>
                    <strong>{e.fullName}</strong>
                    <span class="small muted block-line">{e.unitName} · {fmtIsoDay(e.dateOfBirth)} · {e.phone}</span>
                    <Show when={e.disqualified}><span class="small bad block-line">Truất quyền: {e.disqualifyReason}</span></Show>
                  </td>
                  <td class="num">{fmtScore(e.score)}/{fmtScore(e.maxScore)}</td>
                  <td class="num">{fmtDuration(e.durationMs)}</td>
                  <Show when={withPrediction()}><td class="num">{e.predictionError == null ? '–' : fmtScore(e.predictionError)}</td></Show>
                  <td><For each={e.flags}>{(f) => <span class="flag" title={f.evidence}>⚑ {FLAG[f.kind] ?? f.kind}<span class="sr-only">: {f.evidence}</span></span>}</For></td>
                  <td class="row-actions">
                    <Show when={!props.finalized}>
                      <Show when={e.disqualified} fallback={<button type="button" class="small" onClick={() => setTarget(e)}>Truất quyền</button>}>
                        <button type="button" class="small" onClick={() => setRestoring(e)}>Hủy truất quyền</button>
                      </Show>
                    </Show>
                    <Show when={props.canResetPassword}>
                      <button type="button" class="small" onClick={() => void doReset(e)}>Cấp lại mật khẩu</button>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Dialog id="dq" open={!!target()} title={`Truất quyền ${target()?.fullName ?? ''}`} onClose={() => setTarget(null)}>
        <form onSubmit={confirmDq}>
          <TextArea id="dq-reason" label="Lý do (ghi vào nhật ký kiểm toán)" value={reason()} onInput={setReason} rows={3} required />
          <Show when={dqSub.error}><p class="error" role="alert">{(dqSub.error as Error).message}</p></Show>
          <div class="dialog-actions">
            <button type="button" onClick={() => setTarget(null)}>Hủy</button>
            <button type="submit" class="danger" disabled={!reason().trim() || !!dqSub.pending}>Truất quyền</button>
          </div>
        </form>
      </Dialog>
      <Dialog id="undo-dq" open={!!restoring()} title={`Hủy truất quyền ${restoring()?.fullName ?? ''}`} onClose={() => setRestoring(null)}>
        <form onSubmit={confirmUndo}>
          <p class="small">Đã truất quyền vì: {restoring()?.disqualifyReason}</p>
          <TextArea id="undo-dq-reason" label="Lý do hủy truất quyền (ghi vào nhật ký kiểm toán)" value={undoReason()} onInput={setUndoReason} rows={3} required />
          <Show when={undoSub.error}><p class="error" role="alert">{(undoSub.error as Error).message}</p></Show>
          <div class="dialog-actions">
            <button type="button" onClick={() => setRestoring(null)}>Hủy</button>
            <button type="submit" class="primary" disabled={!undoReason().trim() || !!undoSub.pending}>Hủy truất quyền</button>
          </div>
        </form>
      </Dialog>
    </>
  )
}

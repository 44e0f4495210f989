import { useAction, useSubmission } from '@solidjs/router'
import { Show } from 'solid-js'
import { resetPassword, type Person } from '../../api/admin'
import { Dialog } from '../../components/dialog'
import { FormError } from '../../components/field'
import { fmtIsoDay } from '../../lib/format'

type Props = { person: Person | null; onClose: () => void; onIssued: (name: string, password: string) => void }

// Asks before replacing a participant's password: the old one stops working at once.
export function ResetDialog(props: Props) {
  const reset = useAction(resetPassword)
  const sub = useSubmission(resetPassword)
  const confirm = async () => {
    const p = props.person
    if (!p) return
    const password = await reset(p.id).catch(() => null)
    if (password) props.onIssued(p.fullName, password)
  }
  return (
    <Dialog id="reset-password" open={!!props.person} title={`Cấp mật khẩu mới cho ${props.person?.fullName ?? ''}?`} onClose={() => props.onClose()}>
      <Show when={props.person}>
        {(p) => <p>Sinh ngày {fmtIsoDay(p().dateOfBirth)}, số điện thoại {p().phone}. Mật khẩu cũ sẽ không dùng được nữa; mật khẩu mới chỉ hiện một lần.</p>}
      </Show>
      <FormError message={sub.error instanceof Error ? sub.error.message : undefined} />
      <div class="dialog-actions">
        <button type="button" onClick={() => props.onClose()}>Hủy</button>
        <button type="button" class="primary" id="confirm-reset" disabled={!!sub.pending} onClick={() => void confirm()}>Cấp mật khẩu mới</button>
      </div>
    </Dialog>
  )
}

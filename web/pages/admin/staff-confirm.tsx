import { createSignal, Show } from 'solid-js'
import { errorMessage } from '../../api/client'
import type { StaffMember } from '../../../api/schemas/wire'
import { Dialog } from '../../components/dialog'
import { FormError } from '../../components/field'

export type StaffChange = 'disable' | 'enable' | 'password' | 'sessions'

// What each change does to the person, said before it is done.
const WORDS: Record<StaffChange, { title: (n: string) => string; body: (n: string) => string; confirm: string }> = {
  disable: {
    title: (n) => `Khóa tài khoản của ${n}?`,
    body: (n) => `${n} bị đăng xuất ngay trên mọi thiết bị và không đăng nhập được cho đến khi được mở khóa.`,
    confirm: 'Khóa tài khoản',
  },
  enable: { title: (n) => `Mở khóa tài khoản của ${n}?`, body: (n) => `${n} đăng nhập lại được bằng mật khẩu hiện có.`, confirm: 'Mở khóa' },
  password: {
    title: (n) => `Cấp mật khẩu mới cho ${n}?`,
    body: (n) => `Mật khẩu cũ không dùng được nữa và mọi phiên đăng nhập của ${n} kết thúc. Mật khẩu mới chỉ hiện một lần.`,
    confirm: 'Cấp mật khẩu mới',
  },
  sessions: {
    title: (n) => `Đăng xuất ${n} khỏi mọi thiết bị?`,
    body: (n) => `Tài khoản vẫn dùng được; ${n} cần đăng nhập lại.`,
    confirm: 'Đăng xuất mọi phiên',
  },
}

type Props = { target: { user: StaffMember; change: StaffChange } | null; run: (user: StaffMember, change: StaffChange) => Promise<void>; onClose: () => void }

// One confirmation for every change to an account; the dialog stays open with the reason if it is refused.
export function StaffConfirm(props: Props) {
  const [pending, setPending] = createSignal(false)
  const [error, setError] = createSignal<string>()
  const words = () => (props.target ? WORDS[props.target.change] : undefined)
  const name = () => props.target?.user.name ?? ''
  const confirm = async () => {
    const target = props.target
    if (!target) return
    setPending(true)
    setError(undefined)
    try {
      await props.run(target.user, target.change)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setPending(false)
    }
  }
  const close = () => { setError(undefined); props.onClose() }
  return (
    <Dialog id="staff-confirm" open={!!props.target} title={words()?.title(name()) ?? ''} onClose={close}>
      <Show when={props.target}>{(t) => <p>{words()?.body(name())} <span class="muted">(tên đăng nhập {t().user.username})</span></p>}</Show>
      <FormError message={error()} />
      <div class="dialog-actions">
        <button type="button" onClick={close}>Hủy</button>
        <button type="button" class="primary" id="staff-confirm-ok" disabled={pending()} onClick={() => void confirm()}>{words()?.confirm}</button>
      </div>
    </Dialog>
  )
}

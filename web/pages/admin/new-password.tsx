import { createSignal, createUniqueId, Show } from 'solid-js'

async function copyText(text: string, input: HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    // No clipboard API (plain http, an old WebView): copy the selected field instead.
    input.select()
    try { return document.execCommand('copy') } catch { return false }
  }
}

// A password the server generated: shown once, to read out or copy and send to the participant (or staff member).
export function NewPassword(props: { name: string; password: string; recipient?: string; onClose?: () => void }) {
  const [copied, setCopied] = createSignal<boolean>()
  let input!: HTMLInputElement
  const id = `new-password-${createUniqueId()}`
  return (
    <div class="alert ok new-password" role="status">
      <label for={id}>Mật khẩu mới của {props.name}</label>
      <div class="copy-row">
        <input id={id} ref={input} class="mono" readonly value={props.password} size={Math.max(12, props.password.length + 2)} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={() => void copyText(props.password, input).then(setCopied)}>Chép mật khẩu</button>
        <Show when={props.onClose}><button type="button" onClick={() => props.onClose?.()}>Đóng</button></Show>
      </div>
      <p class="small">
        Mật khẩu chỉ hiện một lần: hãy gửi cho {props.recipient ?? 'thí sinh'} ngay.
        <Show when={copied() !== undefined}> <strong>{copied() ? 'Đã chép vào bộ nhớ tạm.' : 'Không chép được, hãy chọn và chép thủ công.'}</strong></Show>
      </p>
    </div>
  )
}

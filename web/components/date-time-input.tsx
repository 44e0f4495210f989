import { createEffect, createSignal, on, Show } from 'solid-js'
import { vnDateTimeProblem, vnDateTimeTexts, vnDateTimeValue } from '../lib/vn-datetime'

type Props = { id: string; label: string; value: string; onInput: (v: string) => void; required?: boolean; hint?: string }

// A day (dd/mm/yyyy) and a time (HH:mm, 24 h) in Hà Nội time as two text boxes: the browser's own date
// pickers follow its language (mm/dd/yyyy, 11:37 AM) and cannot be told otherwise. The value is
// "yyyy-mm-ddTHH:mm", '' when both boxes are empty, INVALID_DATETIME while they cannot be read.
export function DateTimeInput(props: Props) {
  const [day, setDay] = createSignal('')
  const [time, setTime] = createSignal('')
  const [touched, setTouched] = createSignal(false)
  // Follow the value from outside (the initial state, a reset) but not while it echoes what is typed.
  // Only the value is tracked: the boxes are read, not followed, or typing would be undone at once.
  createEffect(on(() => props.value, (v) => {
    if (vnDateTimeValue(day(), time()) === v) return
    const [d, t] = vnDateTimeTexts(v)
    if (d || !v) { setDay(d); setTime(t) }
  }))
  const problem = () => (touched() ? vnDateTimeProblem(day(), time(), !!props.required) : undefined)
  const emit = () => props.onInput(vnDateTimeValue(day(), time()))
  const errorId = `${props.id}-error`
  return (
    <fieldset class="field date-time" classList={{ invalid: !!problem() }}>
      <legend>{props.label}</legend>
      <Show when={props.hint}><p class="hint">{props.hint}</p></Show>
      <div class="date-time-boxes">
        <label for={`${props.id}-date`}>Ngày</label>
        <input id={`${props.id}-date`} name={`${props.id}-date`} type="text" inputMode="numeric" placeholder="dd/mm/yyyy" maxLength={10} size={11}
          pattern="[0-9]{1,2}\D[0-9]{1,2}\D[0-9]{4}|[0-9]{8}" title="Ngày/tháng/năm, ví dụ 07/12/2026" autocomplete="off" required={props.required}
          value={day()} aria-invalid={problem() ? 'true' : undefined} aria-describedby={problem() ? errorId : undefined}
          onInput={(e) => { setDay(e.currentTarget.value); emit() }} onBlur={() => setTouched(true)} />
        <label for={`${props.id}-time`}>Giờ</label>
        <input id={`${props.id}-time`} name={`${props.id}-time`} type="text" inputMode="numeric" placeholder="HH:mm" maxLength={5} size={6}
          pattern="[0-9]{1,2}\D[0-9]{2}|[0-9]{4}" title="Giờ:phút theo 24 giờ, ví dụ 21:30" autocomplete="off" required={props.required}
          value={time()} aria-invalid={problem() ? 'true' : undefined} aria-describedby={problem() ? errorId : undefined}
          onInput={(e) => { setTime(e.currentTarget.value); emit() }} onBlur={() => setTouched(true)} />
        <span class="muted small">giờ Hà Nội</span>
      </div>
      <Show when={problem()}><p class="error" id={errorId} role="alert">{problem()}</p></Show>
    </fieldset>
  )
}

import { createEffect, createSignal, onCleanup } from 'solid-js'
import { serverNow } from '../stores/clock'

const pad = (n: number) => String(n).padStart(2, '0')

// h:mm:ss or mm:ss; days are spelled out by the caller's label when a round is far away.
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`
}

// Ticks from the server's clock (serverNow), never the phone's: a wrong phone clock cannot move the deadline.
export function useRemaining(target: () => number, tickMs = 250) {
  const [remaining, setRemaining] = createSignal(target() - serverNow())
  const tick = () => setRemaining(target() - serverNow())
  const timer = setInterval(tick, tickMs)
  onCleanup(() => clearInterval(timer))
  createEffect(tick)
  return remaining
}

type Props = { deadline: number; onExpire?: () => void; label?: string; class?: string; days?: (n: number) => string }

export function Countdown(props: Props) {
  const remaining = useRemaining(() => props.deadline)
  let fired = false
  createEffect(() => {
    if (remaining() <= 0 && !fired) {
      fired = true
      props.onExpire?.()
    }
  })
  const text = () => {
    const ms = remaining()
    const days = Math.floor(Math.max(0, ms) / 86_400_000)
    return days > 0 && props.days ? `${props.days(days)} ${formatRemaining(ms - days * 86_400_000)}` : formatRemaining(ms)
  }
  return (
    <span
      class={['countdown', props.class, remaining() > 0 && remaining() < 60_000 ? 'urgent' : ''].filter(Boolean).join(' ')}
      role="timer"
      aria-label={props.label}
      data-remaining-ms={Math.max(0, Math.round(remaining()))}
    >
      {text()}
    </span>
  )
}

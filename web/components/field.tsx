import { Show, type JSX } from 'solid-js'

type Props = {
  id: string; label: string; value: string; onInput: (v: string) => void
  type?: string; error?: string; hint?: string; autocomplete?: string; inputmode?: JSX.HTMLAttributes<HTMLInputElement>['inputMode']
  required?: boolean; max?: string; min?: string; placeholder?: string
}

// A labelled input with its hint and error tied to it for screen readers.
export function Field(props: Props) {
  const describedBy = () => [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div class="field" classList={{ invalid: !!props.error }}>
      <label for={props.id}>{props.label}</label>
      <Show when={props.hint}><p class="hint" id={`${props.id}-hint`}>{props.hint}</p></Show>
      <input
        id={props.id} name={props.id} type={props.type ?? 'text'} value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        autocomplete={props.autocomplete} inputMode={props.inputmode} required={props.required}
        max={props.max} min={props.min} placeholder={props.placeholder}
        aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy()}
      />
      <Show when={props.error}><p class="error" id={`${props.id}-error`} role="alert">{props.error}</p></Show>
    </div>
  )
}

export function FormError(props: { message?: string; children?: JSX.Element }) {
  return (
    <Show when={props.message}>
      <div class="alert error" role="alert">{props.message}{props.children}</div>
    </Show>
  )
}

type AreaProps = { id: string; label: string; value: string; onInput: (v: string) => void; rows?: number; error?: string; hint?: string; required?: boolean }

export function TextArea(props: AreaProps) {
  return (
    <div class="field" classList={{ invalid: !!props.error }}>
      <label for={props.id}>{props.label}</label>
      <Show when={props.hint}><p class="hint" id={`${props.id}-hint`}>{props.hint}</p></Show>
      <textarea id={props.id} rows={props.rows ?? 4} value={props.value} required={props.required}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined} aria-invalid={props.error ? 'true' : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)} />
      <Show when={props.error}><p class="error" role="alert">{props.error}</p></Show>
    </div>
  )
}

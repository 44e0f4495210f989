import { createEffect, type JSX } from 'solid-js'

type Props = { open: boolean; title: string; onClose: () => void; children: JSX.Element; id?: string }

// The native modal dialog: focus is trapped and Escape closes it, also in Chrome 80 WebViews.
export function Dialog(props: Props) {
  let ref!: HTMLDialogElement
  createEffect(() => {
    if (props.open && !ref.open) ref.showModal()
    if (!props.open && ref.open) ref.close()
  })
  const titleId = `${props.id ?? 'dialog'}-title`
  return (
    <dialog ref={ref} class="dialog" aria-labelledby={titleId} onClose={() => props.onClose()} onCancel={() => props.onClose()}>
      <h2 id={titleId}>{props.title}</h2>
      {props.children}
    </dialog>
  )
}

import { useAction, useSubmission } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import type { AttemptItem } from '../../api/schemas/wire'
import { reportQuestion } from '../api/attempts'
import { t } from '../i18n'

export function ReviewItem(props: { attemptId: string; item: AttemptItem }) {
  const right = () => props.item.correct != null && [...props.item.choice].sort().join() === [...props.item.correct].sort().join()
  const [open, setOpen] = createSignal(false)
  const [message, setMessage] = createSignal('')
  const send = useAction(reportQuestion)
  const sub = useSubmission(reportQuestion, ([id, pos]) => id === props.attemptId && pos === props.item.position)
  const id = () => `report-${props.item.position}`
  return (
    <article class="card review-item" classList={{ right: right(), wrong: !right() && !props.item.keyWithheld }}>
      <h3><span class="qnum">{props.item.position}.</span> {props.item.stem}</h3>
      <ul class="plain options-review">
        <For each={props.item.options}>
          {(o) => (
            <li classList={{ correct: props.item.correct?.includes(o.key), picked: props.item.choice.includes(o.key) }}>
              <span class="key">{o.key}</span> {o.text}
            </li>
          )}
        </For>
      </ul>
      <Show when={!props.item.keyWithheld} fallback={
        <p>{props.item.choice.length ? t('review.yourChoice', { c: props.item.choice.join(', ') }) : t('review.noChoice')}</p>
      }>
        <p><strong>{right() ? `✓ ${t('review.right')}` : `✕ ${t('review.wrong')}`}</strong> · {props.item.choice.length ? t('review.yourChoice', { c: props.item.choice.join(', ') }) : t('review.noChoice')} · {t('review.correct', { c: (props.item.correct ?? []).join(', ') })}</p>
      </Show>
      <Show when={props.item.keyWithheld}><p class="muted">{t('review.withheld')}</p></Show>
      <Show when={props.item.explanation}><p><strong>{t('review.explanation')}:</strong> {props.item.explanation}</p></Show>
      <Show when={props.item.source}>
        {(s) => (
          <p class="small"><strong>{t('review.source')}:</strong> {s().document}{s().section ? `, ${s().section}` : ''}
            <Show when={s().url && /^https?:\/\//.test(s().url!)}> · <a href={s().url} target="_blank" rel="noopener noreferrer">{s().url}</a></Show>
          </p>
        )}
      </Show>
      <Show when={sub.result?.ok} fallback={
        <Show when={open()} fallback={<button type="button" class="small" onClick={() => setOpen(true)}>{t('review.report')}</button>}>
          <form onSubmit={(e) => { e.preventDefault(); void send(props.attemptId, props.item.position, message()).catch(() => undefined) }}>
            <label for={id()}>{t('review.reportLabel')}</label>
            <textarea id={id()} rows="3" value={message()} onInput={(e) => setMessage(e.currentTarget.value)} required minLength={3} />
            <Show when={sub.error}><p class="error" role="alert">{sub.error instanceof Error ? sub.error.message : ''}</p></Show>
            <button type="submit" class="small" disabled={sub.pending}>{t('review.reportSend')}</button>
          </form>
        </Show>
      }>
        <p class="ok" role="status">{t('review.reportSent')}</p>
      </Show>
    </article>
  )
}

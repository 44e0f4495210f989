import { For, Show } from 'solid-js'
import type { AttemptItem } from '../../api/schemas/wire'
import { t } from '../i18n'
import { SaveBadge } from './save-badge'

type Props = {
  item: AttemptItem; total: number; choice: string[]; onChoose?: (key: string) => void
  saveState?: 'saved' | 'pending' | 'error'; saveError?: string
}

// One question as the participant sees it; also the organizers' preview (no onChoose: read-only).
export function QuestionCard(props: Props) {
  const multiple = () => props.item.type === 'multiple'
  const name = () => `q-${props.item.position}`
  return (
    <fieldset class="question" aria-describedby={`${name()}-how`}>
      <legend>
        <span class="qnum">{t('quiz.question', { n: props.item.position, total: props.total })}</span>
        <span class="stem">{props.item.stem}</span>
      </legend>
      <p class="muted small" id={`${name()}-how`}>{multiple() ? t('quiz.chooseMany') : t('quiz.chooseOne')}</p>
      <div class="options">
        <For each={props.item.options}>
          {(o) => (
            <label class="option" classList={{ chosen: props.choice.includes(o.key) }}>
              <input
                type={multiple() ? 'checkbox' : 'radio'} name={name()} value={o.key}
                checked={props.choice.includes(o.key)} disabled={!props.onChoose}
                onChange={() => props.onChoose?.(o.key)}
              />
              <span class="key" aria-hidden="true">{o.key}</span>
              <span class="text">{o.text}</span>
            </label>
          )}
        </For>
      </div>
      <Show when={props.onChoose}>
        <SaveBadge state={props.saveState} error={props.saveError} />
      </Show>
    </fieldset>
  )
}

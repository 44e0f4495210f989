import { Match, Switch } from 'solid-js'
import { t } from '../i18n'

// Always takes the same line, so the options do not jump when the state changes.
export function SaveBadge(props: { state?: 'saved' | 'pending' | 'error'; error?: string }) {
  return (
    <p class="save-state" aria-live="polite" data-state={props.state ?? 'none'}>
      <Switch fallback={'\u00a0'}>
        <Match when={props.state === 'saved'}><span class="ok">✓ {t('quiz.saved')}</span></Match>
        <Match when={props.state === 'pending'}><span class="pending">⟳ {t('quiz.pending')}</span></Match>
        <Match when={props.state === 'error'}><span class="bad">✕ {t('quiz.error')}{props.error ? `: ${props.error}` : ''}</span></Match>
      </Switch>
    </p>
  )
}

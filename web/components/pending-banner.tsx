import { Show } from 'solid-js'
import { t } from '../i18n'
import { useQuiz } from '../stores/quiz'

export function PendingBanner() {
  const quiz = useQuiz()
  const signIn = () => `/dang-nhap?next=${encodeURIComponent(`/luot-thi/${quiz.attempt.id}`)}`
  return (
    <div class="pending-slot" aria-live="polite">
      <Show when={quiz.signedOut()}>
        <div class="alert error signed-out" role="alert">
          <p>{t('quiz.signedOut')}</p>
          <a class="button primary" href={signIn()}>{t('quiz.signInAgain')}</a>
        </div>
      </Show>
      <Show when={!quiz.signedOut() && (quiz.pendingCount() > 0 || !quiz.online())}>
        <div class="alert warn pending-banner" role="status">
          <Show when={!quiz.online()}><strong>{t('quiz.offline')} </strong></Show>
          <Show when={quiz.pendingCount() > 0}>
            <span>{t('quiz.pendingBanner', { n: quiz.pendingCount() })} </span>
            <button type="button" class="small" onClick={() => quiz.retryNow()}>{t('quiz.retryNow')}</button>
          </Show>
        </div>
      </Show>
    </div>
  )
}

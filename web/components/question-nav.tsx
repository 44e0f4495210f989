import { For, Show } from 'solid-js'
import { t } from '../i18n'
import { useQuiz } from '../stores/quiz'

// Every question at a glance: answered, not answered, still sending; plus the prediction and submit screen.
export function QuestionNav(props: { hasPrediction: boolean; onGo: (pos: number) => void }) {
  const quiz = useQuiz()
  const total = () => quiz.attempt.items.length
  const answeredCount = () => total() - quiz.unanswered().length
  return (
    <nav class="qnav" aria-label={t('quiz.navigator')}>
      <h2 class="small">{t('quiz.navigator')}</h2>
      <p class="small muted">{t('quiz.legend', { a: answeredCount(), u: total() - answeredCount() })}</p>
      <ol class="qgrid plain">
        <For each={quiz.attempt.items}>
          {(item) => (
            <li>
              <button
                type="button"
                classList={{
                  answered: quiz.answered(item.position), current: quiz.position() === item.position,
                  pending: quiz.saveState(item.position) === 'pending', failed: quiz.saveState(item.position) === 'error',
                }}
                aria-current={quiz.position() === item.position ? 'step' : undefined}
                aria-label={t('quiz.navItem', { n: item.position, state: quiz.answered(item.position) ? t('quiz.answered') : t('quiz.unanswered') })}
                onClick={() => props.onGo(item.position)}
              >{item.position}</button>
            </li>
          )}
        </For>
      </ol>
      <button type="button" class="block" classList={{ current: quiz.position() === total() + 1 }} onClick={() => props.onGo(total() + 1)}>
        <Show when={props.hasPrediction} fallback={t('quiz.submit')}>{t('quiz.prediction')} · {t('quiz.submit')}</Show>
      </button>
    </nav>
  )
}

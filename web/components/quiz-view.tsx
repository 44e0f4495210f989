import { createSignal, Show } from 'solid-js'
import type { Attempt, RoundSummary } from '../../api/schemas/wire'
import { ApiError, errorMessage } from '../api/client'
import { t } from '../i18n'
import { finishAttempt } from '../stores/finish'
import { createQuiz, QuizContext } from '../stores/quiz'
import { Countdown } from './countdown'
import { PendingBanner } from './pending-banner'
import { QuestionCard } from './question-card'
import { QuestionNav } from './question-nav'
import { parsePrediction, SubmitPanel } from './submit-panel'

type Props = { attempt: Attempt; round?: RoundSummary; onFinished: (note?: string) => void }

export function QuizView(props: Props) {
  const quiz = createQuiz(props.attempt, () => props.onFinished(t('quiz.closed')))
  const total = props.attempt.items.length
  const [busy, setBusy] = createSignal(false)
  const [waiting, setWaiting] = createSignal(false)
  const [error, setError] = createSignal<string>()
  let main!: HTMLDivElement

  const item = () => props.attempt.items[quiz.position() - 1]
  const go = (pos: number) => {
    quiz.setPosition(Math.min(Math.max(1, pos), total + 1))
    main.focus({ preventScroll: true })
    window.scrollTo(0, 0)
  }
  const finish = async (prediction: number | null, note?: string) => {
    if (busy()) return
    setBusy(true)
    setError(undefined)
    try {
      await finishAttempt(quiz, prediction, setWaiting)
      quiz.forget()
      props.onFinished(note)
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) quiz.markSignedOut()
      else setError(errorMessage(err))
      setBusy(false)
    }
  }
  // At zero the attempt is submitted for the participant with what was saved, and the prediction typed so far.
  const onExpire = () => {
    const p = parsePrediction(quiz.prediction())
    void finish(typeof p === 'number' && props.round?.prediction.enabled ? p : null, t('quiz.timeUp'))
  }

  return (
    <QuizContext.Provider value={quiz}>
      <div class="quiz">
        <div class="quiz-bar">
          <span class="quiz-pos">
            <Show when={item()} fallback={t('quiz.submit')}>{t('quiz.question', { n: quiz.position(), total })}</Show>
          </span>
          <span class="quiz-timer">
            <span class="sr-only">{t('quiz.timeLeft')}: </span>
            <Countdown deadline={Date.parse(props.attempt.deadlineAt)} onExpire={onExpire} label={t('quiz.timeLeft')} />
          </span>
        </div>
        <PendingBanner />
        <Show when={busy()}>
          <p class="alert info" role="status">{waiting() ? t('quiz.submitRetry') : t('quiz.submitting')}</p>
        </Show>
        <Show when={error()}><p class="alert error" role="alert">{error()}</p></Show>
        <div class="quiz-body">
          <div class="quiz-main" ref={main} tabindex="-1">
            <Show when={item()} fallback={<SubmitPanel round={props.round} busy={busy()} onSubmit={(p) => void finish(p)} />}>
              {(it) => (
                <>
                  <QuestionCard item={it()} total={total} choice={quiz.choices[it().position] ?? []}
                    onChoose={(key) => quiz.choose(it(), key)}
                    saveState={quiz.saveState(it().position)} saveError={quiz.saveError(it().position)} />
                  <div class="pager">
                    <button type="button" onClick={() => go(quiz.position() - 1)} disabled={quiz.position() === 1}>{t('quiz.prev')}</button>
                    <button type="button" class="primary" onClick={() => go(quiz.position() + 1)}>
                      {quiz.position() === total ? t('quiz.toSubmit') : t('quiz.next')}
                    </button>
                  </div>
                </>
              )}
            </Show>
          </div>
          <aside class="quiz-side">
            <QuestionNav hasPrediction={!!props.round?.prediction.enabled} onGo={go} />
          </aside>
        </div>
      </div>
    </QuizContext.Provider>
  )
}

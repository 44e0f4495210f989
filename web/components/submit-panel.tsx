import { createSignal, Show } from 'solid-js'
import type { RoundSummary } from '../../api/schemas/wire'
import { t, type MessageKey } from '../i18n'
import { useQuiz } from '../stores/quiz'
import { Dialog } from './dialog'

type Props = { round?: RoundSummary; busy: boolean; onSubmit: (prediction: number | null) => void }

export const parsePrediction = (v: string): number | null | 'invalid' => {
  const s = v.trim()
  if (!s) return null
  return /^\d{1,12}$/.test(s) ? Number(s) : 'invalid'
}

// The last screen: the prediction question when the round has one, then a confirmation naming what is unanswered.
export function SubmitPanel(props: Props) {
  const quiz = useQuiz()
  const [open, setOpen] = createSignal(false)
  const [error, setError] = createSignal<string>()
  const predictionOn = () => !!props.round?.prediction.enabled
  const ask = () => {
    const p = parsePrediction(quiz.prediction())
    if (predictionOn() && p === 'invalid') return setError(t('quiz.predictInvalid'))
    setError(undefined)
    setOpen(true)
  }
  const confirm = () => {
    const p = parsePrediction(quiz.prediction())
    setOpen(false)
    props.onSubmit(predictionOn() && p !== 'invalid' ? p : null)
  }
  return (
    <section class="submit-panel" aria-labelledby="submit-title">
      <Show when={predictionOn()}>
        <div class="field prediction" classList={{ invalid: !!error() }}>
          <h2 id="prediction-title">{t('quiz.prediction')}</h2>
          <label for="prediction">{t(`quiz.predict.${props.round!.prediction.target ?? 'participants'}` as MessageKey)}</label>
          <p class="hint" id="prediction-hint">{t('quiz.predictHint')}</p>
          <input id="prediction" inputMode="numeric" pattern="[0-9]*" value={quiz.prediction()} aria-describedby="prediction-hint"
            aria-invalid={error() ? 'true' : undefined} onInput={(e) => { quiz.setPrediction(e.currentTarget.value); setError(undefined) }} />
          <Show when={error()}><p class="error" role="alert">{error()}</p></Show>
        </div>
      </Show>
      <h2 id="submit-title">{t('quiz.submit')}</h2>
      <Summary predictionOn={predictionOn()} />
      <button type="button" class="primary block" id="submit-attempt" disabled={props.busy} onClick={ask}>
        {props.busy ? t('quiz.submitting') : t('quiz.submit')}
      </button>
      <Dialog id="confirm-submit" open={open()} title={t('quiz.confirmTitle')} onClose={() => setOpen(false)}>
        <Summary predictionOn={predictionOn()} />
        <p>{t('quiz.confirmFinal')}</p>
        <div class="dialog-actions">
          <button type="button" onClick={() => setOpen(false)}>{t('quiz.cancel')}</button>
          <button type="button" class="primary" id="confirm-submit-button" onClick={confirm}>{t('quiz.confirm')}</button>
        </div>
      </Dialog>
    </section>
  )
}

function Summary(props: { predictionOn: boolean }) {
  const quiz = useQuiz()
  return (
    <div class="summary">
      <Show when={quiz.unanswered().length} fallback={<p>{t('quiz.confirmAll', { n: quiz.attempt.items.length })}</p>}>
        <p class="warn-text">{t('quiz.confirmUnanswered', { n: quiz.unanswered().length, list: quiz.unanswered().join(', ') })}</p>
      </Show>
      <Show when={props.predictionOn && !quiz.prediction().trim()}><p class="warn-text">{t('quiz.confirmNoPrediction')}</p></Show>
      <Show when={quiz.pendingCount() > 0}><p class="warn-text">{t('quiz.confirmPending', { n: quiz.pendingCount() })}</p></Show>
    </div>
  )
}

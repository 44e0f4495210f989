import { A, createAsync, useNavigate, useParams } from '@solidjs/router'
import { createEffect, createSignal, Show } from 'solid-js'
import { getMyAttempts, startAttempt } from '../api/attempts'
import { ApiError } from '../api/client'
import { getRound } from '../api/contests'
import { getMe } from '../api/session'
import { t } from '../i18n'

// The start screen: what this attempt is (its number, questions, time, the prediction question, how a
// multiple-answer question scores) before anything counts. The attempt and its clock are created only by
// "Bắt đầu làm bài", so a curious tap (or a link preview) spends nothing. An attempt in progress resumes.
export default function StartRoundPage() {
  const params = useParams<{ roundId: string }>()
  const navigate = useNavigate()
  const here = () => `/dot-thi/${params.roundId}/vao-thi`
  const me = createAsync(() => getMe())
  const found = createAsync(() => getRound(params.roundId))
  const attempts = createAsync(async () => (me() ? getMyAttempts(params.roundId) : undefined))
  const [starting, setStarting] = createSignal(false)
  const [error, setError] = createSignal('')
  createEffect(() => {
    if (me() === null) navigate(`/dang-nhap?next=${encodeURIComponent(here())}`, { replace: true })
    const open = attempts()?.find((a) => a.status === 'in_progress')
    if (open) navigate(`/luot-thi/${open.id}`, { replace: true })
  })
  const start = async () => {
    setStarting(true)
    setError('')
    try {
      const attempt = await startAttempt(params.roundId)
      navigate(`/luot-thi/${attempt.id}`, { replace: true })
    } catch (err) {
      if (err instanceof ApiError && err.code === 'UNIT_REQUIRED' && found()) {
        return navigate(`/cuoc-thi/${found()!.contest.id}/don-vi?next=${encodeURIComponent(here())}`, { replace: true })
      }
      setError(err instanceof Error ? err.message : t('common.error'))
      setStarting(false)
    }
  }
  return (
    <section class="page narrow start-screen">
      <Show when={found()} fallback={<p role="status">{t('common.loading')}</p>}>
        {(f) => {
          const r = () => f().round
          const number = () => (attempts()?.length ?? 0) + 1
          const left = () => r().maxAttempts == null || number() <= r().maxAttempts!
          return (
            <>
              <p class="small"><A href={`/cuoc-thi/${f().contest.slug}`}>‹ {f().contest.title}</A></p>
              <h1>{t('start.title', { round: r().title })}</h1>
              <ul class="start-facts">
                <li>{r().maxAttempts == null ? t('start.attemptUnlimited', { n: number() }) : t('start.attempt', { n: number(), max: r().maxAttempts! })}</li>
                <li>{t('start.questions', { q: r().questionCount, m: Math.round(r().timeLimitSec / 60) })}</li>
                <Show when={r().prediction.enabled && r().prediction.target}>
                  {(target) => <li>{t('start.prediction', { what: t(`start.target.${target()}`) })}</li>}
                </Show>
                <li>{t('start.multiple')}</li>
              </ul>
              <Show when={error()}><p class="alert error" role="alert">{error()}</p></Show>
              <Show when={left()} fallback={<p class="note">{t('round.noneLeft')}</p>}>
                <button type="button" class="primary block big" disabled={starting() || !me()} onClick={() => void start()}>
                  {starting() ? t('round.starting') : t('start.go')}
                </button>
              </Show>
            </>
          )
        }}
      </Show>
    </section>
  )
}

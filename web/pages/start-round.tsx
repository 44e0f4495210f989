import { A, useNavigate, useParams } from '@solidjs/router'
import { createResource, Show } from 'solid-js'
import { startAttempt } from '../api/attempts'
import { ApiError } from '../api/client'
import { getRound } from '../api/contests'
import { getMe } from '../api/session'
import { t } from '../i18n'

// Start (or resume: the server returns the attempt in progress) and go to it.
export default function StartRoundPage() {
  const params = useParams<{ roundId: string }>()
  const navigate = useNavigate()
  const [run] = createResource(() => params.roundId, async (roundId) => {
    const me = await getMe()
    if (!me) return navigate(`/dang-nhap?next=${encodeURIComponent(`/dot-thi/${roundId}/vao-thi`)}`, { replace: true })
    try {
      const attempt = await startAttempt(roundId)
      navigate(`/luot-thi/${attempt.id}`, { replace: true })
    } catch (err) {
      if (err instanceof ApiError && err.code === 'UNIT_REQUIRED') {
        const found = await getRound(roundId)
        if (found) return navigate(`/cuoc-thi/${found.contest.id}/don-vi?next=${encodeURIComponent(`/dot-thi/${roundId}/vao-thi`)}`, { replace: true })
      }
      throw err
    }
  })
  return (
    <section class="page narrow">
      <Show when={run.error} fallback={<p role="status">{t('round.starting')}</p>}>
        <div class="alert error" role="alert">{run.error instanceof Error ? run.error.message : t('common.error')}</div>
        <p><A href="/">{t('nav.home')}</A></p>
      </Show>
    </section>
  )
}

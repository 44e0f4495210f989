import { createAsync, revalidate, useParams } from '@solidjs/router'
import { createSignal, Match, Show, Switch } from 'solid-js'
import { getAttempt } from '../api/attempts'
import { getRound } from '../api/contests'
import { QuizView } from '../components/quiz-view'
import { AttemptResult } from '../components/attempt-result'
import { useTitle } from '../lib/title'
import { t } from '../i18n'

export default function AttemptPage() {
  const params = useParams<{ attemptId: string }>()
  const attempt = createAsync(() => getAttempt(params.attemptId))
  const found = createAsync(async () => (attempt() ? getRound(attempt()!.roundId) : null))
  useTitle(() => (attempt()?.status === 'in_progress' ? found()?.round.title : t('result.title', { n: attempt()?.number ?? '' })))
  const [note, setNote] = createSignal<string>()
  const finished = async (why?: string) => {
    setNote(why)
    await revalidate(['attempt', 'my-attempts', 'my-place'])
  }
  return (
    <Show when={attempt()}>
      {(a) => (
        <Switch>
          <Match when={a().status === 'in_progress'}>
            {/* The round comes with the contest list; wait for it so the prediction question is known. */}
            <Show when={found() !== undefined}>
              <QuizView attempt={a()} round={found()?.round} onFinished={finished} />
            </Show>
          </Match>
          <Match when={a().status !== 'in_progress'}>
            <AttemptResult attempt={a()} round={found()?.round} contestSlug={found()?.contest.slug} note={note()} />
          </Match>
        </Switch>
      )}
    </Show>
  )
}

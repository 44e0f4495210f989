import { A, createAsync, useParams } from '@solidjs/router'
import { Show } from 'solid-js'
import { findRound } from '../api/contests'
import { LeaderboardBoard } from '../components/leaderboard-board'
import { t } from '../i18n'
import { useTitle } from '../lib/title'

export default function RoundLeaderboardPage() {
  const params = useParams<{ roundId: string }>()
  const found = createAsync(() => findRound(params.roundId))
  useTitle(() => `${t('lb.title')}${found() ? `: ${found()!.round.title}` : ''}`)
  return (
    <section class="page">
      <h1>{t('lb.title')}<Show when={found()}>{(f) => <>: {f().round.title}</>}</Show></h1>
      <Show when={found()}>
        {(f) => <p class="muted"><A href={`/cuoc-thi/${f().contest.slug}`}>{f().contest.title}</A> · <A href={`/bang-xep-hang/cuoc-thi/${f().contest.id}`}>{t('lb.whole')}</A></p>}
      </Show>
      <LeaderboardBoard scope="round" id={params.roundId} streamRounds={[params.roundId]} freezeAt={found()?.round.freezeAt} />
    </section>
  )
}

import { A, createAsync, useParams } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import { getRound } from '../api/contests'
import { getRoundPrizes } from '../api/leaderboards'
import { LeaderboardBoard } from '../components/leaderboard-board'
import { PrizeLists } from '../components/prize-lists'
import { t } from '../i18n'
import { useTitle } from '../lib/title'

export default function RoundLeaderboardPage() {
  const params = useParams<{ roundId: string }>()
  const found = createAsync(() => getRound(params.roundId))
  // The board tells when the round becomes final while this page is open; the prize lists follow then.
  const [finalNow, setFinalNow] = createSignal(false)
  const final = () => finalNow() || found()?.round.status === 'finalized'
  const prizes = createAsync(() => (final() ? getRoundPrizes(params.roundId) : Promise.resolve(undefined)))
  useTitle(() => `${t('lb.title')}${found() ? `: ${found()!.round.title}` : ''}`)
  return (
    <section class="page">
      <h1>{t('lb.title')}<Show when={found()}>{(f) => <>: {f().round.title}</>}</Show></h1>
      <Show when={found()}>
        {(f) => <p class="muted"><A href={`/cuoc-thi/${f().contest.slug}`}>{f().contest.title}</A> · <A href={`/bang-xep-hang/cuoc-thi/${f().contest.id}`}>{t('lb.whole')}</A></p>}
      </Show>
      <Show when={prizes()?.finalized ? prizes() : undefined}>{(p) => <PrizeLists prizes={p()} />}</Show>
      <LeaderboardBoard scope="round" id={params.roundId} contestId={found()?.contest.id} streamRounds={[params.roundId]} freezeAt={found()?.round.freezeAt}
        extraKeys={['round-prizes']} onStatus={(s) => setFinalNow(s === 'finalized')} />
    </section>
  )
}

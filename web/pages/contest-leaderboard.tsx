import { A, createAsync, useParams } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { getContest } from '../api/contests'
import { LeaderboardBoard } from '../components/leaderboard-board'
import { t } from '../i18n'
import { useTitle } from '../lib/title'

export default function ContestLeaderboardPage() {
  const params = useParams<{ contestId: string }>()
  const contest = createAsync(() => getContest(params.contestId))
  // The contest board moves whenever one of its running rounds does.
  const live = () => (contest()?.rounds ?? []).filter((r) => r.status === 'open' || r.status === 'closed').map((r) => r.id)
  useTitle(() => `${t('lb.title')}: ${t('lb.whole')}`)
  return (
    <section class="page">
      <h1>{t('lb.title')}: {t('lb.whole')}</h1>
      <Show when={contest()}>
        {(c) => (
          <p class="muted">
            <A href={`/cuoc-thi/${c().slug}`}>{c().title}</A>
            <For each={c().rounds}>{(r) => <> · <A href={`/bang-xep-hang/dot/${r.id}`}>{r.title}</A></>}</For>
          </p>
        )}
      </Show>
      <Show when={contest()}>{(c) => <LeaderboardBoard scope="contest" id={c().id} contestId={c().id} streamRounds={live()} />}</Show>
    </section>
  )
}

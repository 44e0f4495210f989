import { A, createAsync, useParams } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { getMyAttempts } from '../api/attempts'
import { getContest } from '../api/contests'
import { getMyPlace } from '../api/leaderboards'
import { getMe } from '../api/session'
import { RoundCard } from '../components/round-card'
import { t } from '../i18n'
import { useTitle } from '../lib/title'

export default function ContestPage() {
  const params = useParams<{ contestId: string }>()
  const contest = createAsync(() => getContest(params.contestId))
  const me = createAsync(() => getMe())
  useTitle(() => contest()?.title)
  const mine = createAsync(async () => (me()?.role === 'participant' ? getMyAttempts() : []))
  const place = createAsync(async () => (me()?.role === 'participant' && contest() ? getMyPlace('contest', contest()!.id).catch(() => undefined) : undefined))
  return (
    <Show when={contest()}>
      {(c) => (
        <article class="page contest">
          <h1>{c().title}</h1>
          <Show when={c().description}><p class="lead">{c().description}</p></Show>
          <Show
            when={me()}
            fallback={
              <div class="cta">
                <A class="button primary" href={`/cuoc-thi/${c().slug}/dang-ky`}>{t('contest.register')}</A>
                <p>{t('contest.haveAccount')} <A href={`/dang-nhap?next=${encodeURIComponent(`/cuoc-thi/${c().slug}`)}`}>{t('nav.signIn')}</A></p>
              </div>
            }
          >
            {(user) => <p class="hello">{t('contest.hello', { name: user().name })}</p>}
          </Show>
          <Show when={place()?.entry}>
            {(e) => (
              <section class="card my-results" data-testid="my-results">
                <h2 class="h3">{t('contest.myResults')}</h2>
                <p>{t(e().final ? 'contest.placeFinal' : 'contest.place', { rank: e().rank, total: place()!.total })}</p>
                <Show when={e().prizes?.length}>
                  <ul class="plain prizes-won">
                    <For each={e().prizes}>{(p) => <li>🏆 <strong>{p.name}</strong> · {p.roundTitle} ({t('contest.prizeRank', { rank: p.rank })})</li>}</For>
                  </ul>
                </Show>
              </section>
            )}
          </Show>
          <h2>{t('contest.rounds')}</h2>
          <ol class="rounds plain">
            <For each={c().rounds}>
              {(r) => (
                <li>
                  <RoundCard round={r} contestSlug={c().slug} participant={me()?.role === 'participant'} signedIn={!!me()}
                    attempts={(mine() ?? []).filter((a) => a.roundId === r.id)} />
                </li>
              )}
            </For>
          </ol>
          <p><A class="button" href={`/bang-xep-hang/cuoc-thi/${c().id}`}>{t('contest.leaderboard')}</A></p>
          <Show when={c().rules}>
            <section class="rules">
              <h2>{t('contest.rules')}</h2>
              <div class="prose">{c().rules}</div>
            </section>
          </Show>
        </article>
      )}
    </Show>
  )
}

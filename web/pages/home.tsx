import { A, createAsync, Navigate } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { getContests } from '../api/contests'
import { t } from '../i18n'
import { RoundBadge } from '../components/round-badge'
import { useTitle } from '../lib/title'

export default function Home() {
  const contests = createAsync(() => getContests())
  useTitle(() => t('home.title'))
  return (
    <Show when={contests()}>
      {(list) => (
        // One contest running (the usual case): go straight to its home page.
        <Show when={list().length !== 1} fallback={<Navigate href={`/cuoc-thi/${list()[0].slug}`} />}>
          <section class="page">
            <h1>{t('home.title')}</h1>
            <Show when={list().length} fallback={<p>{t('home.empty')}</p>}>
              <ul class="cards">
                <For each={list()}>
                  {(c) => (
                    <li class="card">
                      <h2><A href={`/cuoc-thi/${c.slug}`}>{c.title}</A></h2>
                      <ul class="plain">
                        <For each={c.rounds}>{(r) => <li>{r.title} <RoundBadge status={r.status} /></li>}</For>
                      </ul>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>
        </Show>
      )}
    </Show>
  )
}

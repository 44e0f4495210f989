import { A, createAsync, Navigate } from '@solidjs/router'
import { For, Show } from 'solid-js'
import type { AttemptSummary } from '../../api/schemas/wire'
import { getMyAttempts } from '../api/attempts'
import { getContests } from '../api/contests'
import { getMe } from '../api/session'
import { CertificateLinks } from '../components/certificate-links'
import { OfficialPlace } from '../components/official-place'
import { t, type MessageKey } from '../i18n'
import { fmtDateTime, fmtDuration, fmtScore } from '../lib/format'
import { useTitle } from '../lib/title'

export default function MyAttemptsPage() {
  const me = createAsync(() => getMe())
  const attempts = createAsync(async () => (me()?.role === 'participant' ? getMyAttempts() : []))
  const contests = createAsync(() => getContests())
  useTitle(() => t('mine.title'))
  const found = (roundId: string) => {
    for (const c of contests() ?? []) {
      const round = c.rounds.find((x) => x.id === roundId)
      if (round) return { round, contest: c }
    }
    return undefined
  }
  const roundTitle = (roundId: string) => {
    const f = found(roundId)
    return f ? `${f.round.title} · ${f.contest.title}` : ''
  }
  const byRound = () => {
    const groups = new Map<string, AttemptSummary[]>()
    for (const a of [...(attempts() ?? [])].reverse()) groups.set(a.roundId, [...(groups.get(a.roundId) ?? []), a])
    return [...groups.entries()]
  }
  return (
    <section class="page">
      <Show when={me() === null}><Navigate href="/dang-nhap?next=/luot-thi-cua-toi" /></Show>
      <h1>{t('mine.title')}</h1>
      <Show when={attempts()?.length} fallback={<p>{t('mine.empty')}</p>}>
        <For each={byRound()}>
          {([roundId, list]) => (
            <section class="card">
              <h2 class="h3">{roundTitle(roundId)}</h2>
              <Show when={found(roundId)?.round.status === 'finalized'}><OfficialPlace roundId={roundId} /><CertificateLinks roundId={roundId} /></Show>
              <ul class="plain attempts">
                <For each={list}>
                  {(a) => (
                    <li>
                      <A href={`/luot-thi/${a.id}`}>{t('mine.attempt', { n: a.number })}</A>
                      {' · '}{t(`status.${a.status}` as MessageKey)}
                      {' · '}{fmtDateTime(a.startedAt)}
                      <Show when={a.result}>{(r) => <> · <strong>{fmtScore(r().score)}/{fmtScore(r().maxScore)}</strong> · {fmtDuration(r().durationMs)}</>}</Show>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          )}
        </For>
      </Show>
    </section>
  )
}

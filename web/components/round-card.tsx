import { A, revalidate } from '@solidjs/router'
import { Match, Show, Switch } from 'solid-js'
import type { AttemptSummary, RoundSummary } from '../../api/schemas/wire'
import { t } from '../i18n'
import { fmtDateTime } from '../lib/format'
import { Countdown } from './countdown'
import { OfficialPlace } from './official-place'
import { RoundBadge } from './round-badge'

type Props = { round: RoundSummary; contestSlug: string; participant: boolean; signedIn: boolean; attempts: AttemptSummary[] }

export function RoundCard(props: Props) {
  const r = () => props.round
  const inProgress = () => props.attempts.find((a) => a.status === 'in_progress')
  const left = () => r().maxAttempts == null || props.attempts.length < r().maxAttempts!
  const days = (n: number) => t('common.days', { n })
  // When a countdown reaches zero the round changed state on the server: fetch it again.
  const refresh = () => setTimeout(() => void revalidate('contest'), 1200)
  return (
    <section class="card round" aria-labelledby={`round-${r().id}`}>
      <h3 id={`round-${r().id}`}>{r().title} <RoundBadge status={r().status} /></h3>
      <p>{t('round.window', { from: fmtDateTime(r().opensAt), to: fmtDateTime(r().closesAt) })}</p>
      <p class="muted">
        {t('round.facts', { q: r().questionCount, m: Math.round(r().timeLimitSec / 60) })},{' '}
        {r().maxAttempts == null ? t('round.unlimited') : t('round.maxAttempts', { n: r().maxAttempts! })}
      </p>
      <Switch>
        <Match when={r().status === 'scheduled'}>
          <p class="count">{t('round.opensIn')} <Countdown deadline={Date.parse(r().opensAt)} days={days} onExpire={refresh} /></p>
        </Match>
        <Match when={r().status === 'open'}>
          <p class="count">{t('round.closesIn')} <Countdown deadline={Date.parse(r().closesAt)} days={days} onExpire={refresh} /></p>
        </Match>
      </Switch>
      <Show when={props.participant && props.attempts.length}>
        <p class="muted">{t('round.used', { n: props.attempts.length })}</p>
        <Show when={r().status === 'finalized'}><OfficialPlace roundId={r().id} /></Show>
      </Show>
      <div class="actions">
        <Show when={r().status === 'open' && (!props.signedIn || props.participant)}>
          <Show when={inProgress()} fallback={
            <Show when={left()} fallback={<p class="note">{t('round.noneLeft')}</p>}>
              <A class="button primary" href={props.signedIn ? `/dot-thi/${r().id}/vao-thi` : `/cuoc-thi/${props.contestSlug}/dang-ky?next=${encodeURIComponent(`/dot-thi/${r().id}/vao-thi`)}`}>{t('round.take')}</A>
            </Show>
          }>
            {(a) => <A class="button primary" href={`/luot-thi/${a().id}`}>{t('round.resume')}</A>}
          </Show>
        </Show>
        <A class="button" href={`/bang-xep-hang/dot/${r().id}`}>{t('round.leaderboard')}</A>
      </div>
    </section>
  )
}

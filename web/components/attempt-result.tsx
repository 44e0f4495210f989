import { A, createAsync } from '@solidjs/router'
import { For, Show } from 'solid-js'
import type { Attempt, RoundSummary } from '../../api/schemas/wire'
import { getMyAttempts } from '../api/attempts'
import { getMyPlace } from '../api/leaderboards'
import { t } from '../i18n'
import { fmtDateTime, fmtDuration, fmtScore } from '../lib/format'
import { ReviewItem } from './review-item'

type Props = { attempt: Attempt; round?: RoundSummary; contestSlug?: string; note?: string }

export function AttemptResult(props: Props) {
  const place = createAsync(() => getMyPlace('round', props.attempt.roundId).catch(() => null))
  const entry = () => place()?.entry
  const mine = createAsync(() => getMyAttempts(props.attempt.roundId).catch(() => null))
  const reviewOpen = () => props.attempt.items.some((i) => i.correct || i.keyWithheld)
  const left = () => (props.round?.maxAttempts == null || !mine() ? null : Math.max(0, props.round.maxAttempts - mine()!.length))
  const r = () => props.attempt.result
  return (
    <section class="page result">
      <h1>{t('result.title', { n: props.attempt.number })}</h1>
      <Show when={props.note}><p class="alert info" role="status">{props.note}</p></Show>
      <Show when={props.attempt.status === 'expired' && !props.note}><p class="alert info">{t('result.expired')}</p></Show>
      <Show when={r()}>
        {(res) => (
          <dl class="stats">
            <div class="stat big"><dt>{t('result.score')}</dt><dd data-testid="score">{fmtScore(res().score)}/{fmtScore(res().maxScore)}</dd></div>
            <div class="stat"><dt>{t('result.correct')}</dt><dd>{res().correctCount}/{props.attempt.items.length}</dd></div>
            <div class="stat"><dt>{t('result.time')}</dt><dd>{fmtDuration(res().durationMs)}</dd></div>
            <div class="stat">
              <dt>{entry()?.final ? t('result.rankFinal') : t('result.rank')}</dt>
              <dd data-testid="rank">
                <Show when={entry()} fallback={t('result.rankNone')}>
                  {(e) => <>{t('result.rankOf', { rank: e().rank, total: place()?.total ?? '…' })}</>}
                </Show>
              </dd>
            </div>
            <Show when={props.attempt.prediction != null}>
              <div class="stat"><dt>{t('result.prediction')}</dt><dd>{props.attempt.prediction}</dd></div>
            </Show>
            <Show when={left() != null}>
              <div class="stat"><dt>{t('result.left')}</dt><dd data-testid="left">{left()}</dd></div>
            </Show>
          </dl>
        )}
      </Show>
      <Show when={entry()?.final} fallback={<p class="muted small">{t('result.rankNote')}</p>}>
        <p class="alert info" role="status" data-testid="official">
          {t('result.official', { rank: entry()!.rank, total: place()?.total ?? '…' })}
          <Show when={entry()?.prize}>{(prize) => <> {t('result.prize', { prize: prize() })}</>}</Show>
        </p>
      </Show>
      <div class="actions">
        <Show when={props.round?.status === 'open'}>
          <A class="button primary" href={`/dot-thi/${props.attempt.roundId}/vao-thi`}>{t('result.again')}</A>
        </Show>
        <A class="button" href={`/bang-xep-hang/dot/${props.attempt.roundId}`}>{t('round.leaderboard')}</A>
        <Show when={props.contestSlug}><A class="button" href={`/cuoc-thi/${props.contestSlug}`}>{t('result.backContest')}</A></Show>
      </div>
      <h2>{t('review.title')}</h2>
      <Show when={reviewOpen()} fallback={<p class="muted">{t('review.later', { time: props.round ? fmtDateTime(props.round.closesAt) : '…' })}</p>}>
        <ol class="review plain">
          <For each={props.attempt.items}>{(item) => <li><ReviewItem attemptId={props.attempt.id} item={item} /></li>}</For>
        </ol>
      </Show>
    </section>
  )
}

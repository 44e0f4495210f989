import { For, Show } from 'solid-js'
import type { LeaderboardEntry, UnitsLeaderboardEntry } from '../../api/schemas/wire'
import { t } from '../i18n'
import { fmtDuration, fmtPercent, fmtScore } from '../lib/format'

export function PeopleTable(props: { entries: LeaderboardEntry[]; showPrediction: boolean }) {
  return (
    <div class="table-wrap">
      <table class="table leaderboard">
        <thead>
          <tr>
            <th scope="col" class="num">{t('lb.rank')}</th>
            <th scope="col">{t('lb.name')}</th>
            <th scope="col" class="num">{t('lb.score')}</th>
            <th scope="col" class="num">{t('lb.time')}</th>
            <Show when={props.showPrediction}><th scope="col" class="num">{t('lb.predictionError')}</th></Show>
          </tr>
        </thead>
        <tbody>
          <For each={props.entries}>
            {(e) => (
              <tr data-participant={e.participantId}>
                <td class="num rank">{e.rank}</td>
                <td><span class="name">{e.fullName}</span><span class="unit muted small">{e.unitName}</span></td>
                <td class="num">{fmtScore(e.score)}/{fmtScore(e.maxScore)}</td>
                <td class="num">{fmtDuration(e.durationMs)}</td>
                <Show when={props.showPrediction}><td class="num">{e.predictionError ?? '–'}</td></Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  )
}

export function UnitsTable(props: { entries: UnitsLeaderboardEntry[] }) {
  return (
    <Show when={props.entries.length} fallback={<p>{t('lb.empty')}</p>}>
      <div class="table-wrap">
        <table class="table leaderboard">
          <thead>
            <tr>
              <th scope="col" class="num">{t('lb.rank')}</th>
              <th scope="col">{t('lb.unit')}</th>
              <th scope="col" class="num">{t('lb.participants')}</th>
              <th scope="col" class="num">{t('lb.rate')}</th>
              <th scope="col" class="num">{t('lb.mean')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.entries}>
              {(u) => (
                <tr>
                  <td class="num rank">{u.rank}</td>
                  <td>{u.unitName}<span class="muted small unit">{t('lb.headcount')}: {u.headcount ?? '–'} · {t('lb.attempts')}: {u.attempts} · {t('lb.perfect')}: {u.perfectScores}</span></td>
                  <td class="num">{u.participants}</td>
                  <td class="num">{fmtPercent(u.participationRate)}</td>
                  <td class="num">{fmtScore(Math.round(u.meanScore * 100) / 100)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  )
}

import { For, Show } from 'solid-js'
import type { LeaderboardEntry, UnitsLeaderboardEntry } from '../../api/schemas/wire'
import { t } from '../i18n'
import { fmtDuration, fmtPercent, fmtScore } from '../lib/format'

// Tables on a wide screen; below 480 px each row becomes a compact block (styles.css, "Leaderboards"):
// rank, name and unit, score and time on the right, the other figures as a labelled second line.
// Podium colours follow the rank, not the row's place on the page.
const podium = (rank: number) => rank <= 3

export function PeopleTable(props: { entries: LeaderboardEntry[]; showPrediction: boolean; mineId?: string }) {
  return (
    <div class="table-wrap">
      <table class="table leaderboard people">
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
              <tr data-participant={e.participantId} classList={{ podium: podium(e.rank), mine: e.participantId === props.mineId }}
                aria-current={e.participantId === props.mineId ? 'true' : undefined}>
                <td class="num rank">{e.rank}</td>
                <td class="who"><span class="name">{e.fullName}</span><span class="unit muted small">{e.unitName}</span></td>
                <td class="num score">{fmtScore(e.score)}/{fmtScore(e.maxScore)}</td>
                <td class="num time">{fmtDuration(e.durationMs)}</td>
                <Show when={props.showPrediction}><td class="num extra" data-label={t('lb.predictionError')}>{e.predictionError ?? '–'}</td></Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  )
}

type UnitsProps = { entries: UnitsLeaderboardEntry[]; hasChildren?: (unitId: string) => boolean; onOpen?: (unitId: string) => void }

export function UnitsTable(props: UnitsProps) {
  return (
    <Show when={props.entries.length} fallback={<p>{t('lb.empty')}</p>}>
      <div class="table-wrap">
        <table class="table leaderboard units">
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
                <tr data-unit={u.unitId} classList={{ podium: podium(u.rank) }}>
                  <td class="num rank">{u.rank}</td>
                  <td class="who">
                    <span class="name">{u.unitName}</span>
                    <span class="muted small unit">{t('lb.headcount')}: {u.headcount ?? '–'} · {t('lb.attempts')}: {u.attempts} · {t('lb.perfect')}: {u.perfectScores}</span>
                    <Show when={props.hasChildren?.(u.unitId)}>
                      <button type="button" class="link open-level" onClick={() => props.onOpen?.(u.unitId)}>{t('lb.openLevel')}</button>
                    </Show>
                  </td>
                  <td class="num extra" data-label={t('lb.participants')}>{u.participants}</td>
                  <td class="num extra" data-label={t('lb.rate')}>{fmtPercent(u.participationRate)}</td>
                  <td class="num extra" data-label={t('lb.mean')}>{fmtScore(Math.round(u.meanScore * 100) / 100)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  )
}

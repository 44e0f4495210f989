import { createAsync } from '@solidjs/router'
import { Show } from 'solid-js'
import { getMyPlace } from '../api/leaderboards'
import { t } from '../i18n'

// A finalized round's official result for the signed-in participant: "Kết quả chính thức: hạng N/M" and the
// prize won, from the locked ranking. Nothing when she is not ranked (no finished attempt, disqualified).
export function OfficialPlace(props: { roundId: string }) {
  const place = createAsync(() => getMyPlace('round', props.roundId).catch(() => undefined))
  return (
    <Show when={place()?.entry?.final ? place() : undefined}>
      {(p) => (
        <p class="official" data-testid="official">
          <strong>{t('result.official', { rank: p().entry!.rank, total: p().total })}</strong>
          <Show when={p().entry!.prize}>{(prize) => <> {t('result.prize', { prize: prize() })}</>}</Show>
        </p>
      )}
    </Show>
  )
}

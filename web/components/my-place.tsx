import { Show } from 'solid-js'
import type { MyPlace } from '../../api/schemas/wire'
import { t } from '../i18n'

// "Vị trí của bạn: hạng N/M", pinned above every board the signed-in participant is ranked on, with a way
// to the page that holds her row.
export function MyPlaceBar(props: { place: MyPlace; onShow?: () => void }) {
  return (
    <Show when={props.place.entry}>
      {(e) => (
        <div class="my-place" role="status" data-testid="my-place">
          <span>
            <strong>{t(e().final ? 'lb.mineFinal' : 'lb.mine', { rank: e().rank, total: props.place.total })}</strong>
            <Show when={e().prize}>{(prize) => <> · {prize()}</>}</Show>
          </span>
          <Show when={props.onShow}><button type="button" class="link" onClick={() => props.onShow!()}>{t('lb.showMine')}</button></Show>
        </div>
      )}
    </Show>
  )
}

import { For, Show } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import type { RoundPrizes } from '../../api/schemas/wire'
import { t } from '../i18n'

// The locked prize lists of a finalized round: people, then units when the round awards unit prizes.
export function PrizeLists(props: { prizes: RoundPrizes; heading?: 'h2' | 'h3' }) {
  const sub = () => (props.heading === 'h3' ? 'h4' : 'h3')
  return (
    <section class="prize-lists" aria-label={t('prizes.title')}>
      <Dynamic component={props.heading ?? 'h2'}>{t('prizes.title')}</Dynamic>
      <Show when={props.prizes.predictionTruth != null}>
        <p>{t('prizes.truth', { n: props.prizes.predictionTruth! })}</p>
      </Show>
      <Dynamic component={sub()} class="h3">{t('prizes.people')}</Dynamic>
      <Show when={props.prizes.prizes.length} fallback={<p>{t('prizes.none')}</p>}>
        <div class="table-wrap">
          <table class="table prizes-people">
            <thead><tr><th scope="col">{t('prizes.prize')}</th><th scope="col" class="num">{t('lb.rank')}</th><th scope="col">{t('lb.name')}</th></tr></thead>
            <tbody>
              <For each={props.prizes.prizes}>
                {(p) => (
                  <tr data-participant={p.participantId}>
                    <td>{p.name}</td>
                    <td class="num">{p.rank}</td>
                    <td><span class="name">{p.fullName}</span><Show when={p.unitName}><span class="block-line muted small">{p.unitName}</span></Show></td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={props.prizes.unitPrizes.length}>
        <Dynamic component={sub()} class="h3">{t('prizes.units')}</Dynamic>
        <div class="table-wrap">
          <table class="table prizes-units">
            <thead><tr><th scope="col">{t('prizes.prize')}</th><th scope="col" class="num">{t('lb.rank')}</th><th scope="col">{t('lb.unit')}</th></tr></thead>
            <tbody>
              <For each={props.prizes.unitPrizes}>{(p) => <tr><td>{p.name}</td><td class="num">{p.rank}</td><td>{p.unitName}</td></tr>}</For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  )
}

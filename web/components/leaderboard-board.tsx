import { createAsync, useSearchParams } from '@solidjs/router'
import { createEffect, createSignal, Match, onCleanup, Show, Switch } from 'solid-js'
import type { RoundStatus } from '../../api/schemas/wire'
import { getLeaderboard, getMyPlace, type Scope } from '../api/leaderboards'
import { getMe } from '../api/session'
import { t } from '../i18n'
import { fmtDateTime } from '../lib/format'
import { useStandingsStream } from '../stores/standings-stream'
import { PeopleTable } from './leaderboard-tables'
import { MyPlaceBar } from './my-place'
import { Pager } from './pager'
import { UnitsBoard } from './units-board'

const LIMIT = 20
type Props = {
  scope: Scope; id: string; contestId?: string; streamRounds: string[]; freezeAt?: string | null
  // More queries for the stream to refresh, and a way for the page to learn the round's status as it changes.
  extraKeys?: string[]; onStatus?: (status: RoundStatus) => void
}

// People and units, searchable (with or without diacritics, on the server), paged, live over SSE.
export function LeaderboardBoard(props: Props) {
  const [search, setSearch] = useSearchParams()
  const tab = () => (search.tab === 'don-vi' ? 'units' : 'people')
  const q = () => (typeof search.q === 'string' ? search.q : '')
  const offset = () => Math.max(0, Number(search.tu) || 0)
  const [typed, setTyped] = createSignal(q())
  const people = createAsync(() => (tab() === 'people' ? getLeaderboard(props.scope, props.id, offset(), LIMIT, q()) : Promise.resolve(undefined)))
  // Who is signed in only marks her own row: a failed look-up leaves the board as the public sees it.
  const me = createAsync(() => getMe().catch(() => null))
  const place = createAsync(() => (me()?.role === 'participant' ? getMyPlace(props.scope, props.id).catch(() => undefined) : Promise.resolve(undefined)))
  const live = useStandingsStream(() => props.streamRounds, ['leaderboard', 'units-leaderboard', 'my-place', ...(props.extraKeys ?? [])])
  createEffect(() => { const status = people()?.round?.status; if (status) props.onStatus?.(status) })
  let timer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(timer))
  const onType = (v: string) => {
    setTyped(v)
    clearTimeout(timer)
    timer = setTimeout(() => setSearch({ q: v || undefined, tu: undefined }, { replace: true }), 300)
  }
  const frozen = () => people()?.round?.frozen
  return (
    <div class="board">
      <div class="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab() === 'people'} onClick={() => setSearch({ tab: undefined, tu: undefined })}>{t('lb.people')}</button>
        <button type="button" role="tab" aria-selected={tab() === 'units'} onClick={() => setSearch({ tab: 'don-vi', tu: undefined })}>{t('lb.units')}</button>
        <span class="live" classList={{ on: live() }} aria-live="polite">{live() ? `● ${t('lb.live')}` : ''}</span>
      </div>
      <Show when={frozen()}>
        <p class="alert info frozen" role="status">❄ {t('lb.frozen', { time: props.freezeAt ? fmtDateTime(props.freezeAt) : '' })}</p>
      </Show>
      <Show when={people()?.round?.status === 'finalized'}><p class="alert ok">{t('lb.final')}</p></Show>
      <Show when={place()}>
        {(p) => <MyPlaceBar place={p()} onShow={() => { setTyped(''); setSearch({ tab: undefined, q: undefined, tu: Math.floor((p().entry!.rank - 1) / LIMIT) * LIMIT || undefined }) }} />}
      </Show>
      <Switch>
        <Match when={tab() === 'people'}>
          <div class="field search">
            <label for="lb-q">{t('lb.search')}</label>
            <input id="lb-q" type="search" value={typed()} onInput={(e) => onType(e.currentTarget.value)} autocomplete="off" />
          </div>
          <Show when={people()}>
            {(b) => (
              <>
                <Show when={b().entries.length} fallback={<p>{q() ? t('lb.noMatch', { q: q() }) : t('lb.empty')}</p>}>
                  <PeopleTable entries={b().entries} mineId={me()?.role === 'participant' ? me()!.id : undefined}
                    showPrediction={props.scope === 'round' && b().entries.some((e) => e.predictionError != null)} />
                </Show>
                <Pager offset={offset()} limit={LIMIT} total={b().total} onPage={(o) => setSearch({ tu: o || undefined })} />
              </>
            )}
          </Show>
        </Match>
        <Match when={tab() === 'units'}>
          <Show when={props.contestId}>{(contestId) => <UnitsBoard scope={props.scope} id={props.id} contestId={contestId()} />}</Show>
        </Match>
      </Switch>
    </div>
  )
}

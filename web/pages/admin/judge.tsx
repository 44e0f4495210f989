import { A, createAsync, revalidate, useParams } from '@solidjs/router'
import { createSignal, onCleanup, Show } from 'solid-js'
import { getAdminRound } from '../../api/admin'
import { getFinalPrizes, getStandings, STANDINGS_PAGE } from '../../api/judging'
import { getAllUnitsLeaderboard } from '../../api/leaderboards'
import { Pager } from '../../components/pager'
import { canOrganize, getMe } from '../../api/session'
import { RoundBadge } from '../../components/round-badge'
import { fmtDateTime } from '../../lib/format'
import { useStandingsStream } from '../../stores/standings-stream'
import { ActivityChart } from './activity-chart'
import { FinalizePanel } from './finalize-panel'
import { ItemStats } from './item-stats'
import { RegradeForm } from './regrade-form'
import { StandingsTable } from './standings-table'
import { UnitChart } from './unit-chart'

export default function JudgePage() {
  const params = useParams<{ roundId: string }>()
  const found = createAsync(() => getAdminRound(params.roundId))
  const [offset, setOffset] = createSignal(0)
  const standings = createAsync(() => getStandings(params.roundId, offset()))
  const units = createAsync(() => getAllUnitsLeaderboard('round', params.roundId))
  const me = createAsync(() => getMe())
  const prizes = createAsync(() => (standings()?.round.status === 'finalized' ? getFinalPrizes(params.roundId) : Promise.resolve(undefined)))
  // Live and unfrozen: the public stream wakes us, and a poll covers a frozen board whose stream stays quiet.
  const live = useStandingsStream(() => [params.roundId], ['standings', 'all-units-leaderboard', 'activity'])
  const poll = setInterval(() => void revalidate(['standings', 'all-units-leaderboard', 'activity']), 15_000)
  onCleanup(() => clearInterval(poll))
  return (
    <section class="page wide">
      <Show when={found()}>
        {(f) => (
          <>
            <p class="small"><A href={`/quan-tri/cuoc-thi/${f().contest.id}`}>‹ {f().contest.title}</A></p>
            <h1>Chấm thi: {f().round.title} <RoundBadge status={standings()?.round.status ?? f().round.status} /></h1>
            <p class="muted">
              {fmtDateTime(f().round.opensAt)} – {fmtDateTime(f().round.closesAt)}
              <Show when={f().round.freezeAt}> · đóng băng bảng công khai từ {fmtDateTime(f().round.freezeAt!)}</Show>
              {' · '}<A href={`/bang-xep-hang/dot/${params.roundId}`}>Bảng xếp hạng công khai</A>
              {' · '}<span classList={{ ok: live() }}>{live() ? '● trực tiếp' : ''}</span>
            </p>
          </>
        )}
      </Show>
      <div class="actions">
        <a class="button" href={`/api/admin/rounds/${params.roundId}/results.xlsx`} download="">Tải kết quả (Excel)</a>
        <a class="button" href={`/api/admin/rounds/${params.roundId}/results.csv`} download="">Tải kết quả (CSV)</a>
        <Show when={standings()?.final}>
          <a class="button" href={`/api/admin/rounds/${params.roundId}/winners.pdf`} target="_blank" rel="noopener">In danh sách đoạt giải (PDF)</a>
          <a class="button" href={`/api/admin/rounds/${params.roundId}/units.pdf`} target="_blank" rel="noopener">In báo cáo theo đơn vị (PDF)</a>
        </Show>
      </div>
      <Show when={standings()}>
        {(s) => (
          <>
            <FinalizePanel round={s().round} entries={s().entries} prizes={prizes()} unitName={(id) => units()?.find((u) => u.unitId === id)?.unitName ?? id} />
            <Show when={s().final} fallback={<h2>Bảng điểm trực tiếp (không đóng băng, tạm thời) · {s().total} người</h2>}>
              <h2>Kết quả chính thức (đã chốt) · {s().total} người</h2>
              <p class="muted small">Cùng thứ tự với bảng xếp hạng công khai, tệp kết quả và danh sách giải.</p>
            </Show>
            <StandingsTable roundId={params.roundId} entries={s().entries} finalized={s().final} canResetPassword={canOrganize(me()?.role)} />
            <Show when={s().total > STANDINGS_PAGE}><Pager offset={offset()} limit={STANDINGS_PAGE} total={s().total} onPage={setOffset} /></Show>
          </>
        )}
      </Show>
      <ActivityChart roundId={params.roundId} />
      <h2>Tham gia theo đơn vị</h2>
      <Show when={units()}>{(u) => <UnitChart entries={u()} />}</Show>
      <ItemStats roundId={params.roundId} />
      <RegradeForm roundId={params.roundId} />
    </section>
  )
}

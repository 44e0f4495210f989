import { A, createAsync, useParams } from '@solidjs/router'
import { createEffect, Show } from 'solid-js'
import { getDashboard } from '../../api/people'
import { DashboardDays } from './dashboard-days'
import { DashboardRounds } from './dashboard-rounds'
import { DashboardUnits } from './dashboard-units'

// A contest at a glance for its organizers and judges: who registered and took part when, which units
// lag behind, and how each round is going.
export default function AdminDashboard() {
  const params = useParams<{ contestId: string }>()
  const data = createAsync(() => getDashboard(params.contestId))
  createEffect(() => { if (data()) document.title = `Tổng quan · ${data()!.contest.title}` })
  return (
    <Show when={data()}>
      {(d) => (
        <section class="page wide dashboard">
          <p class="small"><A href={`/quan-tri/cuoc-thi/${d().contest.id}`}>‹ {d().contest.title}</A></p>
          <h1>Tổng quan cuộc thi</h1>
          <p class="links">
            <A href={`/quan-tri/thi-sinh?contest=${d().contest.id}`}>Danh sách thí sinh</A>
          </p>
          <DashboardRounds rounds={d().rounds} />
          <DashboardDays days={d().days} />
          <DashboardUnits contestId={d().contest.id} units={d().units} />
        </section>
      )}
    </Show>
  )
}

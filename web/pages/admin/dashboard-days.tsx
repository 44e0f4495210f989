import { For, Show } from 'solid-js'
import type { DashboardDay } from '../../../api/schemas/dashboard'
import { fmtIsoDay } from '../../lib/format'
import { fillDays } from './activity-buckets'
import { GroupedBars } from './grouped-bars'

const SERIES = [{ label: 'Đăng ký', cls: 'registered' }, { label: 'Lượt bắt đầu', cls: 'started' }, { label: 'Lượt hoàn thành', cls: 'finished' }]

// Registrations and attempts per Hà Nội day: a bar chart whose label states the totals, and the table.
export function DashboardDays(props: { days: DashboardDay[] }) {
  const days = () => fillDays(props.days, (day) => ({ day, registrations: 0, attemptsStarted: 0, attemptsFinished: 0 }))
  const sum = (k: 'registrations' | 'attemptsStarted' | 'attemptsFinished') => props.days.reduce((s, d) => s + d[k], 0)
  const summary = () => {
    const list = days()
    const span = list.length > 1 ? `từ ${fmtIsoDay(list[0].day)} đến ${fmtIsoDay(list[list.length - 1].day)}` : `ngày ${fmtIsoDay(list[0].day)}`
    return `Theo ngày (giờ Hà Nội), ${span}: tổng ${sum('registrations')} lượt đăng ký, ${sum('attemptsStarted')} lượt thi bắt đầu, `
      + `${sum('attemptsFinished')} lượt thi hoàn thành. Bảng số liệu ở ngay dưới.`
  }
  return (
    <section class="dashboard-days" aria-labelledby="days-title">
      <h2 id="days-title">Đăng ký và lượt thi theo ngày</h2>
      <Show when={props.days.length} fallback={<p>Chưa có đăng ký hay lượt thi nào.</p>}>
        <GroupedBars
          class="days-chart" summary={summary()} series={SERIES}
          groups={days().map((d) => ({ label: fmtIsoDay(d.day), values: [d.registrations, d.attemptsStarted, d.attemptsFinished] }))}
          caption={<><span class="key registered" aria-hidden="true" /> Đăng ký <span class="key started" aria-hidden="true" /> Bắt đầu <span class="key finished" aria-hidden="true" /> Hoàn thành · ngày theo giờ Hà Nội</>}
        />
        <details class="days-table">
          <summary>Xem dạng bảng</summary>
          <div class="table-wrap">
            <table class="table">
              <thead><tr><th scope="col">Ngày</th><th scope="col" class="num">Đăng ký</th><th scope="col" class="num">Lượt bắt đầu</th><th scope="col" class="num">Lượt hoàn thành</th></tr></thead>
              <tbody>
                <For each={props.days}>
                  {(d) => <tr><td>{fmtIsoDay(d.day)}</td><td class="num">{d.registrations}</td><td class="num">{d.attemptsStarted}</td><td class="num">{d.attemptsFinished}</td></tr>}
                </For>
              </tbody>
            </table>
          </div>
        </details>
      </Show>
    </section>
  )
}

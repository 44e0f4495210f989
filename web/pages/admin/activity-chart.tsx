import { createAsync } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import { getActivity } from '../../api/judging'
import { activityTotals, alignBuckets, fillBuckets } from './activity-buckets'
import { fmtDateTime } from '../../lib/format'
import { GroupedBars } from './grouped-bars'

const SIZES = [{ minutes: 15, label: '15 phút' }, { minutes: 60, label: '1 giờ' }, { minutes: 1440, label: '1 ngày' }]
const SERIES = [{ label: 'Bắt đầu', cls: 'started' }, { label: 'Hoàn thành', cls: 'finished' }]

// Attempts started and finished over time, as grouped bars; the table below says the same in words.
export function ActivityChart(props: { roundId: string }) {
  const [minutes, setMinutes] = createSignal(60)
  const raw = createAsync(() => getActivity(props.roundId, minutes()))
  const rows = () => alignBuckets(raw() ?? [], minutes())
  const buckets = () => fillBuckets(rows(), minutes())
  const sizeLabel = () => SIZES.find((s) => s.minutes === minutes())?.label ?? `${minutes()} phút`
  const summary = () => {
    const list = buckets()
    if (!list.length) return 'Chưa có lượt thi nào.'
    const total = activityTotals(list)
    return `Số lượt bắt đầu và hoàn thành theo mỗi ${sizeLabel()}, từ ${fmtDateTime(list[0].at)} đến ${fmtDateTime(list[list.length - 1].at)} (giờ Hà Nội): `
      + `tổng ${total.started} lượt bắt đầu, ${total.finished} lượt hoàn thành. Bảng số liệu ở ngay dưới.`
  }
  return (
    <section class="activity" aria-labelledby="activity-title">
      <h2 id="activity-title">Lượt thi theo thời gian</h2>
      <div class="field inline">
        <label for="activity-size">Mỗi cột là</label>
        <select id="activity-size" value={minutes()} onChange={(e) => setMinutes(Number(e.currentTarget.value))}>
          <For each={SIZES}>{(s) => <option value={s.minutes}>{s.label}</option>}</For>
        </select>
      </div>
      <Show when={raw()}>
        <Show when={buckets().length} fallback={<p>Chưa có lượt thi nào.</p>}>
          <GroupedBars
            groups={buckets().map((b) => ({ label: fmtDateTime(b.at), values: [b.started, b.finished] }))}
            series={SERIES} summary={summary()}
            caption={<><span class="key started" aria-hidden="true" /> Bắt đầu <span class="key finished" aria-hidden="true" /> Hoàn thành (nộp bài hoặc hết giờ) · giờ Hà Nội</>}
          />
          <details class="activity-table">
            <summary>Xem dạng bảng</summary>
            <div class="table-wrap">
              <table class="table">
                <thead><tr><th scope="col">Từ (giờ Hà Nội)</th><th scope="col" class="num">Bắt đầu</th><th scope="col" class="num">Hoàn thành</th></tr></thead>
                <tbody><For each={rows()}>{(b) => <tr><td>{fmtDateTime(b.at)}</td><td class="num">{b.started}</td><td class="num">{b.finished}</td></tr>}</For></tbody>
              </table>
            </div>
          </details>
        </Show>
      </Show>
    </section>
  )
}

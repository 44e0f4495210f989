import { A } from '@solidjs/router'
import { For, Show } from 'solid-js'
import type { Person } from '../../api/admin'
import { fmtDateTime, fmtIsoDay } from '../../lib/format'

type Props = { people: Person[]; contestTitle: (id: string) => string; canReset: boolean; onReset: (p: Person) => void }

export function PeopleResults(props: Props) {
  return (
    <div class="table-wrap">
      <table class="table people">
        <thead>
          <tr>
            <th scope="col">Họ và tên</th><th scope="col">Ngày sinh</th><th scope="col">Số điện thoại</th>
            <th scope="col">Đơn vị</th><th scope="col">Đăng ký lúc</th>
            <Show when={props.canReset}><th scope="col">Thao tác</th></Show>
          </tr>
        </thead>
        <tbody>
          <For each={props.people}>
            {(p) => (
              <tr data-participant={p.id}>
                <td><strong><A href={`/quan-tri/thi-sinh/${p.id}`}>{p.fullName}</A></strong><span class="small muted block-line mono">{p.id}</span></td>
                <td>{fmtIsoDay(p.dateOfBirth)}</td>
                <td class="mono">{p.phone}</td>
                <td>
                  <For each={p.units} fallback="–">
                    {(u) => <span class="block-line">{u.unitName}<Show when={props.contestTitle(u.contestId)}>{(title) => <span class="small muted"> · {title()}</span>}</Show></span>}
                  </For>
                </td>
                <td class="small">{fmtDateTime(p.createdAt)}</td>
                <Show when={props.canReset}>
                  <td><button type="button" class="small" onClick={() => props.onReset(p)} aria-label={`Cấp mật khẩu mới cho ${p.fullName}`}>Cấp mật khẩu mới</button></td>
                </Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  )
}

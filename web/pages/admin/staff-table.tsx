import { createAsync, useAction } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import { roleLabel } from '../../../api/schemas/audit-labels'
import type { StaffMember } from '../../../api/schemas/wire'
import { disableStaff, enableStaff, endStaffSessions, getStaff, resetStaffPassword } from '../../api/staff'
import { NewPassword } from './new-password'
import { StaffConfirm, type StaffChange } from './staff-confirm'

// Every staff account with its role and state; each change is asked for, then said done.
export function StaffTable(props: { meId?: string }) {
  const users = createAsync(() => getStaff())
  const disable = useAction(disableStaff)
  const enable = useAction(enableStaff)
  const endSessions = useAction(endStaffSessions)
  const reset = useAction(resetStaffPassword)
  const [target, setTarget] = createSignal<{ user: StaffMember; change: StaffChange } | null>(null)
  const [done, setDone] = createSignal<string>()
  const [issued, setIssued] = createSignal<{ name: string; password: string } | null>(null)
  const ask = (user: StaffMember, change: StaffChange) => { setDone(undefined); setIssued(null); setTarget({ user, change }) }
  const run = async (user: StaffMember, change: StaffChange) => {
    if (change === 'disable') { await disable(user.id); setDone(`Đã khóa tài khoản của ${user.name}.`) }
    if (change === 'enable') { await enable(user.id); setDone(`Đã mở khóa tài khoản của ${user.name}.`) }
    if (change === 'sessions') setDone(`Đã kết thúc ${await endSessions(user.id)} phiên đăng nhập của ${user.name}.`)
    if (change === 'password') setIssued({ name: user.name, password: await reset(user.id) })
    setTarget(null)
  }
  return (
    <section class="card">
      <h2 class="h3">Tài khoản cán bộ</h2>
      <Show when={done()}><p class="alert ok" role="status">{done()}</p></Show>
      <Show when={issued()}>{(p) => <NewPassword name={p().name} password={p().password} recipient="cán bộ" onClose={() => setIssued(null)} />}</Show>
      <div class="table-wrap">
        <table class="table" id="staff-table">
          <thead><tr><th>Họ và tên</th><th>Tên đăng nhập</th><th>Vai trò</th><th>Trạng thái</th><th>Thao tác</th></tr></thead>
          <tbody>
            <For each={users()}>
              {(u) => (
                <tr data-username={u.username}>
                  <td>{u.name}</td>
                  <td class="mono">{u.username}</td>
                  <td>{roleLabel(u.role)}<Show when={u.unitName}> · {u.unitName}</Show></td>
                  <td><span class="badge" classList={{ 'badge-open': !u.disabled, 'badge-closed': u.disabled }}>{u.disabled ? 'Đã khóa' : 'Đang hoạt động'}</span></td>
                  <td class="row-actions">
                    <Show when={u.id !== props.meId} fallback={<span class="muted small">Tài khoản của bạn</span>}>
                      <Show when={u.disabled} fallback={<button type="button" onClick={() => ask(u, 'disable')}>Khóa</button>}>
                        <button type="button" onClick={() => ask(u, 'enable')}>Mở khóa</button>
                      </Show>
                      <button type="button" onClick={() => ask(u, 'password')}>Cấp mật khẩu mới</button>
                      <Show when={!u.disabled}><button type="button" onClick={() => ask(u, 'sessions')}>Đăng xuất mọi phiên</button></Show>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <StaffConfirm target={target()} run={run} onClose={() => setTarget(null)} />
    </section>
  )
}

import { createAsync, useAction, useSubmission } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import type { CoordinatorAccount, Unit } from '../../../api/schemas/wire'
import { appointCoordinator, getContestCoordinators, removeCoordinator } from '../../api/coordinators'
import { Dialog } from '../../components/dialog'
import { Field, FormError } from '../../components/field'
import { UnitPicker } from '../../components/unit-picker'
import { fmtDateTime } from '../../lib/format'

// The organizer appoints a unit's coordinator (a sign-in of their own that sees that unit's subtree only),
// lists them and removes them (the account is locked and signed out at once).
export function CoordinatorsSection(props: { contestId: string; units: Unit[] }) {
  const list = createAsync(() => getContestCoordinators(props.contestId))
  const [unitId, setUnitId] = createSignal<string | null>(null)
  const [username, setUsername] = createSignal('')
  const [name, setName] = createSignal('')
  const [password, setPassword] = createSignal('')
  const [removing, setRemoving] = createSignal<CoordinatorAccount | null>(null)
  const appoint = useAction(appointCoordinator)
  const appointing = useSubmission(appointCoordinator)
  const remove = useAction(removeCoordinator)
  const removal = useSubmission(removeCoordinator)
  const [done, setDone] = createSignal('')
  const [unitError, setUnitError] = createSignal('')
  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    setDone('')
    const unit = unitId()
    if (!unit) return setUnitError('Chọn đơn vị mà người này điều phối.')
    setUnitError('')
    const user = await appoint(props.contestId, { unitId: unit, username: username(), name: name(), password: password() }).catch(() => null)
    if (!user) return
    setDone(`Đã thêm điều phối viên ${user.username}. Gửi cho họ tên đăng nhập và mật khẩu; họ đăng nhập ở trang Đăng nhập.`)
    setUsername('')
    setName('')
    setPassword('')
  }
  const confirmRemove = async () => {
    const who = removing()
    if (!who) return
    await remove(props.contestId, who.id).catch(() => undefined)
    setRemoving(null)
  }
  return (
    <section class="coordinators" aria-labelledby="coordinators-title">
      <h2 id="coordinators-title">Điều phối viên</h2>
      <p class="small muted">Mỗi điều phối viên xem danh sách thành viên, ai đã thi, ai chưa thi của đơn vị mình và các đơn vị trực thuộc; không vào được trang quản trị.</p>
      <FormError message={removal.error instanceof Error ? removal.error.message : undefined} />
      <Show when={list()?.length} fallback={<p>Chưa có điều phối viên nào.</p>}>
        <div class="table-wrap">
          <table class="table" id="coordinators-table">
            <thead><tr><th scope="col">Họ và tên</th><th scope="col">Tên đăng nhập</th><th scope="col">Đơn vị</th><th scope="col">Ngày thêm</th><th scope="col">Trạng thái</th><th scope="col">Thao tác</th></tr></thead>
            <tbody>
              <For each={list()}>
                {(c) => (
                  <tr classList={{ muted: c.disabled }}>
                    <td>{c.name}</td><td>{c.username}</td><td>{c.unitName} <span class="small muted">({c.unitCode})</span></td>
                    <td class="small">{fmtDateTime(c.createdAt)}</td>
                    <td>{c.disabled ? 'Đã thôi' : 'Đang điều phối'}</td>
                    <td><Show when={!c.disabled}><button type="button" class="link" onClick={() => setRemoving(c)}>Thôi điều phối</button></Show></td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <form class="card" onSubmit={(e) => void submit(e)}>
        <h3>Thêm điều phối viên</h3>
        <FormError message={appointing.error instanceof Error ? appointing.error.message : undefined} />
        <Show when={done()}><p class="alert ok" role="status">{done()}</p></Show>
        <UnitPicker id="coordinator-unit" label="Đơn vị điều phối" units={props.units} value={unitId()} onChange={setUnitId} error={unitError()} showPath />
        <Field id="coordinator-name" label="Họ và tên" value={name()} onInput={setName} required />
        <Field id="coordinator-username" label="Tên đăng nhập" hint="3–40 ký tự: chữ không dấu, số, . _ -" value={username()} onInput={setUsername} autocomplete="off" required />
        <Field id="coordinator-password" label="Mật khẩu (ít nhất 10 ký tự)" type="password" value={password()} onInput={setPassword} autocomplete="new-password" required />
        <button type="submit" class="primary" disabled={appointing.pending}>Thêm điều phối viên</button>
      </form>
      <Dialog id="remove-coordinator" open={!!removing()} title="Thôi điều phối?" onClose={() => setRemoving(null)}>
        <p><strong>{removing()?.name}</strong> ({removing()?.username}) sẽ bị khóa tài khoản và đăng xuất ngay, không xem được đơn vị {removing()?.unitName} nữa.</p>
        <div class="dialog-actions">
          <button type="button" onClick={() => setRemoving(null)}>Hủy</button>
          <button type="button" class="primary" id="confirm-remove-coordinator" onClick={() => void confirmRemove()}>Thôi điều phối</button>
        </div>
      </Dialog>
    </section>
  )
}

import { A, createAsync, useAction, useSubmission } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import { createStaff } from '../../api/admin'
import { fieldErrors } from '../../api/client'
import { canOrganize, getMe } from '../../api/session'
import { Field, FormError } from '../../components/field'
import { StaffTable } from './staff-table'

export default function AdminStaff() {
  const me = createAsync(() => getMe())
  const [username, setUsername] = createSignal('')
  const [name, setName] = createSignal('')
  const [password, setPassword] = createSignal('')
  const [role, setRole] = createSignal<'organizer' | 'judge' | 'admin'>('judge')
  const create = useAction(createStaff)
  const created = useSubmission(createStaff)
  const errors = () => fieldErrors(created.error)
  return (
    <section class="page wide">
      <h1>Tài khoản</h1>
      <Show when={me()?.role === 'admin'}>
        <StaffTable meId={me()?.id} />
        <form class="card staff-form" onSubmit={(e) => { e.preventDefault(); void create({ username: username(), name: name(), password: password(), role: role() }).catch(() => undefined) }}>
          <h2 class="h3">Tạo tài khoản cán bộ</h2>
          <FormError message={created.error instanceof Error ? created.error.message : undefined} />
          <Show when={!created.pending && created.result}>{(u) => <p class="alert ok" role="status">Đã tạo tài khoản {u().username}.</p>}</Show>
          <Field id="staff-username" label="Tên đăng nhập" value={username()} onInput={setUsername} autocomplete="off" required error={errors().username} />
          <Field id="staff-name" label="Họ và tên" value={name()} onInput={setName} required error={errors().name} />
          <Field id="staff-password" label="Mật khẩu (ít nhất 10 ký tự)" type="password" value={password()} onInput={setPassword} autocomplete="new-password" required error={errors().password} />
          <div class="field">
            <label for="staff-role">Vai trò</label>
            <select id="staff-role" value={role()} onChange={(e) => setRole(e.currentTarget.value as 'judge')}>
              <option value="organizer">Ban Tổ chức</option><option value="judge">Ban Giám khảo</option><option value="admin">Quản trị viên</option>
            </select>
          </div>
          <button type="submit" class="primary" disabled={!!created.pending}>Tạo tài khoản</button>
        </form>
        <section class="card">
          <h2 class="h3">Nhật ký kiểm toán</h2>
          <p class="small muted">Mọi thao tác thay đổi dữ liệu của Ban Tổ chức và Ban Giám khảo, nối chuỗi bằng mã băm.</p>
          <div class="actions">
            <A class="button" href="/quan-tri/nhat-ky">Xem nhật ký</A>
            <a class="button" href="/api/admin/audit.csv" download="">Tải nhật ký (CSV)</a>
          </div>
        </section>
      </Show>
      <Show when={canOrganize(me()?.role)}>
        <section class="card">
          <h2 class="h3">Cấp lại mật khẩu cho thí sinh</h2>
          <p>Tìm thí sinh theo họ tên, số điện thoại hoặc mã ở trang <A href="/quan-tri/thi-sinh">Thí sinh</A>, rồi bấm “Cấp mật khẩu mới”.</p>
        </section>
      </Show>
    </section>
  )
}

import { createAsync, useAction, useSubmission } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import { createStaff, resetPassword } from '../../api/admin'
import { canOrganize, getMe } from '../../api/session'
import { Field, FormError } from '../../components/field'

export default function AdminStaff() {
  const me = createAsync(() => getMe())
  const [username, setUsername] = createSignal('')
  const [name, setName] = createSignal('')
  const [password, setPassword] = createSignal('')
  const [role, setRole] = createSignal<'organizer' | 'judge' | 'admin'>('judge')
  const [participantId, setParticipantId] = createSignal('')
  const create = useAction(createStaff)
  const created = useSubmission(createStaff)
  const reset = useAction(resetPassword)
  const resetSub = useSubmission(resetPassword)
  return (
    <section class="page narrow">
      <h1>Tài khoản</h1>
      <Show when={me()?.role === 'admin'}>
        <form class="card" onSubmit={(e) => { e.preventDefault(); void create({ username: username(), name: name(), password: password(), role: role() }).catch(() => undefined) }}>
          <h2 class="h3">Tạo tài khoản cán bộ</h2>
          <FormError message={created.error instanceof Error ? created.error.message : undefined} />
          <Show when={!created.pending && created.result}>{(u) => <p class="alert ok" role="status">Đã tạo tài khoản {u().username}.</p>}</Show>
          <Field id="staff-username" label="Tên đăng nhập" value={username()} onInput={setUsername} autocomplete="off" required />
          <Field id="staff-name" label="Họ và tên" value={name()} onInput={setName} required />
          <Field id="staff-password" label="Mật khẩu (ít nhất 10 ký tự)" type="password" value={password()} onInput={setPassword} autocomplete="new-password" required />
          <div class="field">
            <label for="staff-role">Vai trò</label>
            <select id="staff-role" value={role()} onChange={(e) => setRole(e.currentTarget.value as 'judge')}>
              <option value="organizer">Ban Tổ chức</option><option value="judge">Ban Giám khảo</option><option value="admin">Quản trị viên</option>
            </select>
          </div>
          <button type="submit" class="primary" disabled={!!created.pending}>Tạo tài khoản</button>
        </form>
      </Show>
      <Show when={me()?.role === 'admin'}>
        <section class="card">
          <h2 class="h3">Nhật ký kiểm toán</h2>
          <p class="small muted">Mọi thao tác thay đổi dữ liệu của Ban Tổ chức và Ban Giám khảo, nối chuỗi bằng mã băm.</p>
          <a class="button" href="/api/admin/audit.csv" download="">Tải nhật ký (CSV)</a>
        </section>
      </Show>
      <Show when={canOrganize(me()?.role)}>
        <form class="card" onSubmit={(e) => { e.preventDefault(); if (confirm('Cấp mật khẩu mới? Mật khẩu cũ sẽ không dùng được nữa.')) void reset(participantId().trim()).catch(() => undefined) }}>
          <h2 class="h3">Cấp lại mật khẩu cho thí sinh</h2>
          <p class="small muted">Mã thí sinh có trong trang chấm thi (nút “Cấp lại mật khẩu” ở từng dòng) hoặc tệp kết quả.</p>
          <FormError message={resetSub.error instanceof Error ? resetSub.error.message : undefined} />
          <Show when={!resetSub.pending && resetSub.result}>{(p) => <p class="alert ok" role="status">Mật khẩu mới: <strong class="mono">{p()}</strong> (chỉ hiện một lần).</p>}</Show>
          <Field id="reset-participant" label="Mã thí sinh" value={participantId()} onInput={setParticipantId} required />
          <button type="submit" disabled={!!resetSub.pending || !participantId().trim()}>Cấp mật khẩu mới</button>
        </form>
      </Show>
    </section>
  )
}

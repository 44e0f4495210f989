import { A, createAsync, Navigate, type RouteSectionProps } from '@solidjs/router'
import { createEffect, Show } from 'solid-js'
import { canJudge, canOrganize, getMe, isStaff } from '../../api/session'

// The console: staff only. Its pages are Vietnamese, as the organizers and judges who use them.
export default function AdminLayout(props: RouteSectionProps) {
  const me = createAsync(() => getMe())
  createEffect(() => { document.title = 'Quản trị · Thi trực tuyến' })
  return (
    <Show when={me() !== undefined}>
      <Show when={isStaff(me()?.role)} fallback={<Navigate href={me()?.role === 'coordinator' ? '/dieu-phoi' : '/dang-nhap?next=/quan-tri'} />}>
        <div class="console">
          <nav class="console-nav" aria-label="Trang quản trị">
            <A href="/quan-tri" end>Cuộc thi</A>
            <Show when={canOrganize(me()?.role)}>
              <A href="/quan-tri/cau-hoi" end>Ngân hàng câu hỏi</A>
              <A href="/quan-tri/cau-hoi/nhap">Nhập câu hỏi</A>
              <A href="/quan-tri/chu-de">Chủ đề</A>
            </Show>
            <Show when={canJudge(me()?.role)}>
              <A href="/quan-tri/phan-anh">Phản ánh câu hỏi</A>
            </Show>
            <A href="/quan-tri/thi-sinh">Thí sinh</A>
            <Show when={canOrganize(me()?.role)}><A href="/quan-tri/nhan-su">Tài khoản</A></Show>
            <Show when={me()?.role === 'admin'}><A href="/quan-tri/nhat-ky">Nhật ký</A></Show>
          </nav>
          <div class="console-body">{props.children}</div>
        </div>
      </Show>
    </Show>
  )
}

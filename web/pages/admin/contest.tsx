import { A, createAsync, useAction, useParams, useSubmission } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import { getAdminContest, getAdminUnits, publishContest } from '../../api/admin'
import { canJudge, canOrganize, getMe } from '../../api/session'
import { FormError } from '../../components/field'
import { RoundBadge } from '../../components/round-badge'
import { fmtDateTime } from '../../lib/format'
import { ArchiveButton, ContestEditForm } from './contest-edit-form'
import { CoordinatorsSection } from './coordinators-section'

export default function AdminContest() {
  const params = useParams<{ contestId: string }>()
  const contest = createAsync(() => getAdminContest(params.contestId))
  const units = createAsync(() => getAdminUnits(params.contestId))
  const me = createAsync(() => getMe())
  const publish = useAction(publishContest)
  const pub = useSubmission(publishContest)
  const [editing, setEditing] = createSignal(false)
  return (
    <Show when={contest()}>
      {(c) => (
        <section class="page">
          <p class="small"><A href="/quan-tri">‹ Cuộc thi</A></p>
          <h1>{c().title}</h1>
          <p>
            Trạng thái: <strong>{c().status === 'draft' ? 'Bản nháp (chưa công bố)' : c().status === 'published' ? 'Đã công bố' : 'Lưu trữ'}</strong>
            {' · '}Trang cho thí sinh: <A href={`/cuoc-thi/${c().slug}`}>/cuoc-thi/{c().slug}</A>
          </p>
          <p class="links small">In kết quả (khi đã có đợt chốt): <a href={`/api/admin/contests/${c().id}/winners.pdf`} target="_blank" rel="noopener">Danh sách đoạt giải (PDF)</a>{' · '}<a href={`/api/admin/contests/${c().id}/units.pdf`} target="_blank" rel="noopener">Báo cáo theo đơn vị (PDF)</a></p>
          <p class="links"><A class="button" href={`/quan-tri/cuoc-thi/${c().id}/tong-quan`}>Tổng quan cuộc thi</A> <A href={`/quan-tri/thi-sinh?contest=${c().id}`}>Danh sách thí sinh</A></p>
          <FormError message={pub.error instanceof Error ? pub.error.message : undefined} />
          <Show when={canOrganize(me()?.role)}>
            <p class="actions">
              <Show when={c().status === 'draft'}>
                <button type="button" class="primary" disabled={pub.pending} onClick={() => void publish(c().id).catch(() => undefined)}>Công bố cuộc thi</button>{' '}
              </Show>
              <Show when={!editing()}><button type="button" onClick={() => setEditing(true)}>Sửa thông tin</button>{' '}</Show>
              <ArchiveButton contest={c()} />
            </p>
            <Show when={editing()}><ContestEditForm contest={c()} onDone={() => setEditing(false)} /></Show>
          </Show>
          <Show when={c().onePrizePerPerson}><p class="small muted">Mỗi người chỉ đoạt giải một lần trong cả cuộc thi.</p></Show>
          <h2>Các đợt thi</h2>
          <Show when={c().rounds.length} fallback={<p>Chưa có đợt thi nào.</p>}>
            <div class="table-wrap">
              <table class="table">
                <thead><tr><th scope="col">Đợt</th><th scope="col">Thời gian</th><th scope="col" class="num">Số câu</th><th scope="col">Thao tác</th></tr></thead>
                <tbody>
                  <For each={c().rounds}>
                    {(r) => (
                      <tr>
                        <td>{r.number}. {r.title} <RoundBadge status={r.status} /></td>
                        <td class="small">{fmtDateTime(r.opensAt)} – {fmtDateTime(r.closesAt)}</td>
                        <td class="num">{r.questionCount}</td>
                        <td class="links">
                          <Show when={canOrganize(me()?.role)}><A href={`/quan-tri/dot/${r.id}`}>Sửa</A> </Show>
                          <Show when={canJudge(me()?.role)}><A href={`/quan-tri/dot/${r.id}/cham`}>Chấm thi</A> </Show>
                          <A href={`/bang-xep-hang/dot/${r.id}`}>Bảng xếp hạng</A>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
          <Show when={canOrganize(me()?.role)}>
            <p><A class="button primary" href={`/quan-tri/cuoc-thi/${c().id}/dot-moi`}>Tạo đợt thi</A></p>
          </Show>
          <h2>Đơn vị</h2>
          <p>
            <Show when={units()}>{(u) => <>{u().length ? `${u().length} đơn vị.` : 'Chưa có đơn vị nào.'} </>}</Show>
            <Show when={canOrganize(me()?.role)}> <A href={`/quan-tri/cuoc-thi/${c().id}/don-vi`}>Quản lý cây đơn vị</A></Show>
          </p>
          <Show when={canOrganize(me()?.role) && units()}>{(u) => <CoordinatorsSection contestId={c().id} units={u()} />}</Show>
          <Show when={c().description}><h2>Giới thiệu</h2><div class="prose card">{c().description}</div></Show>
          <Show when={c().rules}><h2>Thể lệ</h2><div class="prose card">{c().rules}</div></Show>
        </section>
      )}
    </Show>
  )
}

import { A, createAsync, revalidate, useParams } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import { canOrganize, getMe } from '../../api/session'
import { getPerson } from '../../api/people'
import type { Person } from '../../api/admin'
import { fmtDateTime, fmtDuration, fmtIsoDay, fmtScore } from '../../lib/format'
import { NewPassword } from './new-password'
import { PersonCorrect } from './person-correct'
import { ResetDialog } from './reset-dialog'

const STATUS = { in_progress: 'Đang làm', submitted: 'Đã nộp', expired: 'Hết giờ' } as const

// One person in the console: who they are, a correction form for organizers, and every attempt of theirs.
export default function AdminPerson() {
  const params = useParams<{ participantId: string }>()
  const data = createAsync(() => getPerson(params.participantId))
  const me = createAsync(() => getMe())
  const [target, setTarget] = createSignal<Person | null>(null)
  const [issued, setIssued] = createSignal<{ name: string; password: string } | null>(null)
  const asPerson = (): Person | null => {
    const p = data()?.participant
    return p ? { id: p.id, fullName: p.fullName, phone: p.phone, dateOfBirth: p.dateOfBirth, createdAt: p.registeredAt, units: p.units } : null
  }
  return (
    <Show when={data()}>
      {(d) => (
        <section class="page wide person">
          <p class="small"><A href="/quan-tri/thi-sinh">‹ Thí sinh</A></p>
          <h1>{d().participant.fullName}</h1>
          <p>
            Sinh ngày {fmtIsoDay(d().participant.dateOfBirth)} · Điện thoại <span class="mono">{d().participant.phone}</span>
            {' · '}Đăng ký lúc {fmtDateTime(d().participant.registeredAt)}
            <Show when={d().participant.position}>{(pos) => <> · {pos()}</>}</Show>
          </p>
          <ul class="plain">
            <For each={d().participant.units}>{(u) => <li>{u.unitName} <span class="small muted">· {u.contestTitle}</span></li>}</For>
          </ul>
          <Show when={canOrganize(me()?.role)}>
            <p><button type="button" onClick={() => setTarget(asPerson())}>Cấp mật khẩu mới</button></p>
            <Show when={issued()}>{(p) => <NewPassword name={p().name} password={p().password} onClose={() => setIssued(null)} />}</Show>
            <Show when={d().participant.id} keyed><PersonCorrect person={d().participant} onSaved={() => void revalidate(getPerson.keyFor(params.participantId))} /></Show>
          </Show>
          <h2>Các lượt thi</h2>
          <Show when={d().attempts.length} fallback={<p>Chưa có lượt thi nào.</p>}>
            <div class="table-wrap">
              <table class="table person-attempts">
                <thead>
                  <tr>
                    <th scope="col">Đợt thi</th><th scope="col" class="num">Lượt</th><th scope="col">Bắt đầu</th><th scope="col">Thời gian làm bài</th>
                    <th scope="col" class="num">Điểm</th><th scope="col">Trạng thái</th><th scope="col">Lưu ý</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={d().attempts}>
                    {(a) => (
                      <tr data-attempt={a.id}>
                        <td><A href={`/quan-tri/dot/${a.roundId}/cham`}>{a.roundTitle}</A><span class="small muted block-line">{a.contestTitle}</span></td>
                        <td class="num">{a.number}</td>
                        <td class="small">{fmtDateTime(a.startedAt)}</td>
                        <td>{a.durationMs == null ? '–' : fmtDuration(a.durationMs)}</td>
                        <td class="num">{a.score == null ? '–' : `${fmtScore(a.score)}/${fmtScore(a.maxScore ?? 0)}`}</td>
                        <td>{STATUS[a.status]}</td>
                        <td>
                          <Show when={a.disqualified}>{(dq) => <span class="flag">Bị truất quyền: {dq().reason}</span>}</Show>
                          <For each={a.flags}>{(f) => <span class="flag">{f.evidence}</span>}</For>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
          <ResetDialog person={target()} onClose={() => setTarget(null)} onIssued={(name, password) => { setTarget(null); setIssued({ name, password }) }} />
        </section>
      )}
    </Show>
  )
}

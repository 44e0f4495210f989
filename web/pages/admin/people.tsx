import { createAsync, useSearchParams } from '@solidjs/router'
import { createSignal, ErrorBoundary, For, Show, Suspense } from 'solid-js'
import { getAdminContests, searchPeople, type Person } from '../../api/admin'
import { canOrganize, getMe } from '../../api/session'
import { NewPassword } from './new-password'
import { PeopleList } from './people-list'
import { PeopleResults } from './people-results'
import { ResetDialog } from './reset-dialog'

const LIMIT = 50

// Find a participant by name (with or without diacritics), phone in any written form, or id; organizers
// then issue a new password, shown once. Below, a contest's whole list with filters and export.
export default function AdminPeople() {
  const [search, setSearch] = useSearchParams()
  const q = () => (typeof search.q === 'string' ? search.q.trim() : '')
  // The list is per contest (units are): the one in ?contest=, else the first.
  const contestId = () => (typeof search.contest === 'string' && search.contest) || contests()?.[0]?.id
  const [typed, setTyped] = createSignal(q())
  const people = createAsync(() => (q() ? searchPeople(q(), LIMIT) : Promise.resolve(undefined)))
  const contests = createAsync(() => getAdminContests())
  const me = createAsync(() => getMe())
  const [target, setTarget] = createSignal<Person | null>(null)
  const [issued, setIssued] = createSignal<{ name: string; password: string } | null>(null)
  const contestTitle = (id: string) => contests()?.find((c) => c.id === id)?.title ?? ''
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault()
    setIssued(null)
    setSearch({ q: typed().trim() || undefined })
  }
  return (
    <section class="page wide">
      <h1>Thí sinh</h1>
      <form class="card search-form" role="search" onSubmit={onSubmit}>
        <label for="people-q">Tìm theo họ tên (có dấu hoặc không dấu), số điện thoại hoặc mã thí sinh</label>
        <div class="copy-row">
          <input id="people-q" type="search" value={typed()} onInput={(e) => setTyped(e.currentTarget.value)} autocomplete="off" maxLength={100} />
          <button type="submit" class="primary" disabled={!typed().trim()}>Tìm</button>
        </div>
      </form>
      <Show when={issued()}>{(p) => <NewPassword name={p().name} password={p().password} onClose={() => setIssued(null)} />}</Show>
      <Show when={people()}>
        {(list) => (
          <>
            <p role="status">
              {list().length ? `${list().length >= LIMIT ? `${LIMIT}+` : list().length} người khớp với “${q()}”.` : `Không có ai khớp với “${q()}”.`}
              <Show when={list().length >= LIMIT}> Hãy gõ cụ thể hơn để thu hẹp.</Show>
            </p>
            <Show when={list().length}>
              <PeopleResults people={list()} contestTitle={contestTitle} canReset={canOrganize(me()?.role)} onReset={setTarget} />
            </Show>
          </>
        )}
      </Show>
      <Show when={contests()?.length}>
        <div class="field inline">
          <label for="people-contest">Cuộc thi</label>
          <select id="people-contest" value={contestId()} onChange={(e) => setSearch({ contest: e.currentTarget.value })}>
            <For each={contests()}>{(c) => <option value={c.id}>{c.title}</option>}</For>
          </select>
        </div>
      </Show>
      {/* The list failing to load (a contest gone, the network) must not take the search above with it. */}
      <Show when={contestId()} keyed>
        {(id) => (
          <ErrorBoundary fallback={(err) => <p class="error" role="alert">Không tải được danh sách thí sinh: {err instanceof Error ? err.message : String(err)}</p>}>
            <Suspense><PeopleList contestId={id} /></Suspense>
          </ErrorBoundary>
        )}
      </Show>
      <ResetDialog person={target()} onClose={() => setTarget(null)} onIssued={(name, password) => { setTarget(null); setIssued({ name, password }) }} />
    </section>
  )
}

import { MemoryRouter, Route, createMemoryHistory, query } from '@solidjs/router'
import { cleanup, fireEvent, render, waitFor } from '@solidjs/testing-library'
import { Suspense } from 'solid-js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import AdminPeople from '../../web/pages/admin/people'
import { fakeApi } from './fake-api'

const AN = {
  id: 'p-an', fullName: 'Nguyễn Văn An', phone: '0900000101', dateOfBirth: '1990-05-17', createdAt: '2026-03-02T01:30:00.000Z',
  units: [{ contestId: 'c1', unitId: 'u1', unitName: 'Chi bộ Phòng Tổng hợp' }],
}

function serve(role: 'organizer' | 'judge') {
  return fakeApi({
    'GET /api/sessions/current': { user: { id: 's1', role, name: 'Cán bộ' } },
    'GET /api/admin/contests': { contests: [{ id: 'c1', slug: 'hoi-thi', title: 'Hội thi lịch sử', status: 'published', rounds: [] }] },
    'GET /api/admin/participants': (_init: RequestInit, url: URL) => ({ participants: url.searchParams.get('q') === '0900 000 101' ? [AN] : [] }),
    'POST /api/admin/participants/p-an/password': { password: 'mk-moi-12345' },
  })
}

const show = (role: 'organizer' | 'judge') => {
  const calls = serve(role)
  const history = createMemoryHistory()
  history.set({ value: '/quan-tri/thi-sinh' })
  const view = render(() => (
    <MemoryRouter history={history} root={(p) => <Suspense>{p.children}</Suspense>}>
      <Route path="/quan-tri/thi-sinh" component={AdminPeople} />
    </MemoryRouter>
  ))
  const search = async (q: string) => {
    fireEvent.input(await waitFor(() => view.getByLabelText(/Tìm theo họ tên/)), { target: { value: q } })
    fireEvent.click(view.getByRole('button', { name: 'Tìm' }))
  }
  return { view, calls, search }
}

// Who is signed in changes between tests: start each one with an empty query cache.
afterEach(() => { cleanup(); vi.unstubAllGlobals(); query.clear() })

describe('people search in the console', () => {
  it('finds a participant by phone and issues a new password after a confirmation, shown once with a copy button', async () => {
    const writeText = vi.fn(async () => undefined)
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    const { view, calls, search } = show('organizer')
    await search('0900 000 101')
    const row = await waitFor(() => view.getByText('Nguyễn Văn An').closest('tr')!)
    expect(calls.find((c) => c.path.startsWith('/api/admin/participants'))?.path).toBe('/api/admin/participants?q=0900+000+101&limit=50')
    expect(row.textContent).toContain('17/05/1990')
    expect(row.textContent).toContain('Chi bộ Phòng Tổng hợp · Hội thi lịch sử')
    expect(view.getByRole('status').textContent).toContain('1 người khớp')

    fireEvent.click(view.getByRole('button', { name: 'Cấp mật khẩu mới cho Nguyễn Văn An' }))
    expect(calls.some((c) => c.method === 'POST')).toBe(false)
    fireEvent.click(document.getElementById('confirm-reset')!)
    const field = await waitFor(() => view.getByLabelText('Mật khẩu mới của Nguyễn Văn An') as HTMLInputElement)
    expect(field.value).toBe('mk-moi-12345')
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/admin/participants/p-an/password'])
    fireEvent.click(view.getByRole('button', { name: 'Chép mật khẩu' }))
    await waitFor(() => expect(view.getByText('Đã chép vào bộ nhớ tạm.')).toBeTruthy())
    expect(writeText).toHaveBeenCalledWith('mk-moi-12345')
  })

  it('says when nobody matches, and a judge can search but not reset passwords', async () => {
    const { view, search } = show('judge')
    await search('không ai')
    await waitFor(() => expect(view.getByText('Không có ai khớp với “không ai”.')).toBeTruthy())
    await search('0900 000 101')
    await waitFor(() => expect(view.getByText('Nguyễn Văn An')).toBeTruthy())
    expect(view.queryByRole('button', { name: /Cấp mật khẩu mới/ })).toBeNull()
  })
})

import { MemoryRouter, Route, query } from '@solidjs/router'
import { cleanup, fireEvent, render, waitFor } from '@solidjs/testing-library'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ContestDetail } from '../../api/schemas/wire'
import { ArchiveButton, ContestEditForm } from '../../web/pages/admin/contest-edit-form'
import { fakeApi, json } from './fake-api'

const contest = (status: ContestDetail['status']): ContestDetail => ({
  id: 'c1', slug: 'hoi-thi', title: 'Hội thi lịch sử', status, rounds: [], description: 'Giới thiệu cũ', rules: 'Thể lệ cũ', onePrizePerPerson: false,
})
const inRouter = (ui: () => ReturnType<typeof ContestEditForm>) => render(() => <MemoryRouter><Route path="/" component={ui} /></MemoryRouter>)

afterEach(() => { cleanup(); vi.unstubAllGlobals(); query.clear() })

describe('contest edit form', () => {
  it('starts from the contest and sends the edited fields with the one-prize rule', async () => {
    const calls = fakeApi({ 'PATCH /api/admin/contests/c1': { contest: contest('published') } })
    const onDone = vi.fn()
    const view = inRouter(() => <ContestEditForm contest={contest('published')} onDone={onDone} />)
    expect((view.getByLabelText('Thể lệ') as HTMLTextAreaElement).value).toBe('Thể lệ cũ')
    fireEvent.input(view.getByLabelText('Tên cuộc thi'), { target: { value: '  Hội thi mới  ' } })
    fireEvent.input(view.getByLabelText('Giới thiệu'), { target: { value: 'Giới thiệu mới' } })
    fireEvent.click(view.getByLabelText(/Mỗi người chỉ đoạt giải một lần/))
    fireEvent.click(view.getByRole('button', { name: 'Lưu thông tin' }))
    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(calls.find((c) => c.method === 'PATCH')).toEqual({
      method: 'PATCH', path: '/api/admin/contests/c1', body: { title: 'Hội thi mới', description: 'Giới thiệu mới', rules: 'Thể lệ cũ', onePrizePerPerson: true },
    })
  })

  it('shows a field error from the server next to the field and stays open', async () => {
    fakeApi({ 'PATCH /api/admin/contests/c1': () => json({ error: { code: 'VALIDATION_FAILED', message: 'Dữ liệu không hợp lệ.', details: { issues: [{ path: 'title', message: 'Tên quá dài' }] } } }, 400) })
    const onDone = vi.fn()
    const view = inRouter(() => <ContestEditForm contest={contest('published')} onDone={onDone} />)
    fireEvent.click(view.getByRole('button', { name: 'Lưu thông tin' }))
    await waitFor(() => expect(view.getByText('Tên quá dài')).toBeTruthy())
    expect(onDone).not.toHaveBeenCalled()
  })

  it('archives after a confirmation, unarchives back to published, and offers nothing for a draft', async () => {
    const calls = fakeApi({ 'PATCH /api/admin/contests/c1': { contest: contest('archived') } })
    vi.stubGlobal('confirm', vi.fn(() => true))
    const view = inRouter(() => <><ArchiveButton contest={contest('published')} /><ArchiveButton contest={contest('archived')} /><ArchiveButton contest={contest('draft')} /></>)
    expect(view.getAllByRole('button')).toHaveLength(2)
    const patches = () => calls.filter((c) => c.method === 'PATCH').map((c) => c.body)
    fireEvent.click(view.getByRole('button', { name: 'Lưu trữ cuộc thi' }))
    await waitFor(() => expect(patches()).toHaveLength(1))
    await waitFor(() => expect((view.getByRole('button', { name: 'Bỏ lưu trữ' }) as HTMLButtonElement).disabled).toBe(false))
    fireEvent.click(view.getByRole('button', { name: 'Bỏ lưu trữ' }))
    await waitFor(() => expect(patches()).toEqual([{ status: 'archived' }, { status: 'published' }]))
  })
})

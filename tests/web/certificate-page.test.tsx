import { MemoryRouter, Route, createMemoryHistory, query } from '@solidjs/router'
import { cleanup, render, waitFor } from '@solidjs/testing-library'
import { afterEach, describe, expect, it, vi } from 'vitest'
import CertificatePage from '../../web/pages/certificate'
import { fakeApi } from './fake-api'

function at(path: string) {
  const history = createMemoryHistory()
  history.set({ value: path })
  return render(() => <MemoryRouter history={history}><Route path="/chung-nhan/:code" component={CertificatePage} /></MemoryRouter>)
}

afterEach(() => { cleanup(); vi.unstubAllGlobals(); query.clear() })

describe('public certificate page', () => {
  it('shows a valid certificate with the person, the round, rank and prize, and links its PDF', async () => {
    fakeApi({ 'GET /api/certificates/T55JR4HSK4F3': {
      valid: true, code: 'T55JR4HSK4F3', kind: 'prize', fullName: 'Nguyễn Thị Ngọc Ánh', unitName: 'Chi bộ An Một', contest: 'Tìm hiểu Lịch sử Đảng bộ tỉnh',
      round: 'Tuần 1', roundNumber: 1, rank: 1, prize: 'Giải Nhất', issuedAt: '2026-12-08T04:04:00.000Z',
    } })
    const view = at('/chung-nhan/T55JR4HSK4F3')
    await waitFor(() => expect(view.getByTestId('certificate-valid')).toBeTruthy())
    const text = view.getByTestId('certificate-valid').textContent!
    for (const expected of ['Giấy chứng nhận hợp lệ', 'Nguyễn Thị Ngọc Ánh', 'Chi bộ An Một', 'Đợt 1: Tuần 1', 'Giải Nhất', '11:04 08/12/2026', 'T55JR4HSK4F3'])
      expect(text).toContain(expected)
    expect(view.getByText('Tải giấy chứng nhận (PDF)').getAttribute('href')).toBe('/api/certificates/T55JR4HSK4F3/pdf')
  })

  it('says when a code is unknown, and when it is no longer valid', async () => {
    fakeApi({ 'GET /api/certificates/CU7NR4HSK4F3': { valid: false, code: 'CU7NR4HSK4F3', message: 'Giấy chứng nhận này không còn hiệu lực theo kết quả chính thức hiện hành.' } })
    const unknown = at('/chung-nhan/ABCDEFGHJKMN')
    await waitFor(() => expect(unknown.getByTestId('certificate-unknown').textContent).toContain('Không tìm thấy giấy chứng nhận có mã ABCDEFGHJKMN'))
    cleanup()
    const revoked = at('/chung-nhan/CU7NR4HSK4F3')
    await waitFor(() => expect(revoked.getByTestId('certificate-invalid').textContent).toContain('không còn hiệu lực'))
  })
})

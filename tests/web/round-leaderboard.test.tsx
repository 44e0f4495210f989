import { MemoryRouter, Route, createMemoryHistory, query } from '@solidjs/router'
import { cleanup, render, waitFor } from '@solidjs/testing-library'
import { Suspense } from 'solid-js'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RoundStatus } from '../../api/schemas/wire'
import RoundLeaderboardPage from '../../web/pages/round-leaderboard'
import { fakeApi, type Calls } from './fake-api'
import { FakeEventSource, stubEventSource } from './fake-event-source'

const entry = { rank: 1, participantId: 'p1', fullName: 'Nguyễn Văn An', unitId: 'u1', unitName: 'Chi bộ Phòng Tổng hợp', score: 5, maxScore: 5, durationMs: 61_000 }
const PRIZES = {
  finalized: true, predictionTruth: 2,
  prizes: [{ rank: 1, name: 'Giải Nhất', participantId: 'p1', fullName: 'Nguyễn Văn An', unitName: 'Chi bộ Phòng Tổng hợp' }],
  unitPrizes: [{ rank: 1, name: 'Đơn vị xuất sắc', unitId: 'u1', unitName: 'Chi bộ Phòng Tổng hợp' }],
}

// One round on the fake server; `status` moves when a test finalizes it.
function serve(roundId: string, status: { value: RoundStatus }): Calls {
  const round = () => ({ id: roundId, contestId: 'c1', number: 1, title: 'Tuần thi thứ nhất', status: status.value, freezeAt: null, unitPrizes: [], prizes: [] })
  return fakeApi({
    [`GET /api/rounds/${roundId}`]: () => ({ round: round() }),
    'GET /api/sessions/current': { user: null },
    'GET /api/contests/c1': { contest: { id: 'c1', slug: 'hoi-thi', title: 'Hội thi lịch sử', rounds: [] } },
    [`GET /api/rounds/${roundId}/leaderboard`]: () => ({ round: { id: roundId, status: status.value, frozen: false }, total: 1, entries: [entry] }),
    [`GET /api/rounds/${roundId}/prizes`]: () => (status.value === 'finalized' ? PRIZES : { finalized: false, predictionTruth: null, prizes: [], unitPrizes: [] }),
  })
}

const show = (roundId: string) => {
  const history = createMemoryHistory()
  history.set({ value: `/bang-xep-hang/dot/${roundId}` })
  return render(() => (
    <MemoryRouter history={history} root={(p) => <Suspense>{p.children}</Suspense>}>
      <Route path="/bang-xep-hang/dot/:roundId" component={RoundLeaderboardPage} />
    </MemoryRouter>
  ))
}

beforeEach(() => {
  stubEventSource()
})
afterEach(() => { cleanup(); vi.unstubAllGlobals(); query.clear() })

describe('round leaderboard page', () => {
  it('shows the prize lists of a finalized round, people and units, with the prediction answer', async () => {
    serve('rf', { value: 'finalized' })
    const view = show('rf')
    const section = await waitFor(() => view.getByRole('region', { name: 'Kết quả giải thưởng' }))
    expect(section.querySelector('table.prizes-people')!.textContent).toContain('Giải Nhất1Nguyễn Văn AnChi bộ Phòng Tổng hợp')
    expect(section.querySelector('table.prizes-units')!.textContent).toContain('Đơn vị xuất sắc')
    expect(section.textContent).toContain('Đáp án câu hỏi dự đoán: 2')
    expect(view.getByRole('link', { name: 'Hội thi lịch sử' }).getAttribute('href')).toBe('/cuoc-thi/hoi-thi')
  })

  it('asks for no prizes while the round runs, and shows them once the live board turns final', async () => {
    const status = { value: 'closed' as RoundStatus }
    const calls = serve('rc', status)
    const view = show('rc')
    await waitFor(() => expect(view.getByText('Nguyễn Văn An')).toBeTruthy())
    expect(view.queryByRole('region', { name: 'Kết quả giải thưởng' })).toBeNull()
    expect(calls.some((c) => c.path.endsWith('/prizes'))).toBe(false)
    status.value = 'finalized'
    const es = FakeEventSource.all[0]
    es.emit('standings', { version: 1 })
    es.emit('standings', { version: 2 })
    await waitFor(() => expect(view.getByRole('region', { name: 'Kết quả giải thưởng' })).toBeTruthy())
    expect(FakeEventSource.all).toHaveLength(1)
  })
})

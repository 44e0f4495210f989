import { MemoryRouter, Route } from '@solidjs/router'
import { cleanup, render, waitFor } from '@solidjs/testing-library'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Leaderboard } from '../../api/schemas/wire'
import { LeaderboardBoard } from '../../web/components/leaderboard-board'
import { FakeEventSource, stubEventSource } from './fake-event-source'

const entry = (rank: number, fullName: string) => ({ rank, participantId: `p${rank}`, fullName, unitId: 'u', unitName: 'Chi bộ Phòng Tổng hợp', score: 5 - rank, maxScore: 5, durationMs: 61_000 })
let board: Leaderboard

beforeEach(() => {
  stubEventSource()
  board = { round: { id: 'r1', status: 'open', frozen: true }, total: 1, entries: [entry(1, 'Nguyễn Văn An')] }
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ ...board, serverTime: new Date().toISOString() }), { headers: { 'content-type': 'application/json' } })))
})
afterEach(() => { cleanup(); vi.unstubAllGlobals() })

const show = () => render(() => (
  <MemoryRouter>
    <Route path="/" component={() => <LeaderboardBoard scope="round" id="r1" streamRounds={['r1']} freezeAt="2026-03-09T01:00:00Z" />} />
  </MemoryRouter>
))

describe('LeaderboardBoard', () => {
  it('shows the frozen state with the freeze time in Hanoi', async () => {
    const view = show()
    await waitFor(() => expect(view.getByText('Nguyễn Văn An')).toBeTruthy())
    expect(view.getByRole('status').textContent).toContain('đóng băng')
    expect(view.getByRole('status').textContent).toContain('08:00 09/03/2026')
  })

  it('refetches when the stream reports a new standings version, not on the first event', async () => {
    const view = show()
    await waitFor(() => expect(view.getByText('Nguyễn Văn An')).toBeTruthy())
    const es = FakeEventSource.all[0]
    expect(es.url).toBe('/api/rounds/r1/leaderboard/stream')
    es.emit('open')
    await waitFor(() => expect(view.getByText(/Trực tiếp/)).toBeTruthy())
    const calls = () => vi.mocked(fetch).mock.calls.length
    const before = calls()
    es.emit('standings', { version: 3 })
    await new Promise((r) => setTimeout(r, 20))
    expect(calls()).toBe(before)
    board = { round: { id: 'r1', status: 'open', frozen: false }, total: 2, entries: [entry(1, 'Trần Thị Bình'), entry(2, 'Nguyễn Văn An')] }
    es.emit('standings', { version: 4 })
    await waitFor(() => expect(view.getByText('Trần Thị Bình')).toBeTruthy())
    expect(view.queryByText(/đóng băng/)).toBeNull()
  })
})

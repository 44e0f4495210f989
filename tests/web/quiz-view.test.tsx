import { cleanup, fireEvent, render, waitFor } from '@solidjs/testing-library'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Attempt } from '../../api/schemas/wire'
import { QuizView } from '../../web/components/quiz-view'
import { queueKey } from '../../web/stores/answer-queue'
import { resetClock } from '../../web/stores/clock'

const now = Date.now()
const attempt = (id: string, deadlineMs = 600_000): Attempt => ({
  id, roundId: 'r1', number: 1, status: 'in_progress', startedAt: new Date(now).toISOString(), deadlineAt: new Date(Date.now() + deadlineMs).toISOString(),
  items: [1, 2, 3].map((position) => ({
    position, questionId: `q${position}`, type: 'single' as const, stem: `Câu hỏi thứ ${position}?`,
    options: [{ key: 'A', text: 'Phương án một' }, { key: 'B', text: 'Phương án hai' }], choice: position === 3 ? ['B'] : [],
  })),
})

// A fetch that answers PUTs like the server, or fails like a dropped connection while `offline` is set.
function mockServer() {
  const puts: { url: string; body: unknown }[] = []
  const submits: string[] = []
  const state = { offline: false, signedOut: false }
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    if (state.offline) throw new TypeError('Failed to fetch')
    if (state.signedOut) {
      if (init.method === 'PUT') puts.push({ url: `401 ${url}`, body: JSON.parse(String(init.body)) })
      return new Response(JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'Bạn cần đăng nhập.' } }), { status: 401, headers: { 'content-type': 'application/json' } })
    }
    if (init.method === 'PUT') puts.push({ url, body: JSON.parse(String(init.body)) })
    if (init.method === 'POST') submits.push(url)
    const body = init.method === 'POST' ? { result: { attemptId: 'x', score: 1, maxScore: 3, correctCount: 1, durationMs: 1000, submittedAt: null } } : { saved: true }
    return new Response(JSON.stringify({ ...body, serverTime: new Date().toISOString() }), { status: 200, headers: { 'content-type': 'application/json' } })
  }))
  return { puts, submits, state }
}

describe('QuizView', () => {
  beforeEach(() => { localStorage.clear(); resetClock() })
  afterEach(() => { cleanup(); vi.unstubAllGlobals() })

  it('saves a choice at once and shows it saved in the question and the navigator', async () => {
    const server = mockServer()
    const a = attempt('t1')
    const view = render(() => <QuizView attempt={a} onFinished={() => undefined} />)
    fireEvent.click(view.getByLabelText(/Phương án hai/))
    await waitFor(() => expect(view.getByText(/Đã lưu/)).toBeTruthy())
    expect(server.puts).toEqual([{ url: '/api/attempts/t1/items/1', body: { choice: ['B'] } }])
    expect(view.getByRole('button', { name: 'Câu 1: đã trả lời' })).toBeTruthy()
    expect(view.getByRole('button', { name: 'Câu 2: chưa trả lời' })).toBeTruthy()
    expect(view.getByText('Đã trả lời: 2 · Chưa trả lời: 1')).toBeTruthy()
  })

  it('keeps an answer made offline pending, with the banner, until the network is back', async () => {
    const server = mockServer()
    server.state.offline = true
    const a = attempt('t2')
    const view = render(() => <QuizView attempt={a} onFinished={() => undefined} />)
    fireEvent.click(view.getByLabelText(/Phương án một/))
    await waitFor(() => expect(view.getByText(/Đang chờ gửi 1 câu trả lời/)).toBeTruthy())
    expect(view.getByText(/Đang chờ gửi…/)).toBeTruthy()
    expect(localStorage.getItem(queueKey('t2'))).toContain('"A"')
    server.state.offline = false
    window.dispatchEvent(new window.Event('online'))
    await waitFor(() => expect(view.getByText(/Đã lưu/)).toBeTruthy(), { timeout: 300 })
    expect(view.queryByText(/Đang chờ gửi 1 câu trả lời/)).toBeNull()
    expect(server.puts).toHaveLength(1)
  })

  it('submits by itself at the deadline, after the last answer is saved', async () => {
    const server = mockServer()
    const onFinished = vi.fn()
    const a = attempt('t4', 1200)
    const view = render(() => <QuizView attempt={a} onFinished={onFinished} />)
    fireEvent.click(view.getByLabelText(/Phương án hai/))
    await waitFor(() => expect(onFinished).toHaveBeenCalledWith('Hết giờ. Bài làm được nộp tự động với các câu đã lưu.'), { timeout: 3000 })
    expect(server.puts).toHaveLength(1)
    expect(server.submits).toEqual(['/api/attempts/t4/submit'])
    expect(view.getByRole('timer').textContent).toBe('00:00')
  })

  it('after a reload shows the queued choice over the server one and sends it', async () => {
    const server = mockServer()
    localStorage.setItem(queueKey('t3'), JSON.stringify({ 3: { choice: ['A'], seq: 1 } }))
    localStorage.setItem('hoithi:position:t3', '3')
    const a = attempt('t3')
    const view = render(() => <QuizView attempt={a} onFinished={() => undefined} />)
    expect((view.getByLabelText(/Phương án một/) as HTMLInputElement).checked).toBe(true)
    await waitFor(() => expect(server.puts).toEqual([{ url: '/api/attempts/t3/items/3', body: { choice: ['A'] } }]))
    await waitFor(() => expect(localStorage.getItem(queueKey('t3'))).toBeNull())
  })

  it('when the session ends mid-quiz keeps the answer, asks to sign in again with a way back, and sends it after', async () => {
    const server = mockServer()
    server.state.signedOut = true
    const a = attempt('t5')
    const view = render(() => <QuizView attempt={a} onFinished={() => undefined} />)
    fireEvent.click(view.getByLabelText(/Phương án hai/))
    const prompt = await waitFor(() => view.getByRole('alert'))
    expect(prompt.textContent).toContain('Phiên đăng nhập đã hết hạn')
    const link = view.getByRole('link', { name: 'Đăng nhập lại' })
    expect(link.getAttribute('href')).toBe(`/dang-nhap?next=${encodeURIComponent('/luot-thi/t5')}`)
    expect(view.getByText(/Đang chờ gửi…/)).toBeTruthy()
    expect(localStorage.getItem(queueKey('t5'))).toContain('"B"')
    // A second click is kept too, but nothing more goes out while signed out.
    fireEvent.click(view.getByRole('button', { name: /^Câu 2: / }))
    fireEvent.click(view.getByLabelText(/Phương án một/))
    await new Promise((r) => setTimeout(r, 50))
    expect(server.puts).toHaveLength(1)
    expect(JSON.parse(localStorage.getItem(queueKey('t5'))!)).toMatchObject({ 1: { choice: ['B'] }, 2: { choice: ['A'] } })

    // Signed in again (here in another tab): back on this page, the queue goes out and the prompt leaves.
    server.state.signedOut = false
    window.dispatchEvent(new window.Event('focus'))
    await waitFor(() => expect(localStorage.getItem(queueKey('t5'))).toBeNull())
    expect(server.puts.slice(1).map((p) => p.url)).toEqual(['/api/attempts/t5/items/1', '/api/attempts/t5/items/2'])
    expect(view.queryByText(/Phiên đăng nhập đã hết hạn/)).toBeNull()
    expect(view.getByText(/Đã lưu/)).toBeTruthy()
  })

  it('a new page after signing in sends what the signed-out page left in storage', async () => {
    const server = mockServer()
    localStorage.setItem(queueKey('t6'), JSON.stringify({ 2: { choice: ['A'], seq: 1 } }))
    render(() => <QuizView attempt={attempt('t6')} onFinished={() => undefined} />)
    await waitFor(() => expect(server.puts).toEqual([{ url: '/api/attempts/t6/items/2', body: { choice: ['A'] } }]))
  })

  it('a submit refused for a lost session shows the sign-in prompt, not a network retry', async () => {
    const server = mockServer()
    const a = attempt('t7')
    const view = render(() => <QuizView attempt={a} round={undefined} onFinished={() => undefined} />)
    server.state.signedOut = true
    fireEvent.click(view.getByRole('button', { name: 'Nộp bài' }))
    fireEvent.click(await waitFor(() => document.getElementById('submit-attempt')!))
    fireEvent.click(document.getElementById('confirm-submit-button')!)
    await waitFor(() => expect(view.getByRole('link', { name: 'Đăng nhập lại' })).toBeTruthy())
    expect(view.queryByText(/đang thử lại/)).toBeNull()
    expect(server.submits).toEqual([])
  })
})

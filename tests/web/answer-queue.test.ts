import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AnswerQueue, queueKey, type SendResult } from '../../web/stores/answer-queue'

class MemoryStorage {
  data = new Map<string, string>()
  getItem(k: string) { return this.data.get(k) ?? null }
  setItem(k: string, v: string) { this.data.set(k, v) }
  removeItem(k: string) { this.data.delete(k) }
}

type Call = { position: number; choice: string[] }
// A fake server whose answers the test releases one by one, so ordering and overlap can be observed.
function fakeServer() {
  const calls: Call[] = []
  const pending: ((r: SendResult) => void)[] = []
  const send = (position: number, choice: string[]) => new Promise<SendResult>((resolve) => {
    calls.push({ position, choice })
    pending.push(resolve)
  })
  const answer = async (r: SendResult = { ok: true }) => {
    await vi.waitFor(() => expect(pending.length).toBeGreaterThan(0))
    pending.shift()!(r)
    await Promise.resolve()
  }
  return { calls, send, answer, inFlight: () => pending.length }
}

const flush = () => new Promise((r) => setTimeout(r, 0))

describe('answer queue', () => {
  let storage: MemoryStorage
  beforeEach(() => { storage = new MemoryStorage() })
  afterEach(() => { vi.useRealTimers() })

  it('sends choices one at a time in the order they were clicked and marks them saved', async () => {
    const server = fakeServer()
    const q = new AnswerQueue({ attemptId: 'a1', send: server.send, storage })
    q.set(2, ['B'])
    q.set(1, ['A'])
    q.set(3, ['C', 'D'])
    expect(server.inFlight()).toBe(1)
    expect(q.pendingCount).toBe(3)
    for (let i = 0; i < 3; i++) await server.answer()
    await flush()
    expect(server.calls.map((c) => c.position)).toEqual([2, 1, 3])
    expect([1, 2, 3].map((p) => q.state(p))).toEqual(['saved', 'saved', 'saved'])
    expect(storage.getItem(queueKey('a1'))).toBeNull()
  })

  it('the last choice for a question wins even when an older one is still in flight', async () => {
    const server = fakeServer()
    const q = new AnswerQueue({ attemptId: 'a1', send: server.send, storage })
    q.set(1, ['A'])
    q.set(1, ['B'])
    q.set(1, ['C'])
    await server.answer()
    expect(q.state(1)).toBe('pending')
    await server.answer()
    await flush()
    expect(server.calls.map((c) => c.choice)).toEqual([['A'], ['C']])
    expect(q.state(1)).toBe('saved')
    expect(q.pendingCount).toBe(0)
  })

  it('keeps answers pending while the network is down and retries with backoff until they go through', async () => {
    vi.useFakeTimers()
    let online = false
    const send = vi.fn(async (): Promise<SendResult> => (online ? { ok: true } : { ok: false, retry: true }))
    const q = new AnswerQueue({ attemptId: 'a1', send, storage, delays: [1000, 2000, 4000] })
    q.set(4, ['A'])
    await vi.advanceTimersByTimeAsync(0)
    expect(send).toHaveBeenCalledTimes(1)
    expect(q.state(4)).toBe('pending')
    await vi.advanceTimersByTimeAsync(999)
    expect(send).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(send).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(2000)
    expect(send).toHaveBeenCalledTimes(3)
    expect(JSON.parse(storage.getItem(queueKey('a1'))!)).toMatchObject({ 4: { choice: ['A'] } })
    online = true
    q.retryNow()
    await vi.advanceTimersByTimeAsync(0)
    expect(q.state(4)).toBe('saved')
    expect(q.pendingCount).toBe(0)
  })

  it('retries at once when told the network is back while a doomed send is still in flight', async () => {
    const server = fakeServer()
    const q = new AnswerQueue({ attemptId: 'a1', send: server.send, storage, delays: [60_000] })
    q.set(1, ['A'])
    q.retryNow()
    await server.answer({ ok: false, retry: true })
    await server.answer({ ok: true })
    await flush()
    expect(server.calls).toHaveLength(2)
    expect(q.state(1)).toBe('saved')
  })

  it('survives a reload: a new queue on the same storage wins over the server and sends what was left', async () => {
    const stuck = new AnswerQueue({ attemptId: 'a9', send: async () => ({ ok: false, retry: true }), storage, delays: [60_000] })
    stuck.set(2, ['D'])
    await flush()
    stuck.dispose()
    const server = fakeServer()
    const reloaded = new AnswerQueue({ attemptId: 'a9', send: server.send, storage })
    const merged = reloaded.merge(new Map([[1, ['A']], [2, ['B']], [3, []]]))
    expect(merged.get(2)).toEqual(['D'])
    expect(merged.get(1)).toEqual(['A'])
    expect(reloaded.state(1)).toBe('saved')
    expect(reloaded.state(2)).toBe('pending')
    expect(reloaded.state(3)).toBeUndefined()
    reloaded.retryNow()
    await server.answer()
    await flush()
    expect(server.calls).toEqual([{ position: 2, choice: ['D'] }])
    expect(reloaded.state(2)).toBe('saved')
    expect(storage.getItem(queueKey('a9'))).toBeNull()
  })

  it('stops retrying once the attempt is closed and says so', async () => {
    const onClosed = vi.fn()
    const send = vi.fn(async (): Promise<SendResult> => ({ ok: false, retry: false, closed: true }))
    const q = new AnswerQueue({ attemptId: 'a1', send, storage, onClosed })
    q.set(1, ['A'])
    q.set(2, ['B'])
    await flush()
    expect(onClosed).toHaveBeenCalledTimes(1)
    expect(send).toHaveBeenCalledTimes(1)
    q.set(3, ['C'])
    await flush()
    expect(send).toHaveBeenCalledTimes(1)
  })

  it('shows an error for an answer the server refuses for good and does not resend it', async () => {
    const send = vi.fn(async (): Promise<SendResult> => ({ ok: false, retry: false, message: 'phương án không hợp lệ' }))
    const q = new AnswerQueue({ attemptId: 'a1', send, storage })
    q.set(1, ['Z'])
    await flush()
    expect(q.state(1)).toBe('error')
    expect(q.error(1)).toBe('phương án không hợp lệ')
    expect(q.pendingCount).toBe(0)
  })

  it('drained() resolves true once everything is acknowledged, false on timeout while offline', async () => {
    const server = fakeServer()
    const q = new AnswerQueue({ attemptId: 'a1', send: server.send, storage })
    q.set(1, ['A'])
    const done = q.drained(1000)
    await server.answer()
    expect(await done).toBe(true)
    const offline = new AnswerQueue({ attemptId: 'a2', send: async () => ({ ok: false, retry: true }), storage, delays: [60_000] })
    offline.set(1, ['A'])
    expect(await offline.drained(20)).toBe(false)
    offline.dispose()
  })

  it('holds answers when the session ends, sends nothing more until sign-in, then flushes them in click order', async () => {
    let signedIn = true
    const calls: number[] = []
    const send = vi.fn(async (position: number): Promise<SendResult> => {
      calls.push(position)
      return signedIn ? { ok: true } : { ok: false, retry: false, signedOut: true, message: 'Bạn cần đăng nhập.' }
    })
    const onChange = vi.fn()
    const q = new AnswerQueue({ attemptId: 'a5', send, storage, onChange, delays: [10] })
    signedIn = false
    q.set(1, ['A'])
    await flush()
    expect(q.signedOut).toBe(true)
    expect(q.state(1)).toBe('pending')
    expect(onChange).toHaveBeenCalled()
    q.set(2, ['B'])
    await new Promise((r) => setTimeout(r, 40))
    expect(calls).toEqual([1])
    expect(await q.drained(1000)).toBe(false)
    expect(JSON.parse(storage.getItem(queueKey('a5'))!)).toMatchObject({ 1: { choice: ['A'] }, 2: { choice: ['B'] } })
    signedIn = true
    q.retryNow()
    await flush()
    expect(calls).toEqual([1, 1, 2])
    expect(q.signedOut).toBe(false)
    expect([q.state(1), q.state(2)]).toEqual(['saved', 'saved'])
    expect(storage.getItem(queueKey('a5'))).toBeNull()
  })
})

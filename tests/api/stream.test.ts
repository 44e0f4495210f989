import { describe, expect, it } from 'vitest'
import { testApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt } from '../helpers/contest'
import { listen } from '../helpers/listen'

type Event = { event: string; data: { version: number; serverTime: string } }

// Reads server-sent events from a fetch body as they arrive.
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  return async function next(timeoutMs = 3000): Promise<Event | null> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const cut = buffer.indexOf('\n\n')
      if (cut >= 0) {
        const block = buffer.slice(0, cut)
        buffer = buffer.slice(cut + 2)
        const event = /^event: (.*)$/m.exec(block)?.[1]
        const data = /^data: (.*)$/m.exec(block)?.[1]
        if (event && data) return { event, data: JSON.parse(data) }
        continue
      }
      const left = deadline - Date.now()
      if (left <= 0) return null
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))])
      if (!chunk || chunk.done) return null
      buffer += decoder.decode(chunk.value, { stream: true })
    }
  }
}

describe('GET /rounds/:id/leaderboard/stream', () => {
  it('sends a standings event when a submit changes the standings, and stays quiet after the freeze', async () => {
    const t = testApp()
    const s = await setupContest(t, { round: { freezeAt: new Date(t.clock.now() + 600_000).toISOString() } })
    const server = await listen(t)
    const abort = new AbortController()
    try {
      const res = await fetch(`${server.url}/rounds/${s.roundId}/leaderboard/stream`, { signal: abort.signal })
      expect(res.headers.get('content-type')).toContain('text/event-stream')
      const next = eventReader(res.body!)
      const first = await next()
      expect(first?.event).toBe('standings')
      const p = await registerPerson(t, s.unit.A1)
      const a = await takeAttempt(t, p.agent, s.roundId, 2)
      const sentAt = Date.now()
      await p.agent.post(`/attempts/${a.id}/submit`, {})
      const change = await next(2500)
      expect(change?.data.version).toBeGreaterThan(first!.data.version)
      expect(Date.now() - sentAt).toBeLessThan(2000)

      t.clock.advance(700_000)
      const q = await registerPerson(t, s.unit.A1)
      const b = await takeAttempt(t, q.agent, s.roundId, 5)
      await q.agent.post(`/attempts/${b.id}/submit`, {})
      expect(await next(1800)).toBeNull()
    } finally {
      abort.abort()
      await server.close()
    }
  })
})

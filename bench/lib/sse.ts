import { request, type ClientRequest, type IncomingMessage } from 'node:http'

export type SseEvent = { at: number; version: number }

// One subscriber on its own socket, parsing `event: standings` blocks as they arrive.
export class Subscriber {
  events: SseEvent[] = []
  private req: ClientRequest | null = null
  private res: IncomingMessage | null = null
  private buf = ''
  private waiters: ((e: SseEvent) => void)[] = []
  failed: string | null = null

  constructor(private url: string, private onEvent?: (e: SseEvent, s: Subscriber) => void) {}

  // Resolves on the first event (the server sends the current version at once).
  open(timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.failed = 'timeout'; reject(new Error('SSE open timed out')) }, timeoutMs)
      this.waiters.push(() => { clearTimeout(timer); resolve() })
      this.req = request(this.url, { agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
        this.res = res
        if (res.statusCode !== 200) { this.failed = `HTTP ${res.statusCode}`; clearTimeout(timer); reject(new Error(this.failed)); res.resume(); return }
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => this.feed(chunk))
      })
      this.req.on('error', (e) => { this.failed = String(e); clearTimeout(timer); reject(e) })
      this.req.end()
    })
  }

  private feed(chunk: string) {
    const at = performance.now()
    this.buf += chunk
    let cut: number
    while ((cut = this.buf.indexOf('\n\n')) >= 0) {
      const block = this.buf.slice(0, cut)
      this.buf = this.buf.slice(cut + 2)
      if (!/^event: standings$/m.test(block)) continue
      const data = /^data: (.*)$/m.exec(block)?.[1]
      let version = NaN
      try { version = Number(JSON.parse(data ?? '{}').version) } catch { /* keep NaN */ }
      const e = { at, version }
      this.events.push(e)
      for (const w of this.waiters.splice(0)) w(e)
      this.onEvent?.(e, this)
    }
  }

  get version(): number { return this.events.at(-1)?.version ?? NaN }

  close() {
    this.res?.destroy()
    this.req?.destroy()
  }
}

// Opens n subscribers in batches (the listen backlog is finite), each waiting for its first event.
export async function openSubscribers(url: string, n: number, onEvent?: (e: SseEvent, s: Subscriber) => void, batch = 100): Promise<Subscriber[]> {
  const subs: Subscriber[] = []
  for (let i = 0; i < n; i += batch) {
    const group = Array.from({ length: Math.min(batch, n - i) }, () => new Subscriber(url, onEvent))
    await Promise.all(group.map((s) => s.open()))
    subs.push(...group)
  }
  return subs
}

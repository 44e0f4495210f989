// Answers waiting to reach the server, one attempt per queue. Every choice is written to localStorage
// before it is sent, so a reload, a dead battery or a lost network never loses a click. Sends go one at a
// time in the order clicked; a newer choice for a question replaces an older one not yet acknowledged.

export type SaveState = 'saved' | 'pending' | 'error'
export type SendResult = { ok: true } | { ok: false; retry: boolean; closed?: boolean; signedOut?: boolean; message?: string }
type Entry = { choice: string[]; seq: number }
type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export type QueueOptions = {
  attemptId: string
  send: (position: number, choice: string[]) => Promise<SendResult>
  storage?: StorageLike
  onChange?: () => void
  onClosed?: () => void
  delays?: number[]
}

export const queueKey = (attemptId: string) => `hoithi:answers:${attemptId}`
const DEFAULT_DELAYS = [1000, 2000, 4000, 8000, 15000]

export class AnswerQueue {
  private pending = new Map<number, Entry>()
  private states = new Map<number, SaveState>()
  private errors = new Map<number, string>()
  private seq = 0
  private running = false
  private nudged = false
  private failures = 0
  private timer: ReturnType<typeof setTimeout> | null = null
  private idle: (() => void)[] = []
  closed = false
  // The session ended: answers stay queued (and stored) but nothing is sent until retryNow() after signing in.
  signedOut = false

  constructor(private opts: QueueOptions) {
    const raw = this.storage?.getItem(queueKey(opts.attemptId))
    if (!raw) return
    try {
      const saved = JSON.parse(raw) as Record<string, Entry>
      for (const [pos, e] of Object.entries(saved)) {
        if (!Array.isArray(e.choice)) continue
        this.pending.set(Number(pos), e)
        this.states.set(Number(pos), 'pending')
        this.seq = Math.max(this.seq, e.seq)
      }
    } catch { /* a corrupt entry is worth less than a working page */ }
  }

  private get storage() {
    return this.opts.storage ?? (typeof localStorage === 'undefined' ? undefined : localStorage)
  }

  // The server's choices overlaid with what is still waiting here: the queue is newer.
  merge(server: Map<number, string[]>): Map<number, string[]> {
    const out = new Map(server)
    for (const [pos, e] of this.pending) out.set(pos, e.choice)
    for (const [pos, choice] of server) if (!this.states.has(pos) && choice.length) this.states.set(pos, 'saved')
    return out
  }

  set(position: number, choice: string[]) {
    if (this.closed) return
    this.pending.set(position, { choice: [...choice], seq: ++this.seq })
    this.states.set(position, 'pending')
    this.errors.delete(position)
    this.persist()
    this.changed()
    this.kick()
  }

  state(position: number): SaveState | undefined { return this.states.get(position) }
  error(position: number): string | undefined { return this.errors.get(position) }
  get pendingCount() { return this.pending.size }
  pendingPositions() { return [...this.pending.keys()].sort((a, b) => a - b) }

  // Try now instead of waiting for the backoff, e.g. when the browser says it is online again.
  retryNow() {
    this.signedOut = false
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.failures = 0
    // A send still in flight may be the one about to fail: try again right after it instead of backing off.
    if (this.running) this.nudged = true
    else this.kick()
  }

  // Resolves when nothing is waiting or sending, or when the timeout passes.
  drained(timeoutMs = 5000): Promise<boolean> {
    if (!this.pending.size || this.closed || this.signedOut) return Promise.resolve(!this.pending.size)
    return new Promise((resolve) => {
      const t = setTimeout(() => resolve(false), timeoutMs)
      this.idle.push(() => { clearTimeout(t); resolve(!this.pending.size) })
    })
  }

  dispose() {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.closed = true
  }

  private kick() {
    if (!this.running && !this.timer && !this.closed && !this.signedOut) void this.run()
  }

  private async run() {
    this.running = true
    try {
      for (;;) {
        const next = [...this.pending.entries()].sort((a, b) => a[1].seq - b[1].seq)[0]
        if (!next || this.closed || this.signedOut) break
        const [pos, entry] = next
        let result: SendResult
        try { result = await this.opts.send(pos, entry.choice) } catch { result = { ok: false, retry: true } }
        if (this.closed) break
        if (result.ok) {
          this.failures = 0
          if (this.pending.get(pos)?.seq === entry.seq) {
            this.pending.delete(pos)
            this.states.set(pos, 'saved')
          }
        } else if (result.closed) {
          this.closed = true
          this.changed()
          this.opts.onClosed?.()
          break
        } else if (result.signedOut) {
          this.signedOut = true
          this.nudged = false
          this.changed()
          break
        } else if (result.retry) {
          if (this.nudged) {
            this.nudged = false
            continue
          }
          this.schedule()
          break
        } else {
          // Refused for good (bad data, not found): keep the click out of the queue, show it failed.
          if (this.pending.get(pos)?.seq === entry.seq) this.pending.delete(pos)
          this.states.set(pos, 'error')
          this.errors.set(pos, result.message ?? '')
        }
        this.persist()
        this.changed()
      }
    } finally {
      this.running = false
      if (!this.pending.size || this.closed || this.signedOut) this.settle()
    }
  }

  private schedule() {
    const delays = this.opts.delays ?? DEFAULT_DELAYS
    const wait = delays[Math.min(this.failures, delays.length - 1)]
    this.failures++
    this.timer = setTimeout(() => { this.timer = null; this.kick() }, wait)
  }

  private settle() {
    const waiting = this.idle
    this.idle = []
    for (const w of waiting) w()
  }

  private persist() {
    const s = this.storage
    if (!s) return
    try {
      if (!this.pending.size) s.removeItem(queueKey(this.opts.attemptId))
      else s.setItem(queueKey(this.opts.attemptId), JSON.stringify(Object.fromEntries(this.pending)))
    } catch { /* storage full or blocked (private mode): the in-memory queue still works */ }
  }

  private changed() { this.opts.onChange?.() }
}

import type { Db } from './client'

type Job = { fn: () => unknown; resolve: (value: unknown) => void; reject: (err: unknown) => void; result?: unknown; error?: unknown; failed?: boolean }

// Group commit: writes that arrive in the same event-loop turn run one after another inside one SQLite
// transaction, each in its own savepoint, and are answered after that single COMMIT.
// Why: a commit writes every page the transaction dirtied to the WAL, and a start dirties ~30 pages (items,
// their question index, the attempts indexes). Successive starts and submits touch the same right-hand
// pages, so one commit for twenty of them writes far fewer pages than twenty commits.
// The rules are the same as running them one by one: the jobs run in arrival order on one connection, a
// job's failure rolls back only its own savepoint, and nobody hears "done" before the commit.
export class GroupCommit {
  private queue: Job[] = []
  private scheduled = false
  /** Transactions committed or refused so far, and the jobs they carried: how well writes are grouped. */
  batches = 0
  jobs = 0

  // A batch ends at maxBatch jobs or once it has run budgetMs: the first job of a batch is answered only
  // after the last one, so the budget bounds what grouping adds to any one write's latency.
  private maxBatch: number
  private budgetMs: number
  private now: () => number
  private afterCommit: () => void

  constructor(private db: Db, options: { maxBatch?: number; budgetMs?: number; now?: () => number; afterCommit?: () => void } = {}) {
    this.maxBatch = options.maxBatch ?? 64
    this.budgetMs = options.budgetMs ?? 4
    this.now = options.now ?? performance.now.bind(performance)
    this.afterCommit = options.afterCommit ?? (() => undefined)
  }

  run<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject })
      if (!this.scheduled) {
        this.scheduled = true
        // setImmediate runs after the poll phase: every request parsed in this turn joins the batch.
        setImmediate(() => this.flush())
      }
    })
  }

  private flush() {
    this.scheduled = false
    const client = this.db.$client
    const started = this.now()
    const batch: Job[] = []
    try {
      client.transaction(() => {
        while (this.queue.length && batch.length < this.maxBatch && (batch.length === 0 || this.now() - started < this.budgetMs)) {
          const job = this.queue.shift()!
          batch.push(job)
          try {
            job.result = client.transaction(job.fn)() // nested: a savepoint, rolled back alone on a throw
          } catch (err) {
            // Some errors (SQLITE_FULL, I/O) end the whole transaction: then nothing of the batch is kept.
            if (!client.inTransaction) throw err
            job.failed = true
            job.error = err
          }
        }
      }).immediate()
    } catch (err) {
      // The COMMIT itself failed, or a job's error ended the transaction: nothing of the batch was kept.
      for (const job of batch) job.reject(err)
      return
    } finally {
      this.batches++
      this.jobs += batch.length
      if (this.queue.length && !this.scheduled) {
        this.scheduled = true
        setImmediate(() => this.flush())
      }
    }
    this.afterCommit()
    for (const job of batch) job.failed ? job.reject(job.error) : job.resolve(job.result)
  }
}

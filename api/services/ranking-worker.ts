import Database from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import { answerTask } from '../lib/worker-task'
import { rankingBuffers, rankRound, type RankingQuestion } from './final-ranking'

// Runs in a worker thread (see finalize.ts): ranks a round on a read-only connection of its own, so the
// seconds SQLite spends sorting a million attempts never stop the server's event loop.
const job = workerData as RankingQuestion & { path: string }
const CACHE_KB = 2000
void answerTask(parentPort!, async () => {
  const client = new Database(job.path, { readonly: true, fileMustExist: true })
  try {
    client.pragma('busy_timeout = 5000')
    // 2 MB of page cache instead of the 16 MB better-sqlite3 builds in: the ranking reads each page of the
    // round's attempts about once, and SQLite's sorter keeps up to the cache size of rows in memory per sort
    // before it spills a sorted run to a temporary file (the OS's page cache, not this process). At 900,000
    // people this takes ~35 MB off the worker's peak and no measurable time (bench/README.md, "The finalize's memory").
    client.pragma(`cache_size = -${CACHE_KB}`)
    return rankRound(client, job)
  } finally {
    client.close()
  }
}, undefined, rankingBuffers)

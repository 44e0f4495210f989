import Database from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import { answerTask } from '../lib/worker-task'
import { rankRound, type RankingQuestion } from './final-ranking'

// Runs in a worker thread (see finalize.ts): ranks a round on a read-only connection of its own, so the
// seconds SQLite spends sorting a million attempts never stop the server's event loop.
const job = workerData as RankingQuestion & { path: string }
void answerTask(parentPort!, async () => {
  const client = new Database(job.path, { readonly: true, fileMustExist: true })
  try {
    client.pragma('busy_timeout = 5000')
    return rankRound(client, job)
  } finally {
    client.close()
  }
})

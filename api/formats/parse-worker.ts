import { parentPort, workerData } from 'node:worker_threads'
import { answerTask } from '../lib/worker-task'
import type { ParseJob } from './off-thread'

// Runs in a worker thread (see off-thread.ts): one import file parsed, the result posted back.
const job = workerData as ParseJob
void answerTask(parentPort!, async () => {
  if (job.task === 'questions') return (await import('./index')).parseImport(job.format, job.body)
  return (await import('./units-import')).parseUnitsImport(job.format, job.body)
})

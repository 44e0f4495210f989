import { parentPort, workerData } from 'node:worker_threads'
import { answerTask } from '../lib/worker-task'
import type { ParseJob } from './off-thread'

// Runs in a worker thread (see off-thread.ts): one import file parsed, the result posted back.
const job = workerData as ParseJob
if (job.task === 'questions') void answerTask(parentPort!, async () => (await import('./index')).parseImport(job.format, job.body), 'questions')
else void answerTask(parentPort!, async () => (await import('./units-import')).parseUnitsImport(job.format, job.body), 'units')

import { parentPort, workerData } from 'node:worker_threads'
import { answerTask } from '../lib/worker-task'
import type { PdfJob } from './render'

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<{ bytes: Uint8Array }> {
  return { bytes: new Uint8Array(await new Response(stream).arrayBuffer()) }
}

// Runs in a worker thread (see render.ts): one document drawn, its bytes posted back.
const job = workerData as PdfJob
void answerTask(parentPort!, async () => {
  if (job.kind === 'winners') return bytesOf((await import('./winners-pdf')).winnersPdf(job.list, job.settings))
  if (job.kind === 'units') return bytesOf((await import('./units-pdf')).unitsPdf(job.report, job.settings))
  return bytesOf((await import('./certificate-pdf')).certificatePdf(job.certificate, job.settings))
})

import { Worker } from 'node:worker_threads'
import { AppError, type ErrorCode } from '../errors'

export type TaskReply<T> = { ok: T } | { error: { code: ErrorCode | 'INTERNAL'; message: string; details?: unknown } }

// Runs one task module in a worker thread: heavy parsing there keeps the server's event loop answering,
// and the worker's own heap limit bounds what a hostile file can take (past it the worker dies, not the
// server). The module reads `workerData` and posts one TaskReply. From TypeScript sources (tsx) the
// worker registers the same loader first; a built server runs the .js beside it.
export function runWorkerTask<T>(module: URL, data: unknown, options: { maxHeapMb: number; transfer?: ArrayBuffer[]; tooLarge: string }): Promise<T> {
  const source = module.href.endsWith('.ts')
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}) })`
    : `import(${JSON.stringify(module.href)})`
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: data, transferList: options.transfer, resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb } })
    let settled = false
    const settle = (fn: () => void) => {
      if (settled) return
      settled = true
      fn()
      void worker.terminate()
    }
    worker.on('message', (reply: TaskReply<T>) => settle(() => {
      if ('ok' in reply) resolve(reply.ok)
      else reject(reply.error.code === 'INTERNAL' ? new Error(reply.error.message) : new AppError(reply.error.code, reply.error.message, reply.error.details))
    }))
    worker.on('error', (err: Error & { code?: string }) => settle(() => {
      reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new AppError('PAYLOAD_TOO_LARGE', options.tooLarge) : err)
    }))
    worker.on('exit', (code) => settle(() => reject(new Error(`worker exited with code ${code} before answering`))))
  })
}

// The worker's side: runs `work` on the data and posts its result, or its error as a code and message.
export async function answerTask<T>(port: { postMessage(value: unknown): void }, work: () => Promise<T>): Promise<void> {
  try {
    port.postMessage({ ok: await work() } satisfies TaskReply<T>)
  } catch (err) {
    const error = err instanceof AppError ? { code: err.code, message: err.message, details: err.details } : { code: 'INTERNAL' as const, message: String((err as Error)?.stack ?? err) }
    port.postMessage({ error } satisfies TaskReply<T>)
  }
}

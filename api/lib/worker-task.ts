import { Worker, type MessagePort } from 'node:worker_threads'
import { AppError, type ErrorCode } from '../errors'

export type TaskReply<T> = { ok: T } | { part: unknown[] } | { error: { code: ErrorCode | 'INTERNAL'; message: string; details?: unknown } }

// A long array in a result (20,000 parsed questions) crosses in parts, the next one asked for after a
// turn of the event loop: copying it in is done on the server's thread, and in one go (one message, or
// many read in one turn) it held the event loop for a quarter of a second.
const PART = 500

// Runs one task module in a worker thread: heavy parsing there keeps the server's event loop answering,
// and the worker's own heap limit bounds what a hostile file can take (past it the worker dies, not the
// server). The module reads `workerData` and posts one TaskReply. From TypeScript sources (tsx) the
// worker registers the same loader first; a built server runs the .js beside it.
export function runWorkerTask<T>(module: URL, data: unknown, options: { maxHeapMb: number; transfer?: ArrayBuffer[]; tooLarge: string; parts?: keyof T & string }): Promise<T> {
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
    const parts: unknown[] = []
    worker.on('message', (reply: TaskReply<T>) => {
      if ('part' in reply) {
        for (const item of reply.part) parts.push(item)
        setImmediate(() => worker.postMessage('more'))
        return
      }
      settle(() => {
        if ('ok' in reply) resolve(options.parts ? { ...reply.ok, [options.parts]: parts } : reply.ok)
        else reject(reply.error.code === 'INTERNAL' ? new Error(reply.error.message) : new AppError(reply.error.code, reply.error.message, reply.error.details))
      })
    })
    worker.on('error', (err: Error & { code?: string }) => settle(() => {
      reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new AppError('PAYLOAD_TOO_LARGE', options.tooLarge) : err)
    }))
    worker.on('exit', (code) => settle(() => reject(new Error(`worker exited with code ${code} before answering`))))
  })
}

// The worker's side: runs `work` on the data and posts its result, or its error as a code and message.
// With `parts`, that array field of the result is posted a slice at a time first. `transfer` names the
// buffers of the result that move to the server's thread instead of being copied (the worker is done with them).
export async function answerTask<T>(port: MessagePort, work: () => Promise<T>, parts?: keyof T & string, transfer?: (result: T) => ArrayBuffer[]): Promise<void> {
  try {
    const result = await work()
    if (parts) {
      const list = result[parts] as unknown[]
      for (let i = 0; i < list.length; i += PART) {
        port.postMessage({ part: list.slice(i, i + PART) } satisfies TaskReply<T>)
        await new Promise((resolve) => port.once('message', resolve))
      }
      port.postMessage({ ok: { ...result, [parts]: [] } } satisfies TaskReply<T>)
      return
    }
    port.postMessage({ ok: result } satisfies TaskReply<T>, transfer?.(result))
  } catch (err) {
    const error = err instanceof AppError ? { code: err.code, message: err.message, details: err.details } : { code: 'INTERNAL' as const, message: String((err as Error)?.stack ?? err) }
    port.postMessage({ error } satisfies TaskReply<T>)
  }
}

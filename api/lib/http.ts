import type { Context, TypedResponse } from 'hono'
import type { JSONParsed } from 'hono/utils/types'
import type { z } from 'zod'
import { AppError } from '../errors'
import { fieldName, issueSentence, predicate, type Where } from './validation-message'

type JsonStatus = 200 | 201
// Every JSON response carries the server's time so clients can correct their clocks (API.md).
export function send<T extends object>(c: Context, body: T, status: JsonStatus = 200) {
  return c.json({ ...body, serverTime: serverTime(c) }, status)
}

// Content types of the files the API hands out.
export const FILE_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
  text: 'text/plain; charset=utf-8',
} as const

// A file to download under `name`: bytes, or a stream for the big ones.
export function sendFile(c: Context, body: Uint8Array | ReadableStream, type: string, name: string) {
  c.header('Content-Type', type)
  c.header('Content-Disposition', `attachment; filename="${name}"`)
  return c.body(body as Uint8Array<ArrayBuffer> | ReadableStream)
}

// A JSON body kept without its closing brace (a cached page), with serverTime added as send() does; T is
// the shape the text holds, so the app's type (and the web client's) reads it as send()'s would be read.
export function sendOpenJson<T extends object>(c: Context, open: Uint8Array) {
  const tail = `${open.length > 1 ? ',' : ''}"serverTime":"${serverTime(c)}"}`
  const body = Buffer.allocUnsafe(open.length + tail.length)
  body.set(open)
  body.write(tail, open.length, 'latin1')
  const res = c.body(body, 200, { 'Content-Type': 'application/json; charset=UTF-8' })
  return res as unknown as Response & TypedResponse<JSONParsed<T & { serverTime: string }>, 200, 'json'>
}

// The app's own clock (the one deadlines are computed with), so deadlineAt − serverTime is the time left.
export function serverTime(c: Context): string {
  const clock = c.get('clock') as { now(): number } | undefined
  return new Date(clock ? clock.now() : Date.now()).toISOString()
}

// The first problem as a sentence naming the field as a person would ("Mật khẩu phải có ít nhất 10 ký tự.");
// every problem, with its path for forms to place beside their fields, stays in details.issues.
export function validationError(error: z.ZodError, where: Where, ours: ReadonlySet<string> = new Set()): AppError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: issueSentence(fieldName(i.path, where), i.message, ours.has(i.message)) }))
  return new AppError('VALIDATION_FAILED', issues[0]?.message ?? 'Dữ liệu không hợp lệ.', { issues })
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: Where): z.infer<S> {
  // Zod asks this map only where the schema has no message of its own: those words follow the field's name.
  const ours = new Set<string>()
  const parsed = schema.safeParse(value, { error: (issue) => { const m = predicate(issue); ours.add(m); return m } })
  if (!parsed.success) throw validationError(parsed.error, where, ours)
  return parsed.data
}

// Reads the whole body, refusing what is over the limit only after draining it, so the client sees
// the 413 instead of a reset connection (honojs/node-server#327). A declared length within the limit
// takes @hono/node-server's direct read, which skips building a full web Request per call.
export async function readBodyBytes(c: Context, limit: number): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? NaN)
  if (Number.isSafeInteger(declared) && declared >= 0 && declared <= limit) {
    const bytes = new Uint8Array(await c.req.arrayBuffer().catch(() => { throw new ClientAbort() }))
    if (bytes.byteLength > limit) throw tooLarge(limit)
    return bytes
  }
  const stream = c.req.raw.body
  if (!stream) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = stream.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size <= limit) chunks.push(value)
    }
  } catch {
    throw new ClientAbort()
  }
  if (size > limit) throw tooLarge(limit)
  return Buffer.concat(chunks)
}

// The client went away while sending its body (a closed tab, a dropped phone connection): nothing was
// stored, nobody is left to answer, and it is not the server's fault. Logged as an abort, not an error.
export class ClientAbort extends Error {
  constructor() {
    super('the client closed the connection while sending its body')
  }
}

const tooLarge = (limit: number) => new AppError('PAYLOAD_TOO_LARGE', `Dữ liệu gửi lên quá lớn (tối đa ${limit} byte).`)

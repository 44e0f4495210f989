import { zValidator } from '@hono/zod-validator'
import type { Context, Env, MiddlewareHandler } from 'hono'
import { resolver, uniqueSymbol } from 'hono-openapi'
import type { z } from 'zod'
import { AppError } from '../errors'
import { parseWith, readBodyBytes } from './http'
import type { Where } from './validation-message'

// A route's inputs, checked by its schemas before the handler runs: the handler reads them with
// c.req.valid('param' | 'query' | 'json'), the app's type carries them, and the OpenAPI document is
// generated from the same schemas (hono-openapi reads the mark `documented` leaves on the middleware).

type Target = 'param' | 'query' | 'json'

function documented<M extends MiddlewareHandler>(middleware: M, target: Target, schema: z.ZodType): M {
  return Object.assign(middleware, { [uniqueSymbol]: { target, ...resolver(schema) } })
}

// Our parse, not zod-validator's: a failure is the API's VALIDATION_FAILED with the Vietnamese sentence
// naming the field (api/lib/http.ts), never the validator's own 400 body.
const ourParse = (where: Where) => ({
  validationFunction: (schema: z.ZodType, value: unknown) => ({ success: true as const, data: parseWith(schema, value, where) }) as never,
})

export const params = <S extends z.ZodType>(schema: S) => documented(zValidator('param', schema, undefined, ourParse('params')), 'param', schema)

export const query = <S extends z.ZodType>(schema: S) => documented(zValidator('query', schema, undefined, ourParse('query')), 'query', schema)

// The body guards stay ours, ahead of the validator: hono's JSON target reads a body of any size and
// passes over one whose type is not JSON as if it were empty, where API.md wants a 413 and a 400.
export function body<S extends z.ZodType>(schema: S) {
  const validate = zValidator('json', schema, undefined, ourParse('body'))
  const guarded = (async (c, next) => {
    await readJsonText(c)
    return validate(c, next)
  }) as typeof validate
  return documented(guarded, 'json', schema)
}

type InputOf<M> = M extends MiddlewareHandler<any, any, infer I> ? I : never

// For the hottest writes (a saved answer, a submit): the path parameters and the JSON body checked in one
// middleware, as params() and body() check them, with the same messages and the same input types for the
// app and the web client. One async layer instead of three (two validators and the body guard), and the
// body parsed once. `first` runs before the body is read (the attempts' arrival time). The document takes
// the parameters from this middleware's mark and the body from the route's describe({ body }).
export function paramsAndBody<E extends Env, P extends z.ZodType, B extends z.ZodType>(paramSchema: P, bodySchema: B, first?: (c: Context<E>) => void) {
  type Inputs = InputOf<ReturnType<typeof params<P>>> & InputOf<ReturnType<typeof body<B>>>
  const middleware: MiddlewareHandler<E, string, Inputs> = async (c, next) => {
    first?.(c)
    c.req.addValidatedData('param', parseWith(paramSchema, c.req.param(), 'params') as object)
    c.req.addValidatedData('json', parseWith(bodySchema, await readJson(c), 'body') as object)
    await next()
  }
  return documented(middleware, 'param', paramSchema)
}

// hono's JSON media types, as its validator matches them.
const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/i
const mediaType = (c: Context) => (c.req.header('content-type') ?? '').split(';')[0].trim()

// Reads the body within the size limit and refuses what is not UTF-8 JSON with our messages; answers the
// text and the value. A missing body reads as {}.
async function readJsonBody(c: Context): Promise<{ text: string; value: unknown }> {
  const bytes = await readBodyBytes(c, c.get('env').BODY_LIMIT_BYTES)
  if (bytes.byteLength === 0) return { text: '{}', value: {} }
  if (!JSON_MEDIA.test(mediaType(c))) throw new AppError('VALIDATION_FAILED', 'Nội dung gửi lên phải là JSON (Content-Type: application/json).')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new AppError('VALIDATION_FAILED', 'Nội dung gửi lên không phải UTF-8 hợp lệ.')
  }
  try {
    return { text, value: JSON.parse(text) }
  } catch {
    throw new AppError('VALIDATION_FAILED', 'Nội dung gửi lên không phải JSON hợp lệ.')
  }
}

const readJson = async (c: Context) => (await readJsonBody(c)).value

// The body guard ahead of zod-validator: leaves the text in the request's body cache, where the
// validator's c.req.json() finds it. An empty body with no JSON type: hono's validator passes {} itself;
// with one, it parses our '{}'.
async function readJsonText(c: Context): Promise<void> {
  const { text } = await readJsonBody(c)
  ;(c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text)
}

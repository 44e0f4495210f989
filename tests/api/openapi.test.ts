import { Validator } from '@seriousme/openapi-schema-validator'
import { beforeAll, describe, expect, it } from 'vitest'
import { staffAgent, testApp, type TestApp } from '../helpers/app'

// The OpenAPI document is generated from the routes themselves (api/lib/openapi.ts): these tests hold it
// to the app, so a route without its describe(), or a document entry no route answers, fails by name.

type Operation = {
  summary?: string
  'x-roles'?: string[]
  responses?: Record<string, unknown>
  parameters?: { in: string; name: string }[]
}
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> }

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']
// '/x/:id' (or ':id{regex}', ':id?') as OpenAPI writes it: '/x/{id}'.
const openApiPath = (path: string) => path.replace(/:([^/{?]+)(\{[^}]*\})?\??/g, '{$1}')
const paramNames = (path: string) => [...path.matchAll(/:([^/{?]+)/g)].map((m) => m[1])

// Every route of the app once: its middleware ('ALL', app-wide) and wildcards are not operations, and each
// handler of a route (describe, guard, validators, the handler) is an entry of its own in app.routes.
function appRoutes(t: TestApp) {
  const seen = new Map<string, { method: string; path: string }>()
  for (const r of t.app.routes as { method: string; path: string }[]) {
    if (r.method === 'ALL' || r.path.includes('*')) continue
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path })
  }
  return [...seen.values()]
}

let t: TestApp
let doc: Document
beforeAll(async () => {
  t = testApp()
  const res = await t.agent().get('/openapi.json')
  expect(res.status, res.text).toBe(200)
  expect(res.headers.get('content-type')).toContain('application/json')
  doc = res.body as Document
})

describe('get /openapi.json', () => {
  it('is an OpenAPI 3.1 document that validates against the specification', async () => {
    expect(doc.openapi).toBe('3.1.0')
    const { valid, errors } = await new Validator().validate(structuredClone(doc))
    expect(valid, JSON.stringify(errors, null, 2)).toBe(true)
  })

  it('describes every route of the app: summary, roles, a 2xx answer and its path parameters', () => {
    const problems: string[] = []
    for (const { method, path } of appRoutes(t)) {
      const name = `${method} ${path}`
      const op = doc.paths[openApiPath(path)]?.[method.toLowerCase()]
      if (!op) {
        problems.push(`${name}: not in the document`)
        continue
      }
      if (!op.summary) problems.push(`${name}: no summary`)
      if (!Array.isArray(op['x-roles']) || op['x-roles'].length === 0) problems.push(`${name}: no x-roles`)
      if (!Object.keys(op.responses ?? {}).some((status) => /^2\d\d$/.test(status))) problems.push(`${name}: no 2xx response`)
      for (const param of paramNames(path)) {
        if (!op.parameters?.some((p) => p.in === 'path' && p.name === param)) problems.push(`${name}: no path parameter ${param}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('documents no operation that no route answers', () => {
    const real = new Set(appRoutes(t).map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`))
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).filter((m) => METHODS.includes(m)).map((m) => `${m} ${path}`))
    expect(documented.filter((op) => !real.has(op))).toEqual([])
  })

  // The roles a document entry names come from the route's guard (api/middleware/session.ts), so what the
  // document says and what the app enforces are one thing.
  const roles = (path: string, method: string) => [...(doc.paths[path]?.[method]?.['x-roles'] ?? [])].sort()

  it('names the roles a guarded route lets in, and the guard refuses the others', async () => {
    expect(roles('/admin/topics', 'get')).toEqual(['organizer'])
    expect((await t.agent().get('/admin/topics')).status).toBe(401)
    expect((await (await staffAgent(t, 'judge')).get('/admin/topics')).status).toBe(403)
    expect((await (await staffAgent(t, 'organizer')).get('/admin/topics')).status).toBe(200)
  })

  it('names an open route public, and anyone may call it', async () => {
    expect(roles('/contests', 'get')).toEqual(['public'])
    expect((await t.agent().get('/contests')).status).toBe(200)
  })
})

describe('get /docs', () => {
  it('answers the reference page, which reads /api/openapi.json', async () => {
    const res = await t.agent().get('/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(res.text).toContain('/api/openapi.json')
  })
})

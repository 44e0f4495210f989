import { describe, expect, it } from 'vitest'
import { resources, routesByResource } from '../../api/routes'

// Routes live by resource (issue 18). Hono answers a request with the first matching handler in the order
// routes were added, so two files holding paths one request could match both of would make the answer
// depend on mount order. Within one file the order is in plain sight; across files there must be none.

type Route = { method: string; path: string }

const endpoints = (routes: readonly Route[]) => {
  const seen = new Map<string, Route>()
  for (const r of routes) if (r.method !== 'ALL' && !r.path.includes('*')) seen.set(`${r.method} ${r.path}`, r)
  return [...seen.values()]
}

// Two paths overlap when some request path matches both: as many segments, each pair equal or one a parameter.
function overlap(a: string, b: string): boolean {
  const x = a.split('/')
  const y = b.split('/')
  return x.length === y.length && x.every((s, i) => s === y[i] || s.startsWith(':') || y[i].startsWith(':'))
}

describe('routes by resource', () => {
  it('tells overlapping paths apart from distinct ones', () => {
    expect(overlap('/admin/questions/:questionId', '/admin/questions/export')).toBe(true)
    expect(overlap('/rounds/:roundId', '/rounds/:roundId/prizes')).toBe(false)
    expect(overlap('/contests/:contestId/units.pdf', '/contests/:contestId/units')).toBe(false)
  })

  it('has no path that two resource files could both answer', () => {
    const byFile = Object.entries(resources).map(([name, router]) => ({ name, routes: endpoints(router.routes) }))
    const clashes: string[] = []
    for (const [i, a] of byFile.entries()) {
      for (const b of byFile.slice(i + 1)) {
        for (const r of a.routes) {
          for (const s of b.routes) {
            if (r.method === s.method && overlap(r.path, s.path)) clashes.push(`${r.method} ${r.path} (${a.name}) ~ ${s.path} (${b.name})`)
          }
        }
      }
    }
    expect(clashes).toEqual([])
  })

  it('mounts every resource file, each route once', () => {
    const mounted = endpoints(routesByResource.routes).map((r) => `${r.method} ${r.path}`).sort()
    const listed = Object.values(resources).flatMap((r) => endpoints(r.routes)).map((r) => `${r.method} ${r.path}`).sort()
    expect(mounted).toEqual(listed)
    expect(new Set(listed).size).toBe(listed.length)
  })
})

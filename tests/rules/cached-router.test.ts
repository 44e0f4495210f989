import { describe, expect, it } from 'vitest'
import type { Result, Router } from 'hono/router'
import { RegExpRouter } from 'hono/router/reg-exp-router'
import { SmartRouter } from 'hono/router/smart-router'
import { TrieRouter } from 'hono/router/trie-router'
import { CachedRouter } from '../../api/lib/cached-router'

const ROUTES: [string, string][] = [['ALL', '*'], ['GET', '/health'], ['GET', '/questions/counts'], ['GET', '/questions/:questionId'], ['PUT', '/attempts/:attemptId/items/:position'], ['GET', '/rounds/:roundId/leaderboard'], ['GET', '/rounds/:roundId/leaderboard/me']]
const PATHS: [string, string][] = [['GET', '/health'], ['GET', '/questions/counts'], ['GET', '/questions/q1'], ['PUT', '/attempts/a1/items/3'], ['PUT', '/attempts/a2/items/3'], ['GET', '/rounds/r1/leaderboard'], ['GET', '/rounds/r1/leaderboard/me'], ['POST', '/health'], ['GET', '/nowhere'], ['GET', `/questions/${'q'.repeat(300)}`]]

// The production router (Hono's default: SmartRouter over RegExpRouter and TrieRouter), counting its matches.
class Counting implements Router<string> {
  name = 'counting'
  matches = 0
  private inner = new SmartRouter<string>({ routers: [new RegExpRouter(), new TrieRouter()] })
  add(method: string, path: string, handler: string) { this.inner.add(method, path, handler) }
  match(method: string, path: string): Result<string> {
    this.matches++
    return this.inner.match(method, path)
  }
}

function routers(max?: number) {
  const plain = new TrieRouter<string>()
  const counting = new Counting()
  const cached = new CachedRouter(counting, max)
  ROUTES.forEach(([m, p], i) => { plain.add(m, p, `h${i}`); cached.add(m, p, `h${i}`) })
  return { plain, counting, cached }
}

describe('CachedRouter', () => {
  it('answers what a router answers, the first time and every time after', () => {
    const { plain, cached } = routers()
    for (let round = 0; round < 3; round++) {
      for (const [m, p] of PATHS) expect(cached.match(m, p)).toEqual(plain.match(m, p))
    }
  })

  it('keeps GET answers of ordinary paths only, and no more than its bound', () => {
    const { counting, cached } = routers(3)
    const match = (m: string, p: string) => {
      const before = counting.matches
      cached.match(m, p)
      return counting.matches - before // 1 when the router was asked, 0 when the kept answer served
    }
    expect(match('GET', '/health')).toBe(1)
    expect(match('GET', '/health')).toBe(0)
    expect(match('PUT', '/attempts/a1/items/3')).toBe(1)
    expect(match('PUT', '/attempts/a1/items/3')).toBe(1) // writes are never kept
    expect(match('GET', `/questions/${'q'.repeat(300)}`)).toBe(1)
    expect(match('GET', `/questions/${'q'.repeat(300)}`)).toBe(1) // nor long paths
    expect(match('GET', '/questions/q1')).toBe(1)
    expect(match('GET', '/questions/q2')).toBe(1) // three kept: the bound
    expect(match('GET', '/questions/q3')).toBe(1) // starts over
    expect(match('GET', '/health')).toBe(1)
    expect(match('GET', '/questions/q3')).toBe(0)
  })

  it('a route added after a match is found: what it kept is dropped', () => {
    const plain = new TrieRouter<string>()
    const cached = new CachedRouter(new TrieRouter<string>())
    ROUTES.forEach(([m, p], i) => { plain.add(m, p, `h${i}`); cached.add(m, p, `h${i}`) })
    expect(cached.match('GET', '/units')).toEqual(plain.match('GET', '/units'))
    cached.add('GET', '/units', 'units')
    expect(cached.match('GET', '/units')[0].map(([h]) => h)).toContain('units')
  })
})

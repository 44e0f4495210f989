import { describe, expect, it } from 'vitest'
import { TrieRouter } from 'hono/router/trie-router'
import { CachedRouter } from '../../api/lib/cached-router'

const ROUTES: [string, string][] = [['ALL', '*'], ['GET', '/health'], ['GET', '/questions/counts'], ['GET', '/questions/:questionId'], ['PUT', '/attempts/:attemptId/items/:position'], ['GET', '/rounds/:roundId/leaderboard'], ['GET', '/rounds/:roundId/leaderboard/me']]
const PATHS: [string, string][] = [['GET', '/health'], ['GET', '/questions/counts'], ['GET', '/questions/q1'], ['PUT', '/attempts/a1/items/3'], ['PUT', '/attempts/a2/items/3'], ['GET', '/rounds/r1/leaderboard'], ['GET', '/rounds/r1/leaderboard/me'], ['POST', '/health'], ['GET', '/nowhere']]

function routers(max?: number) {
  const plain = new TrieRouter<string>()
  const cached = new CachedRouter(new TrieRouter<string>(), max)
  ROUTES.forEach(([m, p], i) => { plain.add(m, p, `h${i}`); cached.add(m, p, `h${i}`) })
  return { plain, cached }
}

describe('CachedRouter', () => {
  it('answers what its router answers, the first time and every time after, past its size too', () => {
    const { plain, cached } = routers(3)
    for (let round = 0; round < 3; round++) {
      for (const [m, p] of PATHS) expect(cached.match(m, p)).toEqual(plain.match(m, p))
    }
  })

  it('a route added after a match is found: what it kept is dropped', () => {
    const { plain, cached } = routers()
    expect(cached.match('GET', '/units')).toEqual(plain.match('GET', '/units'))
    cached.add('GET', '/units', 'units')
    expect(cached.match('GET', '/units')[0].map(([h]) => h)).toContain('units')
  })
})

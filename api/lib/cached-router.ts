import type { Result, Router } from 'hono/router'

// Reads' router answers, kept per path: the same path always matches the same handlers with the same
// parameters, and Hono reads an answer without changing it (RegExpRouter hands every request the same one
// for a static path). Ours is TrieRouter (RegExpRouter refuses `/admin/questions/counts` beside
// `/:questionId`), which walks its tree and builds new arrays on every match: 0.8-2.4 µs and ~3 KB a request.
// Only GET (HEAD is matched as GET) paths of ordinary length are kept: reads repeat (health, a round's
// board, an attempt's page), while writes go to a path per person and item (a save), where a kept answer
// would only be garbage that outlives the young generation. Past `max` paths the map starts over.
const MAX_PATH = 256

export class CachedRouter<T> implements Router<T> {
  readonly name: string
  private answers = new Map<string, Result<T>>()

  constructor(private router: Router<T>, private max = 4096) {
    this.name = `cached ${router.name}`
  }

  add(method: string, path: string, handler: T): void {
    this.answers.clear()
    this.router.add(method, path, handler)
  }

  match(method: string, path: string): Result<T> {
    if (method !== 'GET' || path.length > MAX_PATH) return this.router.match(method, path)
    let answer = this.answers.get(path)
    if (answer === undefined) {
      answer = this.router.match(method, path)
      if (this.answers.size >= this.max) this.answers.clear()
      this.answers.set(path, answer)
    }
    return answer
  }
}

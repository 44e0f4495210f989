import type { Result, Router } from 'hono/router'

// The router's answer for a method and path, kept: the same path always matches the same handlers with
// the same parameters, and Hono reads an answer without changing it (RegExpRouter hands every request the
// same one for a static path). Ours is TrieRouter (RegExpRouter refuses `/admin/questions/counts` beside
// `/:questionId`), which walks its tree and builds new arrays on every match: 1.5-3.3 µs and ~3 KB a
// request. Hot paths repeat (health, a round's board, an attempt's page); paths with ids of many people
// (saves) fill the map, which then starts over: a miss costs one look in it.
export class CachedRouter<T> implements Router<T> {
  readonly name: string
  private byMethod = new Map<string, Map<string, Result<T>>>()

  constructor(private router: Router<T>, private max = 8192) {
    this.name = `${router.name}, cached`
  }

  add(method: string, path: string, handler: T): void {
    this.byMethod.clear()
    this.router.add(method, path, handler)
  }

  match(method: string, path: string): Result<T> {
    let answers = this.byMethod.get(method)
    if (!answers) this.byMethod.set(method, (answers = new Map()))
    let answer = answers.get(path)
    if (answer === undefined) {
      answer = this.router.match(method, path)
      if (answers.size >= this.max) answers.clear()
      answers.set(path, answer)
    }
    return answer
  }
}

import type { Context } from 'hono'
import { serverTime } from './http'

// Read-heavy pages (leaderboards) are identical until their data moves: the JSON body is kept per key and
// only serverTime is spliced in, so a page read costs a map lookup and a socket write.
export class JsonPageCache {
  private pages = new Map<string, string>()
  constructor(private max = 2000) {}

  send(c: Context, key: string, build: () => object) {
    let body = this.pages.get(key)
    if (body === undefined) {
      body = JSON.stringify(build()).slice(0, -1)
      if (this.pages.size >= this.max) this.pages.delete(this.pages.keys().next().value as string)
      this.pages.set(key, body)
    }
    const sep = body.length > 1 ? ',' : ''
    return c.body(`${body}${sep}"serverTime":"${serverTime(c)}"}`, 200, { 'Content-Type': 'application/json; charset=UTF-8' })
  }
}

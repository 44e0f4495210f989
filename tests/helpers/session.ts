// HTTP clients of the real server processes the tests start: a refusal (4xx) is told apart from a
// failure worth retrying, as a browser would tell them.

export class HttpRefusal extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message)
  }
}

// One person's session, valid on every server (sessions live in the database): each call may go to
// another server, as a load balancer would send it.
export class Session {
  cookie = ''

  async call<T = any>(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${base}/api${path}`, {
      method, headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const set = res.headers.get('set-cookie')
    if (set) this.cookie = set.split(';')[0]
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }

  // The answer's body when its status is `ok`; a refusal (4xx) with its code; any other failure thrown
  // as worth retrying (a 5xx, a refused connection).
  async ok<T = any>(base: string, method: string, path: string, body?: unknown, ok = [200, 201]): Promise<T> {
    const res = await this.call<T>(base, method, path, body)
    if (ok.includes(res.status)) return res.body
    const error = (res.body as { error?: { code?: string; message?: string } } | null)?.error
    if (res.status >= 400 && res.status < 500) throw new HttpRefusal(res.status, error?.code ?? String(res.status), `${method} ${path}: ${res.status} ${error?.message ?? ''}`)
    throw Object.assign(new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`), { code: `HTTP ${res.status} ${error?.code ?? ''}`.trim() })
  }
}

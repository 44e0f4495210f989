import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type ServerProcess } from '../helpers/server-process'
import { Session } from '../helpers/session'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const ADMIN = { username: 'admin', password: 'admin-pass-built-1' }

// `npm start` runs the server as built JavaScript (vite.config.ts, mode "server"), with no TypeScript loader:
// the build must start on a fresh database, find its migrations, bank and web app from dist/server, run its
// parse worker beside it, and write the request log in its line shape.
describe('the built server', () => {
  let dir: string
  let server: ServerProcess
  beforeAll(async () => {
    await build({ configFile: `${ROOT}vite.config.ts`, mode: 'server', logLevel: 'warn' })
    dir = mkdtempSync(join(tmpdir(), 'hoithi-built-'))
    server = await startServer({
      DATABASE_PATH: join(dir, 'db.sqlite'), ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password, LOG_REQUESTS: 'true',
    }, undefined, ['dist/server/server.js'])
  }, 120_000)
  afterAll(async () => {
    await server?.kill()
    rmSync(dir, { recursive: true, force: true })
  })

  it('runs without the tsx loader, migrated and seeded with the shipped bank and the demo contest', async () => {
    const loaded = await (await fetch(`${server.url}/api/contests`)).json() as { contests: { slug: string }[] }
    expect(loaded.contests.map((c) => c.slug)).toContain('dai-hoi-dang')
    expect(server.output()).toMatch(/Đã nạp \d+ câu hỏi từ ngân hàng đi kèm/)
    expect(server.child.spawnargs.join(' ')).not.toContain('tsx')
  })

  it('parses an import in its worker thread, beside it in dist/server', async () => {
    const admin = new Session()
    await admin.ok(server.url, 'POST', '/sessions', { identifier: ADMIN.username, password: ADMIN.password })
    const res = await fetch(`${server.url}/api/admin/questions/import?format=gift`, {
      method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'text/plain' },
      body: '$CATEGORY: Kiểm tra bản dựng\n\nCâu hỏi kiểm tra bản dựng của máy chủ? {=Đúng ~Sai ~Không rõ}\n',
    })
    expect(res.status, await res.clone().text()).toBe(200)
    expect(((await res.json()) as { imported: number }).imported).toBe(1)
  })

  it('writes one JSON line per request with the route pattern, never the query', async () => {
    await fetch(`${server.url}/api/contests?phone=0912345678`)
    await server.kill() // the asynchronous log is flushed as the process exits
    const lines = server.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>)
    const contests = lines.filter((l) => l.route === '/api/contests')
    expect(contests.length).toBeGreaterThanOrEqual(2)
    expect(Object.keys(contests[0]!)).toEqual(['t', 'method', 'route', 'status', 'ms'])
    expect(contests[0]).toMatchObject({ method: 'GET', status: 200 })
    expect(server.output()).not.toContain('0912345678')
  })
})

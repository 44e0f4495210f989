import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort, HttpClient, startServer, type ServerProcess } from '../helpers/server-process'

const ADMIN = { ADMIN_USERNAME: 'quantri', ADMIN_PASSWORD: 'mat-khau-quan-tri-1', SEED_DEMO: 'false' }
const dir = mkdtempSync(join(tmpdir(), 'hoithi-crash-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function prepare(server: ServerProcess) {
  const admin = new HttpClient(server.url)
  expect((await admin.call('POST', '/sessions', { identifier: 'quantri', password: 'mat-khau-quan-tri-1' })).status).toBe(200)
  const contest = await admin.call('POST', '/admin/contests', { title: 'Thử sự cố' })
  const contestId = contest.body.contest.id
  const units = await admin.call('POST', `/admin/contests/${contestId}/units`, { units: [{ code: 'U', name: 'Chi bộ Thử', headcount: 5 }] })
  const now = Date.now()
  const round = await admin.call('POST', `/admin/contests/${contestId}/rounds`, {
    title: 'Đợt thử', opensAt: new Date(now - 60_000).toISOString(), closesAt: new Date(now + 3600_000).toISOString(), questionCount: 20, timeLimitSec: 1800,
  })
  expect(round.status).toBe(201)
  await admin.call('POST', `/admin/contests/${contestId}/publish`, {})
  return { roundId: round.body.round.id as string, unitId: units.body.units[0].id as string }
}

describe('crash safety (SIGKILL)', () => {
  it('keeps every acknowledged answer save, and a kill during submit leaves the attempt whole', async () => {
    const db = join(dir, 'crash.db')
    const port = await freePort()
    let server = await startServer({ ...ADMIN, DATABASE_PATH: db }, port)
    const { roundId, unitId } = await prepare(server)
    const person = new HttpClient(server.url)
    const reg = await person.call('POST', '/participants', { fullName: 'Người Thử Sự Cố', dateOfBirth: '1991-01-01', phone: '0900000901', unitId, password: 'matkhau123', consent: true })
    expect(reg.status).toBe(201)
    const start = await person.call('POST', `/rounds/${roundId}/attempts`, {})
    const attempt = start.body.attempt
    const acked = new Map<number, string[]>()
    // Saves stream in; the process is killed while some are still in flight.
    const saves = attempt.items.map((item: { position: number; options: { key: string }[] }, i: number) =>
      new Promise<void>((resolve) => setTimeout(resolve, i * 5)).then(async () => {
        const choice = [item.options[i % item.options.length].key]
        try {
          const res = await person.call('PUT', `/attempts/${attempt.id}/items/${item.position}`, { choice })
          if (res.status === 200) acked.set(item.position, choice)
        } catch { /* connection cut by the kill */ }
      }))
    setTimeout(() => server.child.kill('SIGKILL'), 40)
    await Promise.all(saves)
    await server.kill('SIGKILL')
    expect(acked.size).toBeGreaterThan(0)

    server = await startServer({ ...ADMIN, DATABASE_PATH: db }, port)
    try {
      const view = await person.call('GET', `/attempts/${attempt.id}`)
      expect(view.status).toBe(200)
      for (const [position, choice] of acked) expect(view.body.attempt.items[position - 1].choice).toEqual(choice)

      const submit = person.call('POST', `/attempts/${attempt.id}/submit`, {}).catch(() => null)
      await new Promise((r) => setTimeout(r, 3))
      await server.kill('SIGKILL')
      await submit
      server = await startServer({ ...ADMIN, DATABASE_PATH: db }, port)
      const after = await person.call('GET', `/attempts/${attempt.id}`)
      const a = after.body.attempt
      if (a.status === 'submitted') {
        expect(a.result).toBeDefined()
        expect(typeof a.result.score).toBe('number')
      } else {
        expect(a.status).toBe('in_progress')
        expect(a.result).toBeUndefined()
        const again = await person.call('POST', `/attempts/${attempt.id}/submit`, {})
        expect(again.status).toBe(200)
      }
    } finally {
      await server.kill()
    }
  }, 120_000)
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { staffAgent, testApp, type Agent } from '../helpers/app'
import { registerPerson, setupContest } from '../helpers/contest'

// Every route of the app, called with random and malformed parameters, queries, headers and bodies by every
// kind of caller: never a 5xx, and a refused request changes nothing in the database.
const RUNS = 8000

const badUtf8 = fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => Uint8Array.from([0xc3, 0x28, 0xff, ...b]))
const deepJson = fc.integer({ min: 50, max: 5000 }).map((d) => `${'['.repeat(d)}${']'.repeat(d)}`)
const hugeJson = fc.integer({ min: 1, max: 3 }).map((mb) => JSON.stringify({ stem: 'x'.repeat(mb * 1024 * 1024) }))
const bodies = fc.oneof(
  fc.constant(undefined),
  fc.json().map((j) => ({ raw: j })),
  fc.anything().map((v) => ({ raw: JSON.stringify(v) ?? 'null' })),
  fc.string().map((s) => ({ raw: s })),
  badUtf8.map((b) => ({ bytes: b })),
  deepJson.map((s) => ({ raw: s })),
  fc.constant({ raw: '{"choice":["A"],"prediction":1.5,"__proto__":{"x":1}}' }),
  fc.record({ choice: fc.array(fc.string({ maxLength: 3 }), { maxLength: 8 }), prediction: fc.oneof(fc.integer(), fc.double(), fc.string()) }).map((v) => ({ raw: JSON.stringify(v) })),
  fc.record({ title: fc.string(), opensAt: fc.string(), closesAt: fc.string(), questionCount: fc.integer(), blueprint: fc.anything() }).map((v) => ({ raw: JSON.stringify(v) })),
)
const contentTypes = fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-8', '', 'multipart/form-data; boundary=x')
const segment = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('0', '-1', '99999999999', '%00', '..', 'null', '1e9', ' ', 'đ'))
const query = fc.dictionary(fc.constantFrom('limit', 'offset', 'q', 'roundId', 'parentId', 'topic', 'status', 'format', 'mode', 'difficulty', 'type'), fc.string({ maxLength: 20 }), { maxKeys: 4 })

describe('fuzzing every route', () => {
  it(`answers ${RUNS} random and malformed requests without a 5xx and without side effects when refusing`, async () => {
    const t = testApp({ RATE_SIGNIN_PER_MIN: '100000', RATE_REGISTER_PER_MIN: '100000', RATE_START_PER_MIN: '100000', RATE_START_PER_PARTICIPANT_PER_MIN: '100000' })
    const s = await setupContest(t)
    const p = await registerPerson(t, s.unit.A1)
    const { body } = await p.agent.post(`/rounds/${s.roundId}/attempts`, {})
    const known: Record<string, string> = { contestId: s.contestId, roundId: s.roundId, attemptId: body.attempt.id, position: '1', participantId: p.id, questionId: 't1-q1', format: 'csv' }
    const callers: Record<string, Agent> = { anonymous: t.agent(), participant: p.agent, organizer: s.org, judge: s.judge, admin: await staffAgent(t, 'admin') }
    // Signing out would turn every later call anonymous; it is exercised in tests/api/auth.test.ts.
    const seen = new Set<string>()
    const routes = t.app.routes.filter((r) => r.method !== 'ALL' && !r.path.endsWith('/stream') && !(r.method === 'DELETE' && r.path === '/sessions/current'))
      .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
    expect(routes.length).toBeGreaterThan(35)
    const changes = () => (t.db.$client.prepare('SELECT total_changes() AS n').get() as { n: number }).n
    let count = 0
    const statuses: Record<number, number> = {}

    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 0, max: routes.length - 1 }), fc.constantFrom(...Object.keys(callers)), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      fc.array(segment, { minLength: 4, maxLength: 4 }), query, bodies, contentTypes,
      async (ri, who, keep, randoms, q, b, type) => {
        const route = routes[ri]
        let i = 0
        const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
          const j = i++
          return keep[j] && known[name] ? known[name] : encodeURIComponent(randoms[j] ?? 'x')
        })
        const qs = new URLSearchParams(q).toString()
        const headers: Record<string, string> = type ? { 'content-type': type } : {}
        const payload = b === undefined || route.method === 'GET' ? undefined : 'bytes' in b ? b.bytes : b.raw
        const before = changes()
        const caller = callers[who]
        const cookie = caller.cookie
        const res = await caller.request(route.method, `${path}${qs ? `?${qs}` : ''}`, payload, headers)
        caller.cookie = cookie
        count++
        statuses[res.status] = (statuses[res.status] ?? 0) + 1
        if (res.status >= 500) throw new Error(`${route.method} ${path} → ${res.status}: ${res.text.slice(0, 300)}`)
        if (res.status >= 400 && res.status !== 401) expect(changes(), `${route.method} ${path} changed data but answered ${res.status}`).toBe(before)
        if (res.status >= 400 && res.headers.get('content-type')?.includes('json')) expect(res.body.error.code).toMatch(/^[A-Z_]+$/)
      },
    ), { numRuns: RUNS, seed: 20261127 })
    expect(count).toBe(RUNS)
    console.log(`fuzz: ${count} requests over ${routes.length} routes, statuses ${JSON.stringify(statuses)}`)
  }, 300_000)
})

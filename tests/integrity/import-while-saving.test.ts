import { describe, expect, it } from 'vitest'
import { createApp } from '../../api/app'
import { loadEnv } from '../../api/env'
import { writeExport } from '../../api/formats/index'
import { all, get, run } from '../../db/program'
import type { BankQuestion } from '../../questions/schema'
import { Agent, staffAgent, type TestApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt } from '../helpers/contest'
import { memoryDb } from '../helpers/db'

// Invented questions, only to make a workbook that takes seconds to parse.
const invented = (i: number): BankQuestion => ({
  id: `tu-sinh-${i}`, topic: `chu-de-${i % 20}`, difficulty: 2, type: 'single', stem: `Câu hỏi tự sinh số ${i}: điều nào đúng với mục ${i % 97}?`,
  options: ['A', 'B', 'C', 'D'].map((key) => ({ key, text: `Phương án ${key} của câu tự sinh ${i}` })), correct: ['A'],
  explanation: `Giải thích tự sinh ${i}.`, source: { document: 'Tài liệu tự sinh' }, status: 'draft',
})

// The app on the real clock: a blocked event loop would show as lateness here.
function realClockApp(): TestApp {
  const db = memoryDb()
  const env = loadEnv({ NODE_ENV: 'test', LOG_REQUESTS: 'false' })
  const { app, deps } = createApp({ db, env })
  const clock = { now: () => Date.now(), advance: () => { throw new Error('real clock') }, set: () => { throw new Error('real clock') } }
  const store = deps.store
  return {
    app, db, clock, env, deps, store, dialect: store.dialect, agent: () => new Agent(app),
    sql: (text: string, ...params: unknown[]) => store.read(all(text, ...params)),
    one: (text: string, ...params: unknown[]) => store.read(get(text, ...params)),
    exec: (text: string, ...params: unknown[]) => store.write(() => run(text, ...params)),
  } as unknown as TestApp
}

describe('heavy work off the event loop', () => {
  it('an answer saved 1 s before its deadline during a 20,000-question import is kept', async () => {
    const t = realClockApp()
    const workbook = await writeExport('xlsx', Array.from({ length: 20_000 }, (_, i) => invented(i)))
    const s = await setupContest(t, { bank: { t1: 5 }, round: { timeLimitSec: 3, graceSec: 0 } })
    const org = await staffAgent(t, 'organizer')
    const p = await registerPerson(t, s.unit.A1)
    const a = await takeAttempt(t, p.agent, s.roundId, 0)
    const deadline = Date.parse((await p.agent.get(`/attempts/${a.id}`)).body.attempt.deadlineAt)

    const importing = org.request('POST', '/admin/questions/import?format=xlsx', workbook, { 'content-type': 'application/octet-stream' })
    await new Promise((r) => setTimeout(r, Math.max(0, deadline - 1000 - Date.now())))
    const saved = await p.agent.put(`/attempts/${a.id}/items/1`, { choice: ['A'] })
    expect(saved.status, saved.text).toBe(200)
    expect(Date.now()).toBeLessThan(deadline) // answered before the deadline, not after the parse

    const imported = await importing
    expect(imported.status, imported.text.slice(0, 300)).toBe(200)
    expect(imported.body.imported).toBe(20_000)
    const attempt = (await p.agent.get(`/attempts/${a.id}`)).body.attempt
    expect(attempt.items[0].choice).toEqual(['A'])
  }, 120_000)
})

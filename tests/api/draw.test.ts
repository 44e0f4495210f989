import { describe, expect, it } from 'vitest'
import { makeQuestion, seedQuestions } from '../helpers/bank'
import { testApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt } from '../helpers/contest'

const iso = (ms: number) => new Date(ms).toISOString()
const questionIds = (attempt: { items: { questionId: string }[] }) => attempt.items.map((i) => i.questionId)

describe('drawing questions', () => {
  it('gives a later attempt questions not seen before while the pool allows, then repeats', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 12 }, round: { questionCount: 5, maxAttempts: null } })
    const p = await registerPerson(t, s.unit.A1)
    const seen = new Set<string>()
    for (let i = 0; i < 2; i++) {
      const a = await takeAttempt(t, p.agent, s.roundId, 0)
      for (const id of questionIds(a)) {
        expect(seen.has(id)).toBe(false)
        seen.add(id)
      }
      await p.agent.post(`/attempts/${a.id}/submit`, {})
    }
    const third = await takeAttempt(t, p.agent, s.roundId, 0)
    const fresh = questionIds(third).filter((id) => !seen.has(id))
    expect(fresh).toHaveLength(2) // the two unseen left, then three repeats
    expect(new Set(questionIds(third)).size).toBe(5)
  })

  it('never puts two questions of one variant group in an attempt', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 1 }, round: { questionCount: 1 } })
    const grouped = Array.from({ length: 12 }, (_, i) => makeQuestion(`v-${i}`, { topic: 'tv', group: `g${i % 4}` }))
    await seedQuestions(t, grouped)
    const r = await s.org.post(`/admin/contests/${s.contestId}/rounds`, { title: 'Biến thể', opensAt: iso(t.clock.now() - 1000), closesAt: iso(t.clock.now() + 3600_000), questionCount: 4, blueprint: [{ topic: 'tv', count: 4 }], maxAttempts: null })
    expect(r.status).toBe(201)
    for (let i = 0; i < 15; i++) {
      const p = await registerPerson(t, s.unit.A1)
      const { body } = await p.agent.post(`/rounds/${r.body.round.id}/attempts`, {})
      const groups = questionIds(body.attempt).map((id: string) => grouped.find((q) => q.id === id)?.group)
      expect(new Set(groups).size).toBe(4)
    }
    const tooMany = await s.org.post(`/admin/contests/${s.contestId}/rounds`, { title: 'Quá nhiều', opensAt: iso(t.clock.now()), closesAt: iso(t.clock.now() + 3600_000), questionCount: 5, blueprint: [{ topic: 'tv', count: 5 }] })
    expect(tooMany.status).toBe(400)
  })

  it('keeps pinned options in place and true/false in the order Đúng, Sai', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 1 }, round: { questionCount: 1 } })
    const pinned = makeQuestion('pin-1', {
      topic: 'tp',
      options: [{ key: 'A', text: 'Một' }, { key: 'B', text: 'Hai' }, { key: 'C', text: 'Ba' }, { key: 'D', text: 'Cả ba phương án trên', pinned: true }],
      correct: ['D'],
    })
    const tf = makeQuestion('tf-1', { topic: 'tp', type: 'true_false', options: [{ key: 'A', text: 'Đúng' }, { key: 'B', text: 'Sai' }], correct: ['B'] })
    await seedQuestions(t, [pinned, tf])
    const r = await s.org.post(`/admin/contests/${s.contestId}/rounds`, { title: 'Ghim', opensAt: iso(t.clock.now() - 1000), closesAt: iso(t.clock.now() + 3600_000), blueprint: [{ topic: 'tp', count: 2 }] })
    const orders = new Set<string>()
    for (let i = 0; i < 25; i++) {
      const p = await registerPerson(t, s.unit.A1)
      const { body } = await p.agent.post(`/rounds/${r.body.round.id}/attempts`, {})
      const byId = Object.fromEntries(body.attempt.items.map((it: { questionId: string }) => [it.questionId, it]))
      const texts = byId['pin-1'].options.map((o: { text: string }) => o.text)
      expect(texts[3]).toBe('Cả ba phương án trên')
      expect(byId['pin-1'].options.map((o: { key: string }) => o.key)).toEqual(['A', 'B', 'C', 'D'])
      orders.add(texts.join('|'))
      expect(byId['tf-1'].options.map((o: { text: string }) => o.text)).toEqual(['Đúng', 'Sai'])
    }
    expect(orders.size).toBeGreaterThan(1) // the unpinned options really are shuffled
  })

  it('scores a shuffled item by the option chosen, not by its letter', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 5 }, round: { questionCount: 5 } })
    const p = await registerPerson(t, s.unit.A1)
    const { body } = await p.agent.post(`/rounds/${s.roundId}/attempts`, {})
    for (const item of body.attempt.items) {
      const right = item.options.find((o: { text: string }) => o.text.startsWith('Đúng của'))
      await p.agent.put(`/attempts/${body.attempt.id}/items/${item.position}`, { choice: [right.key] })
    }
    const res = await p.agent.post(`/attempts/${body.attempt.id}/submit`, {})
    expect(res.body.result).toMatchObject({ score: 5, maxScore: 5 })
  })

  it('refuses a blueprint the bank cannot fill, naming the shortfall per topic, and one whose counts do not add up', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 3, t2: 10 } })
    const base = { title: 'Thiếu', opensAt: iso(t.clock.now()), closesAt: iso(t.clock.now() + 3600_000) }
    const short = await s.org.post(`/admin/contests/${s.contestId}/rounds`, { ...base, questionCount: 8, blueprint: [{ topic: 't1', count: 4 }, { topic: 't2', count: 4 }] })
    expect(short.status).toBe(400)
    expect(short.body.error.code).toBe('VALIDATION_FAILED')
    expect(short.body.error.message).toContain('t1')
    expect(short.body.error.message).not.toContain('t2:')
    expect(short.body.error.details.shortfalls[0]).toMatchObject({ topic: 't1', needed: 4, available: 3 })
    const sum = await s.org.post(`/admin/contests/${s.contestId}/rounds`, { ...base, questionCount: 10, blueprint: [{ topic: 't2', count: 4 }] })
    expect(sum.status).toBe(400)
    const patch = await s.org.patch(`/admin/rounds/${s.roundId}`, { questionCount: 4, blueprint: [{ topic: 't1', count: 4 }] })
    expect(patch.status).toBe(400)
  })

  it('keeps the revision an attempt was given when the question is edited later', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 5 }, round: { questionCount: 5 } })
    const p = await registerPerson(t, s.unit.A1)
    const { body } = await p.agent.post(`/rounds/${s.roundId}/attempts`, {})
    const item = body.attempt.items[0]
    const edit = await s.org.patch(`/admin/questions/${item.questionId}`, { stem: 'Nội dung đã sửa?' })
    expect(edit.status).toBe(200)
    const view = await p.agent.get(`/attempts/${body.attempt.id}`)
    expect(view.body.attempt.items[0].stem).toBe(item.stem)
    const history = await s.org.get(`/admin/questions/${item.questionId}/revisions`)
    expect(history.body.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2])
  })
})

describe('answer secrecy and review', () => {
  const forbidden = ['correct', 'explanation', 'source', 'fingerprint', 'optionOrder', 'option_order', 'weight']
  function walk(value: unknown, path: string, hits: string[]) {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, hits))
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (forbidden.includes(k)) hits.push(`${path}.${k}`)
        walk(v, `${path}.${k}`, hits)
      }
    } else if (typeof value === 'string' && /Giải thích|Đúng của/.test(value) && !path.endsWith('.text')) hits.push(path)
  }

  it('sends no key, explanation or source in any participant response while the round is open', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const p = await registerPerson(t, s.unit.A1)
    const responses: unknown[] = []
    const start = await p.agent.post(`/rounds/${s.roundId}/attempts`, {})
    responses.push(start.body)
    const id = start.body.attempt.id
    responses.push((await p.agent.put(`/attempts/${id}/items/1`, { choice: ['A'] })).body)
    responses.push((await p.agent.get(`/attempts/${id}`)).body)
    responses.push((await p.agent.post(`/attempts/${id}/submit`, { prediction: 3 })).body)
    responses.push((await p.agent.get(`/attempts/${id}`)).body)
    responses.push((await p.agent.get(`/me/attempts?roundId=${s.roundId}`)).body)
    responses.push((await p.agent.get(`/rounds/${s.roundId}/leaderboard/me`)).body)
    responses.push((await p.agent.get(`/contests/${s.contestId}`)).body)
    const hits: string[] = []
    responses.forEach((r, i) => walk(r, `#${i}`, hits))
    expect(hits).toEqual([])
    const report = await p.agent.post(`/attempts/${id}/items/1/report`, { message: 'Đáp án có vẻ sai' })
    expect(report.status).toBe(409)
  })

  it('reveals keys, explanations and sources after closesAt plus grace, and takes reports', async () => {
    const t = testApp()
    const s = await setupContest(t, { round: { graceSec: 3 } })
    const p = await registerPerson(t, s.unit.A1)
    const a = await takeAttempt(t, p.agent, s.roundId, 2)
    await p.agent.post(`/attempts/${a.id}/submit`, {})
    t.clock.advance(24 * 3600_000 + 1000)
    expect((await p.agent.get(`/attempts/${a.id}`)).body.attempt.items[0].correct).toBeUndefined()
    t.clock.advance(2500)
    const view = await p.agent.get(`/attempts/${a.id}`)
    const item = view.body.attempt.items[0]
    expect(item.correct).toHaveLength(1)
    expect(item.options.find((o: { key: string }) => o.key === item.correct[0]).text).toMatch(/^Đúng của/)
    expect(item.explanation).toMatch(/^Giải thích/)
    expect(item.source).toEqual({ document: 'Tài liệu thử nghiệm' })
    const report = await p.agent.post(`/attempts/${a.id}/items/1/report`, { message: 'Đáp án có vẻ chưa chính xác' })
    expect(report.status).toBe(201)
    const reports = await s.org.get('/admin/reports')
    expect(reports.body.reports).toHaveLength(1)
  })

  it('does not let a participant read another person\'s attempt', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const a = await registerPerson(t, s.unit.A1)
    const b = await registerPerson(t, s.unit.A1)
    const { body } = await a.agent.post(`/rounds/${s.roundId}/attempts`, {})
    expect((await b.agent.get(`/attempts/${body.attempt.id}`)).status).toBe(404)
    expect((await b.agent.put(`/attempts/${body.attempt.id}/items/1`, { choice: ['A'] })).status).toBe(404)
    expect((await b.agent.post(`/attempts/${body.attempt.id}/submit`, {})).status).toBe(404)
  })
})

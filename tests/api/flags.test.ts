import { describe, expect, it } from 'vitest'
import { testApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt } from '../helpers/contest'

type Entry = { participantId: string; flags: { kind: string; evidence: string }[] }
const kinds = (entries: Entry[], id: string) => entries.find((e) => e.participantId === id)?.flags.map((f) => f.kind) ?? []

describe('flags in the judges\' standings', () => {
  it('flags an attempt faster than the threshold and identical answers with near-identical timing', async () => {
    const t = testApp()
    // A bank exactly the size of the round: every attempt gets the same questions.
    const s = await setupContest(t, { bank: { t1: 5 }, round: { questionCount: 5 } })
    const [a, b, slow] = await Promise.all([0, 1, 2].map(() => registerPerson(t, s.unit.A1)))
    // Both choose the same options by their text, whatever letters the shuffle gave them.
    const same = async (agent: typeof a.agent) => {
      const { body } = await agent.post(`/rounds/${s.roundId}/attempts`, {})
      for (const item of body.attempt.items) {
        const opt = item.options.find((o: { text: string }) => o.text === 'Sai một')
        await agent.put(`/attempts/${body.attempt.id}/items/${item.position}`, { choice: [opt.key] })
      }
      return body.attempt as { id: string }
    }
    const x = await same(a.agent)
    const y = await same(b.agent)
    t.clock.advance(2000)
    await a.agent.post(`/attempts/${x.id}/submit`, {})
    await b.agent.post(`/attempts/${y.id}/submit`, {})
    const z = await takeAttempt(t, slow.agent, s.roundId, 3)
    t.clock.advance(120_000)
    await slow.agent.post(`/attempts/${z.id}/submit`, {})
    const res = await s.judge.get(`/admin/rounds/${s.roundId}/standings`)
    expect(res.status).toBe(200)
    expect(kinds(res.body.entries, a.id)).toEqual(expect.arrayContaining(['fast_attempt', 'identical_answers']))
    expect(kinds(res.body.entries, b.id)).toContain('identical_answers')
    expect(kinds(res.body.entries, slow.id)).not.toContain('fast_attempt')
    expect(kinds(res.body.entries, slow.id)).not.toContain('identical_answers')
  })

  it('flags likely duplicate people: same name, birth date and unit with another phone', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const one = await registerPerson(t, s.unit.A1, { fullName: 'Lê Văn Nam', dateOfBirth: '1985-02-03' })
    const two = await registerPerson(t, s.unit.A1, { fullName: 'Le  van nam', dateOfBirth: '1985-02-03' })
    const other = await registerPerson(t, s.unit.A2, { fullName: 'Lê Văn Nam', dateOfBirth: '1985-02-03' })
    for (const p of [one, two, other]) {
      const at = await takeAttempt(t, p.agent, s.roundId, 2)
      t.clock.advance(60_000)
      await p.agent.post(`/attempts/${at.id}/submit`, {})
    }
    const res = await s.judge.get(`/admin/rounds/${s.roundId}/standings`)
    expect(kinds(res.body.entries, one.id)).toContain('likely_duplicate')
    expect(kinds(res.body.entries, two.id)).toContain('likely_duplicate')
    expect(kinds(res.body.entries, other.id)).not.toContain('likely_duplicate')
    expect(res.body.entries[0]).toHaveProperty('phone')
    expect(res.body.entries[0]).toHaveProperty('dateOfBirth')
  })

  it('flags many registrations from one client address in a short time', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const people = []
    for (let i = 0; i < 10; i++) people.push(await registerPerson(t, s.unit.B))
    const at = await takeAttempt(t, people[0].agent, s.roundId, 1)
    t.clock.advance(60_000)
    await people[0].agent.post(`/attempts/${at.id}/submit`, {})
    const res = await s.judge.get(`/admin/rounds/${s.roundId}/standings`)
    expect(kinds(res.body.entries, people[0].id)).toContain('registration_burst')
  })
})

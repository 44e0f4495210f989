import { describe, expect, it } from 'vitest'
import { testApp } from '../helpers/app'
import { registerPerson, setupContest } from '../helpers/contest'

// The group commit of the SQLite store, seen through the app: answers saved together share one batch. Only
// SQLite has it (PostgreSQL commits each write on its own), so this file runs in the node project alone.
describe('group commit behind the app (SQLite)', () => {
  it('writes arriving together share one commit, and a refused one among them changes nothing and costs the others nothing', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const people = await Promise.all([registerPerson(t, s.unit.A1), registerPerson(t, s.unit.A2)])
    const [a, b] = await Promise.all(people.map((p) => p.agent.post(`/rounds/${s.roundId}/attempts`, {})))
    const batchesBefore = t.deps.writes!.batches
    const answers = await Promise.all([
      people[0].agent.put(`/attempts/${a.body.attempt.id}/items/1`, { choice: ['B'] }),
      people[0].agent.put(`/attempts/${a.body.attempt.id}/items/2`, { choice: ['Z'] }), // no such option
      people[1].agent.put(`/attempts/${b.body.attempt.id}/items/1`, { choice: ['A'] }),
      people[1].agent.put(`/attempts/${a.body.attempt.id}/items/3`, { choice: ['A'] }), // someone else's attempt
      people[0].agent.put(`/attempts/${a.body.attempt.id}/items/4`, { choice: ['A'] }),
    ])
    expect(answers.map((r) => r.status)).toEqual([200, 400, 200, 404, 200])
    expect(t.deps.writes!.batches - batchesBefore).toBe(1)
    const choices = (attemptId: string) => (t.db.$client.prepare('SELECT i.position, i.choice FROM attempt_items i JOIN attempts a ON a.seq = i.attempt_seq WHERE a.id = ? ORDER BY i.position')
      .all(attemptId) as { position: number; choice: string }[]).map((r) => r.choice)
    expect(choices(a.body.attempt.id)).toEqual(['["B"]', '[]', '[]', '["A"]', '[]'])
    expect(choices(b.body.attempt.id)).toEqual(['["A"]', '[]', '[]', '[]', '[]'])
  })
})

import { describe, expect, it } from 'vitest'
import { loadEnv } from '../../api/env'
import { seedDatabase } from '../../api/seed'
import { loadBankQuestions } from '../../questions/load'
import { TOPICS } from '../../questions/topics'
import { testApp } from '../helpers/app'

describe('the shipped bank and the demo contest', () => {
  it('loads every shipped question published, and a demo attempt mixes topics per the blueprint', async () => {
    const t = testApp()
    const env = loadEnv({ NODE_ENV: 'test', ADMIN_USERNAME: 'quantri', ADMIN_PASSWORD: 'mat-khau-quan-tri-1' })
    const { messages } = await seedDatabase(t.deps.store, env, t.clock.now())
    expect(messages.join('\n')).toContain('dai-hoi-dang')
    const bank = loadBankQuestions()
    const stored = t.db.$client.prepare("SELECT count(*) AS n FROM questions WHERE status = 'published'").get() as { n: number }
    expect(stored.n).toBe(bank.length)

    const contests = await t.agent().get('/contests')
    const contest = contests.body.contests.find((c: { slug: string }) => c.slug === 'dai-hoi-dang')
    const round = contest.rounds[0]
    expect(round.status).toBe('open')
    const units = await t.agent().get(`/contests/${contest.id}/units`)
    const leaf = units.body.units.find((u: { headcount: number | null }) => u.headcount != null)
    const p = t.agent()
    const reg = await p.post('/participants', { fullName: 'Người Dùng Thử', dateOfBirth: '1995-06-07', phone: '0900000777', unitId: leaf.id, password: 'matkhau123', consent: true })
    expect(reg.status).toBe(201)
    const start = await p.post(`/rounds/${round.id}/attempts`, {})
    expect(start.status).toBe(201)
    const topicOf = new Map(bank.map((q) => [q.id, q.topic]))
    const counts: Record<string, number> = {}
    for (const item of start.body.attempt.items) counts[topicOf.get(item.questionId)!] = (counts[topicOf.get(item.questionId)!] ?? 0) + 1
    for (const topic of TOPICS.filter((x) => x.group === 'congress')) expect(counts[topic.id]).toBe(1)
    expect(counts['van-kien-xiii']).toBe(5)
    expect(counts['ky-niem-2020']).toBe(2)
    // Shuffled: the 13 congress questions do not come as one block in topic order.
    const order = start.body.attempt.items.map((i: { questionId: string }) => topicOf.get(i.questionId))
    expect(order.slice(0, 13)).not.toEqual(TOPICS.filter((x) => x.group === 'congress').map((x) => x.id))

    const again = await seedDatabase(t.deps.store, env, t.clock.now())
    expect(again.messages.join('\n')).not.toContain('Đã nạp') // a restart adds nothing twice
  })
})

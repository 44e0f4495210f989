import { describe, expect, it } from 'vitest'
import { seedDatabase } from '../../api/seed'
import { TOPICS } from '../../questions/topics'
import { staffAgent, testApp, type Agent, type TestApp } from '../helpers/app'
import { makeQuestion, seedQuestions } from '../helpers/bank'
import { registerPerson, setupContest } from '../helpers/contest'

const utf8 = (text: string) => new TextEncoder().encode(text)
const upload = (agent: Agent, format: string, text: string) =>
  agent.request('POST', `/admin/questions/import?format=${format}`, utf8(text), { 'content-type': 'application/octet-stream' })
const topicsOf = async (agent: Agent) => {
  const res = await agent.get('/admin/topics')
  expect(res.status, res.text).toBe(200)
  return res.body.topics as { id: string; name: string; description: string; questionCount: number; publishedCount: number }[]
}
const auditActions = async (t: TestApp, entity: string) => (await t.sql<{ action: string; entity_id: string }>('SELECT action, entity_id FROM audit_log WHERE entity = ? ORDER BY seq', entity))
const iso = (ms: number) => new Date(ms).toISOString()

// Three invented questions of a province's own bank, under a category the engine has never seen.
const PROVINCE_GIFT = `$CATEGORY: $course$/top/Lịch sử Đảng bộ tỉnh

::Câu 1:: Câu thử nghiệm tỉnh một: năm nào được chọn? {=Năm A ~Năm B ~Năm C}

::Câu 2:: Câu thử nghiệm tỉnh hai: nơi nào được chọn? {=Nơi A ~Nơi B ~Nơi C}

::Câu 3:: Câu thử nghiệm tỉnh ba: người nào được chọn? {=Người A ~Người B ~Người C}
`

describe('get /admin/topics', () => {
  it('lists every topic with how many questions it holds and how many are published', async () => {
    const t = testApp()
    await seedQuestions(t, [makeQuestion('a1', { topic: 't1' }), makeQuestion('a2', { topic: 't1', status: 'draft' }), makeQuestion('b1', { topic: 't2' })])
    const org = await staffAgent(t, 'organizer')
    const topics = await topicsOf(org)
    expect(topics.find((x) => x.id === 't1')).toEqual({ id: 't1', name: 't1', description: '', questionCount: 2, publishedCount: 1 })
    expect(topics.find((x) => x.id === 't2')).toMatchObject({ questionCount: 1, publishedCount: 1 })
    expect((await staffAgent(t, 'judge').then((j) => j.get('/admin/topics'))).status).toBe(403)
    expect((await t.agent().get('/admin/topics')).status).toBe(401)
  })
})

describe('creating, editing and deleting topics', () => {
  it('creates a topic with a slug id, renames and describes it, each change audited', async () => {
    const t = testApp()
    const org = await staffAgent(t, 'organizer')
    const made = await org.post('/admin/topics', { name: 'Lịch sử Đảng bộ tỉnh', description: 'Câu hỏi của tỉnh' })
    expect(made.status, made.text).toBe(201)
    expect(made.body.topic).toEqual({ id: 'lich-su-dang-bo-tinh', name: 'Lịch sử Đảng bộ tỉnh', description: 'Câu hỏi của tỉnh', questionCount: 0, publishedCount: 0 })
    const own = await org.post('/admin/topics', { name: 'Văn kiện tỉnh', id: 'vk-tinh' })
    expect(own.body.topic.id).toBe('vk-tinh')
    const renamed = await org.patch('/admin/topics/lich-su-dang-bo-tinh', { name: 'Lịch sử Đảng bộ tỉnh Hà Nam', description: '' })
    expect(renamed.status, renamed.text).toBe(200)
    expect(renamed.body.topic).toMatchObject({ id: 'lich-su-dang-bo-tinh', name: 'Lịch sử Đảng bộ tỉnh Hà Nam', description: '' })
    expect(await auditActions(t, 'topic')).toEqual([
      { action: 'topic.create', entity_id: 'lich-su-dang-bo-tinh' }, { action: 'topic.create', entity_id: 'vk-tinh' }, { action: 'topic.update', entity_id: 'lich-su-dang-bo-tinh' },
    ])
  })

  it('refuses a name that differs from another only in diacritics, case or spacing, and changes nothing', async () => {
    const t = testApp()
    const org = await staffAgent(t, 'organizer')
    await org.post('/admin/topics', { name: 'Lịch sử Đảng bộ' })
    await org.post('/admin/topics', { name: 'Văn kiện' })
    const twin = await org.post('/admin/topics', { name: '  lich SU   dang bo ' })
    expect(twin.status).toBe(409)
    expect(twin.body.error.message).toContain('Lịch sử Đảng bộ')
    expect((await org.patch('/admin/topics/van-kien', { name: 'LỊCH SỬ ĐẢNG BỘ' })).status).toBe(409)
    expect((await org.post('/admin/topics', { name: 'Khác', id: 'van-kien' })).status).toBe(409)
    expect((await topicsOf(org)).map((x) => x.name)).toEqual(['Lịch sử Đảng bộ', 'Văn kiện'])
  })

  it('refuses bad input with a Vietnamese message, and unknown topics with 404', async () => {
    const t = testApp()
    const org = await staffAgent(t, 'organizer')
    for (const body of [{}, { name: '' }, { name: 'x'.repeat(81) }, { name: 'Tên', id: 'Có Dấu' }, { name: 'A\u202eB' }]) {
      const res = await org.post('/admin/topics', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.error.code).toBe('VALIDATION_FAILED')
    }
    expect((await org.patch('/admin/topics/khong-co', { name: 'Mới' })).status).toBe(404)
    expect((await org.delete('/admin/topics/khong-co')).status).toBe(404)
    expect(await topicsOf(org)).toEqual([])
  })

  it('deletes a topic only when no question uses it', async () => {
    const t = testApp()
    await seedQuestions(t, [makeQuestion('a1', { topic: 'dang-dung', status: 'retired' })])
    const org = await staffAgent(t, 'organizer')
    await org.post('/admin/topics', { name: 'Bỏ đi' })
    const used = await org.delete('/admin/topics/dang-dung')
    expect(used.status).toBe(409)
    expect(used.body.error.message).toContain('còn 1 câu hỏi')
    expect((await org.delete('/admin/topics/bo-di')).status).toBe(204)
    expect((await topicsOf(org)).map((x) => x.id)).toEqual(['dang-dung'])
    expect((await auditActions(t, 'topic')).map((a) => a.action)).toEqual(['topic.create', 'topic.delete'])
  })

  it('a question edited by hand must name an existing topic', async () => {
    const t = testApp()
    await seedQuestions(t, [makeQuestion('a1', { topic: 't1' })])
    const org = await staffAgent(t, 'organizer')
    const refused = await org.patch('/admin/questions/a1', { topic: 'khong-co' })
    expect(refused.status).toBe(400)
    expect(refused.body.error.message).toContain('khong-co')
    await org.post('/admin/topics', { name: 'Chủ đề mới' })
    expect((await org.patch('/admin/questions/a1', { topic: 'chu-de-moi' })).status).toBe(200)
    expect((await topicsOf(org)).find((x) => x.id === 'chu-de-moi')).toMatchObject({ questionCount: 1 })
  })
})

describe('imports create topics from their categories', () => {
  it('a GIFT category becomes a topic that a round\'s blueprint can use after a bulk publish', async () => {
    const t = testApp()
    const s = await setupContest(t)
    const imported = await upload(s.org, 'gift', PROVINCE_GIFT)
    expect(imported.status, imported.text).toBe(200)
    expect(imported.body.imported).toBe(3)
    const topic = (await topicsOf(s.org)).find((x) => x.name === 'Lịch sử Đảng bộ tỉnh')
    expect(topic).toEqual({ id: 'lich-su-dang-bo-tinh', name: 'Lịch sử Đảng bộ tỉnh', description: '', questionCount: 3, publishedCount: 0 })
    const list = await s.org.get('/admin/questions?topic=lich-su-dang-bo-tinh')
    const ids = (list.body.questions as { id: string; status: string }[]).map((q) => q.id)
    expect(list.body.questions.map((q: { status: string }) => q.status)).toEqual(['draft', 'draft', 'draft'])

    const now = t.clock.now()
    const round = { title: 'Tuần tỉnh', opensAt: iso(now - 60_000), closesAt: iso(now + 3600_000), questionCount: 3, blueprint: [{ topic: 'lich-su-dang-bo-tinh', count: 3 }] }
    const early = await s.org.post(`/admin/contests/${s.contestId}/rounds`, round)
    expect(early.status).toBe(400)
    const published = await s.org.post('/admin/questions/bulk', { ids, action: 'publish' })
    expect(published.status, published.text).toBe(200)
    expect(published.body.changed).toBe(3)
    expect((await topicsOf(s.org)).find((x) => x.id === 'lich-su-dang-bo-tinh')).toMatchObject({ publishedCount: 3 })

    const made = await s.org.post(`/admin/contests/${s.contestId}/rounds`, round)
    expect(made.status, made.text).toBe(201)
    const person = await registerPerson(t, s.unit.A1)
    const start = await person.agent.post(`/rounds/${made.body.round.id}/attempts`, {})
    expect(start.status, start.text).toBe(201)
    expect(start.body.attempt.items.map((i: { questionId: string }) => i.questionId).sort()).toEqual([...ids].sort())
  })

  it('a category naming a known topic (any diacritics or case) joins it; an id maps to itself; nothing else is made', async () => {
    const t = testApp()
    const org = await staffAgent(t, 'organizer')
    await org.post('/admin/topics', { name: 'Văn kiện tỉnh', id: 'vk' })
    const gift = '$CATEGORY: $course$/top/Cũ/VAN KIEN TINH\n\n::a::Câu thử nghiệm văn kiện một? {=Một ~Hai}\n\n$CATEGORY: vk\n\n::b::Câu thử nghiệm văn kiện hai? {=Ba ~Bốn}\n'
    expect((await upload(org, 'gift', gift)).body.imported).toBe(2)
    const json = JSON.stringify([{ ...makeQuestion('j1', { topic: 'Văn kiện tỉnh' }), status: 'draft' }])
    expect((await upload(org, 'json', json)).status).toBe(200)
    const topics = await topicsOf(org)
    expect(topics).toEqual([{ id: 'vk', name: 'Văn kiện tỉnh', description: '', questionCount: 3, publishedCount: 0 }])
  })

  it('two new categories whose slugs collide get distinct ids; each new topic is audited as made by the import', async () => {
    const t = testApp()
    const org = await staffAgent(t, 'organizer')
    await org.post('/admin/topics', { name: 'Chủ đề riêng', id: 'lich-su' })
    const gift = '$CATEGORY: Lịch sử\n\n::a::Câu thử nghiệm lịch sử một? {=Một ~Hai}\n\n$CATEGORY: Lịch-sử!\n\n::b::Câu thử nghiệm lịch sử hai? {=Ba ~Bốn}\n'
    expect((await upload(org, 'gift', gift)).body.imported).toBe(2)
    const made = (await topicsOf(org)).filter((x) => x.id !== 'lich-su').map((x) => [x.id, x.name])
    expect(made).toEqual([['lich-su-2', 'Lịch sử'], ['lich-su-3', 'Lịch-sử!']])
    const entries = await t.sql<{ action: string; detail: string }>(`SELECT action, detail FROM audit_log WHERE entity = 'topic' ORDER BY seq`)
    expect(entries.slice(1).map((e) => [e.action, JSON.parse(e.detail).via])).toEqual([['topic.create', 'import'], ['topic.create', 'import']])
  })

  it('a question without a category lands in the "imported" topic, named for people', async () => {
    const t = testApp()
    const org = await staffAgent(t, 'organizer')
    expect((await upload(org, 'aiken', 'Câu thử nghiệm không chủ đề?\nA. Có\nB. Không\nANSWER: A\n')).body.imported).toBe(1)
    expect(await topicsOf(org)).toEqual([{ id: 'imported', name: 'Câu hỏi nhập (không có chủ đề)', description: '', questionCount: 1, publishedCount: 0 }])
  })
})

describe('the shipped bank\'s topics at start', () => {
  it('are named on every store, again without change, keeping an organizer\'s rename', async () => {
    const t = testApp()
    // A topic the migration backfilled from a question: its name is its id until the server names it.
    await seedQuestions(t, [makeQuestion('old-1', { topic: 'dai-hoi-01' })])
    const env = { ADMIN_USERNAME: 'quantri', ADMIN_PASSWORD: 'mat-khau-quan-tri-1', SEED_DEMO: false }
    await seedDatabase(t.store, env, t.clock.now())
    const org = await staffAgent(t, 'organizer')
    const first = await topicsOf(org)
    expect(first.map((x) => [x.id, x.name])).toEqual(TOPICS.map((x) => [x.id, x.name]).sort(([a], [b]) => a.localeCompare(b)))
    expect(first.find((x) => x.id === 'dai-hoi-01')!.questionCount).toBeGreaterThan(1)
    await org.patch('/admin/topics/dai-hoi-02', { name: 'Đại hội lần thứ hai' })
    await seedDatabase(t.store, env, t.clock.now())
    const second = await topicsOf(org)
    expect(second.find((x) => x.id === 'dai-hoi-02')!.name).toBe('Đại hội lần thứ hai')
    expect(second.map((x) => x.id)).toEqual(first.map((x) => x.id))
  })
})

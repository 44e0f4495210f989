import { describe, expect, it } from 'vitest'
import { hashPassword } from '../../api/lib/password'
import { SYSTEM_ACTOR } from '../../api/services/audit'
import { importQuestions } from '../../api/services/questions'
import { addStaffUser } from '../../api/services/staff'
import { staffAgent, testApp, type Agent, type TestApp } from '../helpers/app'
import { makeQuestion, seedQuestions } from '../helpers/bank'
import { registerPerson, setupContest } from '../helpers/contest'

const utf8 = (text: string) => new TextEncoder().encode(text)
const importGift = (agent: Agent, text: string) =>
  agent.request('POST', '/admin/questions/import?format=gift', utf8(text), { 'content-type': 'application/octet-stream' })

// An organizer with a name of their own, as the history shows it.
async function namedOrganizer(t: TestApp, name: string): Promise<Agent> {
  const username = `soan-${Math.random().toString(36).slice(2, 8)}`
  await t.store.write(() => addStaffUser(SYSTEM_ACTOR, { username, role: 'organizer', name }, '', t.clock.now()))
  await t.exec('UPDATE staff_users SET password_hash = ? WHERE username = ?', await hashPassword('mat-khau-thu-nghiem'), username)
  const a = t.agent()
  expect((await a.post('/sessions', { identifier: username, password: 'mat-khau-thu-nghiem' })).status).toBe(200)
  return a
}

async function withTopic(t: TestApp, org: Agent, name = 'Lịch sử Đảng bộ tỉnh'): Promise<string> {
  const res = await org.post('/admin/topics', { name })
  expect(res.status, res.text).toBe(201)
  return res.body.topic.id
}

const form = (topic: string, over: Record<string, unknown> = {}) => ({
  topic, difficulty: 2, type: 'single', stem: 'Tỉnh thử nghiệm được tái lập vào năm nào?',
  options: [{ key: 'A', text: 'Năm 1991' }, { key: 'B', text: 'Năm 1997' }, { key: 'C', text: 'Năm 2008' }],
  correct: ['B'], explanation: 'Theo tài liệu thử nghiệm.', source: { document: 'Lịch sử Đảng bộ tỉnh (tài liệu thử nghiệm)' }, ...over,
})

describe('post /admin/questions (the console form)', () => {
  it('creates a draft by default, or a published question; it is listed, drawable when published, and audited', async () => {
    const t = testApp()
    const org = await staffAgent(t, 'organizer')
    const topic = await withTopic(t, org)
    const draft = await org.post('/admin/questions', form(topic))
    expect(draft.status, draft.text).toBe(201)
    expect(draft.body.question).toMatchObject({ topic, status: 'draft', revision: 1, correct: ['B'] })
    expect(draft.body.question.id).toMatch(/^q-[0-9a-z]{14}$/)
    const pub = await org.post('/admin/questions', form(topic, { id: 'tinh-001', stem: 'Câu thứ hai của tỉnh thử nghiệm?', status: 'published' }))
    expect(pub.status, pub.text).toBe(201)
    expect(pub.body.question).toMatchObject({ id: 'tinh-001', status: 'published' })
    const listed = await org.get(`/admin/questions?topic=${topic}`)
    expect(listed.body.questions.map((q: { id: string; status: string }) => [q.id, q.status]).sort()).toEqual([[draft.body.question.id, 'draft'], ['tinh-001', 'published']].sort())
    const counts = await org.get('/admin/questions/counts')
    expect(counts.body.counts).toContainEqual({ topic, difficulty: 2, count: 1 })
    const audit = await t.sql<{ action: string; entity_id: string }>(`SELECT action, entity_id FROM audit_log WHERE action = 'question.create' ORDER BY seq`)
    expect(audit.map((a) => a.entity_id)).toEqual([draft.body.question.id, 'tinh-001'])
  })

  it('refuses a bad question with the field and a Vietnamese reason, and stores nothing', async () => {
    const t = testApp()
    const org = await staffAgent(t, 'organizer')
    const topic = await withTopic(t, org)
    const before = await t.one<{ n: number }>('SELECT count(*) AS "n" FROM questions')
    const empty = await org.post('/admin/questions', form(topic, { stem: '  ' }))
    expect(empty.status).toBe(400)
    expect(empty.body.error.message).toBe('Nội dung câu hỏi không được để trống.')
    expect(empty.body.error.details.issues).toContainEqual({ path: 'stem', message: 'Nội dung câu hỏi không được để trống.' })
    const key = await org.post('/admin/questions', form(topic, { correct: ['E'] }))
    expect(key.status).toBe(400)
    expect(key.body.error.details.issues.map((i: { path: string }) => i.path)).toContain('correct')
    expect(key.body.error.message).toContain('đáp án E không có trong các phương án')
    const noTopic = await org.post('/admin/questions', form('chua-co-chu-de'))
    expect(noTopic.status).toBe(400)
    expect(noTopic.body.error.message).toBe('Chủ đề "chua-co-chu-de" chưa có; hãy tạo chủ đề trước.')
    expect((await org.post('/admin/questions', form(topic, { id: 'có dấu' }))).status).toBe(400)
    expect((await t.one<{ n: number }>('SELECT count(*) AS "n" FROM questions'))!.n).toBe(before!.n)

    expect((await org.post('/admin/questions', form(topic, { id: 'tinh-002' }))).status).toBe(201)
    const sameId = await org.post('/admin/questions', form(topic, { id: 'tinh-002', stem: 'Một câu khác hẳn?' }))
    expect([sameId.status, sameId.body.error.message]).toEqual([409, 'Mã câu hỏi "tinh-002" đã có trong ngân hàng; hãy chọn mã khác.'])
    const twin = await org.post('/admin/questions', form(topic, { stem: 'Tỉnh thử nghiệm được tái lập vào  NĂM nào?' }))
    expect([twin.status, twin.body.error.message]).toEqual([409, 'Câu hỏi trùng với câu "tinh-002" đã có trong ngân hàng (cùng nội dung, phương án và đáp án).'])
    expect((await (await staffAgent(t, 'judge')).post('/admin/questions', form(topic))).status).toBe(403)
  })
})

describe('get /admin/questions/:questionId/revisions (history)', () => {
  it('names each revision\'s editor and shows what changed, word by word for texts', async () => {
    const t = testApp()
    const org = await namedOrganizer(t, 'Nguyễn Thị Soạn')
    const topic = await withTopic(t, org)
    const other = await withTopic(t, org, 'Văn kiện thử nghiệm')
    const id = (await org.post('/admin/questions', form(topic))).body.question.id
    t.clock.advance(60_000)
    const edited = await org.patch(`/admin/questions/${id}`, { stem: 'Tỉnh thử nghiệm được tái lập vào tháng và năm nào?', correct: ['C'], topic: other, status: 'published', difficulty: 3 })
    expect(edited.status, edited.text).toBe(200)
    const res = await org.get(`/admin/questions/${id}/revisions`)
    expect(res.status).toBe(200)
    const [first, second] = res.body.revisions
    expect(first).toMatchObject({ revision: 1, editorName: 'Nguyễn Thị Soạn', origin: 'console', changes: [] })
    expect(second).toMatchObject({ revision: 2, editorName: 'Nguyễn Thị Soạn', origin: 'console', createdAt: new Date(t.clock.now()).toISOString() })
    const byField = Object.fromEntries(second.changes.map((c: { field: string }) => [c.field, c]))
    expect(Object.keys(byField).sort()).toEqual(['correct', 'difficulty', 'status', 'stem', 'topic'])
    expect(byField.correct).toMatchObject({ label: 'Đáp án đúng', before: 'B', after: 'C' })
    expect(byField.topic).toMatchObject({ before: 'Lịch sử Đảng bộ tỉnh', after: 'Văn kiện thử nghiệm' })
    expect(byField.status).toMatchObject({ before: 'Nháp', after: 'Đã công bố' })
    expect(byField.difficulty).toMatchObject({ before: '2 (vừa)', after: '3 (khó)' })
    expect(byField.stem.parts.filter((p: { op: string }) => p.op !== 'same')).toEqual([{ text: 'tháng và ', op: 'added' }])
    expect(byField.stem.parts.map((p: { text: string }) => p.text).join('')).toBe('Tỉnh thử nghiệm được tái lập vào tháng và năm nào?')
  })

  it('shows "Hệ thống" for the shipped bank, and a file import as "Nhập tệp" with the importer\'s name', async () => {
    const t = testApp()
    await seedQuestions(t, [makeQuestion('seeded-1')])
    const org = await namedOrganizer(t, 'Trần Văn Nhập')
    const seeded = await org.get('/admin/questions/seeded-1/revisions')
    expect(seeded.body.revisions[0]).toMatchObject({ editorName: 'Hệ thống', origin: 'system' })
    t.clock.advance(1000)
    expect((await importGift(org, '::nhap-1::Câu nhập từ tệp thử nghiệm?{=Có ~Không}\n')).status).toBe(200)
    t.clock.advance(1000)
    expect((await org.patch('/admin/questions/nhap-1', { explanation: 'Giải thích thêm.' })).status).toBe(200)
    const res = await org.get('/admin/questions/nhap-1/revisions')
    expect(res.body.revisions.map((r: { editorName: string; origin: string }) => [r.editorName, r.origin])).toEqual([['Trần Văn Nhập', 'import'], ['Trần Văn Nhập', 'console']])
    expect(res.body.revisions[1].changes).toEqual([{ field: 'explanation', label: 'Giải thích', before: '', after: 'Giải thích thêm.' }])
    // The command-line import has no staff member behind it.
    t.clock.advance(1000)
    await t.store.write(() => importQuestions(SYSTEM_ACTOR, [{ question: makeQuestion('dong-lenh-1', { topic: 't1' }) }], t.clock.now(), 'cli:json'))
    expect((await org.get('/admin/questions/dong-lenh-1/revisions')).body.revisions[0]).toMatchObject({ editorName: 'Nhập tệp', origin: 'import' })
  })
})

describe('get /admin/questions/:questionId openRounds (the warning before an edit)', () => {
  it('names the open rounds whose attempts drew the question, until the round is over', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 5, t2: 5 }, round: { questionCount: 5, blueprint: [{ topic: 't1', count: 5 }], graceSec: 30 } })
    const idle = await s.org.get('/admin/questions/t1-q1')
    expect(idle.body.openRounds).toEqual([])
    const p = await registerPerson(t, s.unit.B)
    expect((await p.agent.post(`/rounds/${s.roundId}/attempts`, {})).status).toBe(201)
    const drawn = await s.org.get('/admin/questions/t1-q1')
    expect(drawn.status).toBe(200)
    expect(drawn.body.question.id).toBe('t1-q1')
    expect(drawn.body.openRounds).toEqual([{ id: s.roundId, title: 'Tuần 1', contestTitle: 'Cuộc thi thử nghiệm', attempts: 1 }])
    expect((await s.org.get('/admin/questions/t2-q1')).body.openRounds).toEqual([])
    // Past the close, plus the attempt's time and grace: nothing can be written any more.
    t.clock.advance(25 * 3600_000)
    expect((await s.org.get('/admin/questions/t1-q1')).body.openRounds).toEqual([])
  })
})

describe('GIFT titles as question ids', () => {
  const FILE = `$CATEGORY: Lịch sử Đảng bộ tỉnh

::tinh-01::Câu một của tỉnh thử nghiệm?{=Đúng một ~Sai một}

::tinh-02::Câu hai của tỉnh thử nghiệm?{=Đúng hai ~Sai hai}

::Câu 3::Câu ba của tỉnh thử nghiệm?{=Đúng ba ~Sai ba}

::tinh-01::Câu bốn dùng lại tiêu đề của câu một?{=Đúng bốn ~Sai bốn}
`
  it('keeps unique valid titles, gives the others a generated id with a note saying why', async () => {
    const t = testApp()
    await seedQuestions(t, [makeQuestion('tinh-02', { stem: 'Câu của ngân hàng đã có mã tinh-02?' })])
    const org = await staffAgent(t, 'organizer')
    const res = await importGift(org, FILE)
    expect(res.status, res.text).toBe(200)
    expect(res.body).toMatchObject({ imported: 4, skipped: 0, errors: [] })
    const ids = (await t.sql<{ id: string; stem_folded: string }>(`SELECT id FROM questions WHERE id <> 'tinh-02' ORDER BY id`)).map((r) => r.id)
    expect(ids).toContain('tinh-01')
    expect(ids.filter((id) => id.startsWith('imp-'))).toHaveLength(3)
    const messages = res.body.warnings.map((w: { message: string }) => w.message)
    expect(messages).toContainEqual(expect.stringMatching(/^Dòng 5: Tiêu đề "tinh-02" đã là mã của một câu khác trong ngân hàng, câu này được nhập với mã "imp-[0-9a-f]{12}"\.$/))
    expect(messages).toContain('Dòng 7: câu "Câu 3": tiêu đề không dùng được làm mã (mã chỉ gồm chữ không dấu, số và _ . : -, tối đa 80 ký tự), câu được gán mã tự sinh.')
    expect(messages).toContainEqual(expect.stringMatching(/^Dòng 9: tiêu đề "tinh-01" đã là mã của câu khác ở dòng 3, câu này được gán mã "imp-[0-9a-f]{12}"\.$/))
    const kept = await org.get('/admin/questions/tinh-01')
    expect(kept.body.question.stem).toBe('Câu một của tỉnh thử nghiệm?')
    expect((await org.get('/admin/questions/tinh-02')).body.question.stem).toBe('Câu của ngân hàng đã có mã tinh-02?')
  })

  // Two apps and three imports: a budget for a busy machine, not a timing assertion.
  it('an exported GIFT imported into another bank keeps every id; imported again into its own bank it changes nothing', { timeout: 60_000 }, async () => {
    const t = testApp()
    const org = await staffAgent(t, 'organizer')
    const topic = await withTopic(t, org, 'Chủ đề xuất thử')
    for (const [i, id] of ['xuat-1', 'xuat.2', 'xuat:3'].entries()) {
      expect((await org.post('/admin/questions', form(topic, { id, stem: `Câu xuất thử số ${i + 1}: {dấu} #đặc biệt = ~?`, status: 'published', difficulty: 3 }))).status).toBe(201)
    }
    const file = await t.app.request(`/admin/questions/export?format=gift&topic=${topic}`, { headers: { cookie: org.cookie } })
    expect(file.status).toBe(200)
    const gift = await file.text()

    const other = testApp()
    const otherOrg = await staffAgent(other, 'organizer')
    const res = await importGift(otherOrg, gift)
    expect(res.status, res.text).toBe(200)
    expect(res.body).toMatchObject({ imported: 3, skipped: 0 })
    const listed = await otherOrg.get('/admin/questions?limit=100')
    expect(listed.body.questions.map((q: { id: string }) => q.id).sort()).toEqual(['xuat-1', 'xuat.2', 'xuat:3'])
    expect(listed.body.questions.map((q: { stem: string }) => q.stem).sort()).toEqual([1, 2, 3].map((i) => `Câu xuất thử số ${i}: {dấu} #đặc biệt = ~?`))

    const again = await importGift(org, gift)
    expect(again.body).toMatchObject({ imported: 0, updated: 0, skipped: 3 })
    const mine = await org.get('/admin/questions/xuat-1')
    expect(mine.body.question).toMatchObject({ revision: 1, status: 'published', difficulty: 3 })
  })
})

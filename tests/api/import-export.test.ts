import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readExportable } from '../../api/services/question-export'
import { saveQuestion, toContent } from '../../api/services/question-store'
import { loadBankQuestions } from '../../questions/load'
import type { BankQuestion } from '../../questions/schema'
import { staffAgent, testApp, type Agent, type TestApp } from '../helpers/app'
import { makeQuestion, seedQuestions } from '../helpers/bank'
import { registerPerson, setupContest, takeAttempt } from '../helpers/contest'

const utf8 = (text: string) => new TextEncoder().encode(text)
const upload = (agent: Agent, path: string, body: Uint8Array) => agent.request('POST', path, body, { 'content-type': 'application/octet-stream' })
const count = async (t: TestApp, table: string) => (await t.one<{ n: number }>(`SELECT count(*) AS "n" FROM ${table}`))!.n
const bankIn = (t: TestApp) => t.store.read(readExportable({}))

async function download(t: TestApp, agent: Agent, path: string): Promise<Uint8Array> {
  const res = await t.app.request(path, { headers: { cookie: agent.cookie } })
  expect(res.status, path).toBe(200)
  return new Uint8Array(await res.arrayBuffer())
}

async function organizer() {
  const t = testApp()
  return { t, org: await staffAgent(t, 'organizer') }
}

// Small invented files, one per format, each with Vietnamese text.
const JSON_FILE = JSON.stringify([{
  id: 'vn-json-1', topic: 'thu-nghiem', difficulty: 1, type: 'single', stem: 'Câu thử nghiệm JSON: chữ nào mang dấu huyền?',
  options: [{ key: 'A', text: 'à' }, { key: 'B', text: 'á' }], correct: ['A'], explanation: 'Dấu huyền là dấu `.', source: { document: 'Tài liệu thử nghiệm' },
}], null, 2)
const CSV_FILE = '\ufeffMã,Chủ đề,Câu hỏi,A,B,C,Đáp án đúng,Nguồn\r\nvn-csv-1,thu-nghiem,"Câu thử nghiệm CSV, có dấu phẩy: chữ nào là ""ơ""?",ơ,ư,ô,A,Tài liệu thử nghiệm\r\n'
const GIFT_FILE = '$CATEGORY: $course$/top/thu-nghiem\n\n::vn-gift-1::Câu thử nghiệm GIFT: chữ nào có dấu ngã?{=ã ~ả ~ạ}\n'
const AIKEN_FILE = 'Câu thử nghiệm Aiken: chữ nào có dấu nặng?\nA. ạ\nB. ả\nANSWER: A\n'
const XML_FILE = `<?xml version="1.0" encoding="UTF-8"?><quiz><question type="multichoice"><name><text>x</text></name>
<questiontext format="plain_text"><text>Câu thử nghiệm Moodle XML: chữ nào có dấu sắc?</text></questiontext><single>true</single>
<answer fraction="100"><text>é</text></answer><answer fraction="0"><text>è</text></answer></question></quiz>`

async function xlsxFile(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Câu hỏi')
  ws.addRow(['Chủ đề', 'Câu hỏi', 'Phương án A', 'Phương án B', 'Đáp án', 'Độ khó'])
  ws.addRow(['thu-nghiem', 'Câu thử nghiệm Excel: chữ nào là "đ"?', 'đ', 'd', 'A', 'dễ'])
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

describe('post /admin/questions/import', () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, string][] = [
    ['json', () => utf8(JSON_FILE), 'Câu thử nghiệm JSON: chữ nào mang dấu huyền?'],
    ['csv', () => utf8(CSV_FILE), 'Câu thử nghiệm CSV, có dấu phẩy: chữ nào là "ơ"?'],
    ['xlsx', xlsxFile, 'Câu thử nghiệm Excel: chữ nào là "đ"?'],
    ['gift', () => utf8(GIFT_FILE), 'Câu thử nghiệm GIFT: chữ nào có dấu ngã?'],
    ['aiken', () => utf8(AIKEN_FILE), 'Câu thử nghiệm Aiken: chữ nào có dấu nặng?'],
    ['moodlexml', () => utf8(XML_FILE), 'Câu thử nghiệm Moodle XML: chữ nào có dấu sắc?'],
  ]
  it.each(cases)('format=%s imports a small Vietnamese file and the question is listed', async (format, file, stem) => {
    const { t, org } = await organizer()
    const res = await upload(org, `/admin/questions/import?format=${format}`, await file())
    expect(res.status, res.text).toBe(200)
    expect(res.body).toMatchObject({ imported: 1, skipped: 0, errors: [] })
    const list = await org.get('/admin/questions?q=cau thu nghiem')
    expect(list.body.questions.map((q: BankQuestion) => q.stem)).toEqual([stem])
    expect(await count(t, 'question_revisions')).toBe(1)
  })

  it('counts the published questions per topic and difficulty in one answer, drafts and retired ones left out', async () => {
    const { t, org } = await organizer()
    await seedQuestions(t, [
      makeQuestion('a1', { topic: 't1', difficulty: 1 }), makeQuestion('a2', { topic: 't1', difficulty: 1 }), makeQuestion('a3', { topic: 't1', difficulty: 3 }),
      makeQuestion('b1', { topic: 't2', difficulty: 2 }), makeQuestion('b2', { topic: 't2', difficulty: 2, status: 'draft' }), makeQuestion('b3', { topic: 't2', difficulty: 1, status: 'retired' }),
    ])
    const res = await org.get('/admin/questions/counts')
    expect(res.status).toBe(200)
    expect(res.body.counts).toEqual([{ topic: 't1', difficulty: 1, count: 2 }, { topic: 't1', difficulty: 3, count: 1 }, { topic: 't2', difficulty: 2, count: 1 }])
  })

  it('search matches a % or _ in the query as itself, with or without diacritics', async () => {
    const { t, org } = await organizer()
    await seedQuestions(t, [
      makeQuestion('pct', { stem: 'Tỉ lệ đạt 50% là bao nhiêu?' }),
      makeQuestion('num', { stem: 'Tỉ lệ đạt 500 là bao nhiêu?' }),
      makeQuestion('und', { stem: 'Ký hiệu a_b nghĩa là gì?' }),
      makeQuestion('abc', { stem: 'Ký hiệu axb nghĩa là gì?' }),
    ])
    const ids = async (q: string) => (await org.get(`/admin/questions?q=${encodeURIComponent(q)}`)).body.questions.map((x: BankQuestion) => x.id)
    expect(await ids('50%')).toEqual(['pct'])
    expect(await ids('a_b')).toEqual(['und'])
    expect((await ids('ti le dat 50')).sort()).toEqual(['num', 'pct'])
  })

  const BAD_CSV = 'Chủ đề,Câu hỏi,A,B,Đáp án đúng\r\nthu-nghiem,Câu tốt một?,có,không,A\r\nthu-nghiem,Câu thiếu đáp án?,có,không,\r\nthu-nghiem,Câu tốt hai?,đúng thế,sai thế,B\r\nthu-nghiem,Câu đáp án lạ?,có,không,Z\r\n'

  it('with mode=all an error file is 400 with every error located by row and line, and nothing is stored', async () => {
    const { t, org } = await organizer()
    const res = await upload(org, '/admin/questions/import?format=csv', utf8(BAD_CSV))
    expect(res.status, res.text).toBe(400)
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
    expect(res.body.error.details.errors.map((e: { row: number; line: number }) => [e.row, e.line])).toEqual([[3, 3], [5, 5]])
    expect(res.body.error.details.errors[0].message).toMatch(/^Hàng 3: .*thiếu đáp án đúng/)
    expect(await count(t, 'questions')).toBe(0)
  })

  it('with mode=valid the good questions are stored and the errors still reported', async () => {
    const { t, org } = await organizer()
    const res = await upload(org, '/admin/questions/import?format=csv&mode=valid', utf8(BAD_CSV))
    expect(res.status, res.text).toBe(200)
    expect(res.body.imported).toBe(2)
    expect(res.body.errors.map((e: { row: number }) => e.row)).toEqual([3, 5])
    expect(await count(t, 'questions')).toBe(2)
  })

  it('re-importing the same file changes nothing and counts every question as skipped', async () => {
    const { t, org } = await organizer()
    for (const [format, file] of [['json', utf8(JSON_FILE)], ['gift', utf8(GIFT_FILE)], ['xlsx', await xlsxFile()]] as const) {
      expect((await upload(org, `/admin/questions/import?format=${format}`, file)).body.imported).toBe(1)
      const before = [await count(t, 'questions'), await count(t, 'question_revisions'), await count(t, 'audit_log')]
      const again = await upload(org, `/admin/questions/import?format=${format}`, file)
      expect(again.status).toBe(200)
      expect(again.body).toMatchObject({ imported: 0, updated: 0, skipped: 1, errors: [] })
      expect(again.body.warnings).toHaveLength(1)
      expect([await count(t, 'questions'), await count(t, 'question_revisions'), await count(t, 'audit_log')]).toEqual(before)
    }
  }, 30_000) // six imports: some 6 s on a loaded machine
})

// The whole shipped bank, seeded directly into one app, exported over HTTP and imported into another.
describe('export → import round trip of the shipped bank', { timeout: 120_000 }, () => {
  const shipped = loadBankQuestions()
  async function seeded() {
    const a = await organizer()
    await a.t.store.write(function* () {
      for (const q of shipped) yield* saveQuestion(q.id, toContent(q), a.t.clock.now(), 'test')
    })
    return a
  }

  it.each(['json', 'csv', 'xlsx'] as const)('%s gives back the same bank, and importing it again skips every question', async (format) => {
    const a = await seeded()
    const file = await download(a.t, a.org, `/admin/questions/export?format=${format}&exact=true`)
    const b = await organizer()
    const res = await upload(b.org, `/admin/questions/import?format=${format}`, file)
    expect(res.status, res.text.slice(0, 500)).toBe(200)
    expect(res.body).toMatchObject({ imported: shipped.length, updated: 0, skipped: 0, warnings: [], errors: [] })
    expect(await bankIn(b.t)).toEqual(await bankIn(a.t))
    const again = await upload(a.org, `/admin/questions/import?format=${format}`, file)
    expect(again.body).toMatchObject({ imported: 0, updated: 0, skipped: shipped.length })
  })

  it('gift keeps ids (as titles), stems, options, keys, types, topics and explanations (difficulty, source and status are not kept)', async () => {
    const a = await seeded()
    const b = await organizer()
    const res = await upload(b.org, '/admin/questions/import?format=gift', await download(a.t, a.org, '/admin/questions/export?format=gift'))
    expect(res.status, res.text.slice(0, 500)).toBe(200)
    expect(res.body.imported).toBe(shipped.length)
    const kept = (q: BankQuestion) => JSON.stringify([q.topic, q.type, q.stem, q.options.map((o) => [o.key, o.text]), q.correct, q.explanation])
    const back = await bankIn(b.t)
    expect(back.map(kept).sort()).toEqual((await bankIn(a.t)).map(kept).sort())
    expect(back.every((q) => q.status === 'draft' && q.difficulty === 2 && q.source.document === '')).toBe(true)
    expect(back.map((q) => q.id).sort()).toEqual((await bankIn(a.t)).map((q) => q.id).sort())
  })
})

describe('revisions and retiring', () => {
  it('patch /admin/questions/:id makes revision 2 with who and when, and the history lists both', async () => {
    const { t, org } = await organizer()
    await upload(org, '/admin/questions/import?format=json', utf8(JSON_FILE))
    const me = await org.get('/me')
    t.clock.advance(60_000)
    const res = await org.patch('/admin/questions/vn-json-1', { stem: 'Câu thử nghiệm đã sửa: chữ nào mang dấu huyền?' })
    expect(res.status, res.text).toBe(200)
    expect(res.body.question).toMatchObject({ id: 'vn-json-1', revision: 2, stem: 'Câu thử nghiệm đã sửa: chữ nào mang dấu huyền?' })
    const history = await org.get('/admin/questions/vn-json-1/revisions')
    expect(history.body.revisions.map((r: { revision: number; createdBy: string; createdAt: string; question: BankQuestion }) => [r.revision, r.createdBy, r.createdAt, r.question.stem])).toEqual([
      [1, me.body.user.id, new Date(t.clock.now() - 60_000).toISOString(), 'Câu thử nghiệm JSON: chữ nào mang dấu huyền?'],
      [2, me.body.user.id, new Date(t.clock.now()).toISOString(), 'Câu thử nghiệm đã sửa: chữ nào mang dấu huyền?'],
    ])
  })

  it('a question used in an attempt is retired, never deleted: the attempt keeps its revision and no new draw contains it', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 6 } })
    const person = await registerPerson(t, s.unit.A1)
    const attempt = await takeAttempt(t, person.agent, s.roundId, 5)
    await person.agent.post(`/attempts/${attempt.id}/submit`, {})
    const used = attempt.items[0].questionId
    const res = await s.org.patch(`/admin/questions/${used}`, { status: 'retired' })
    expect(res.status, res.text).toBe(200)
    expect(res.body.question).toMatchObject({ id: used, revision: 2, status: 'retired' })
    expect((await s.org.get(`/admin/questions/${used}`)).body.question.status).toBe('retired')
    const kept = await t.sql('SELECT revision FROM attempt_items WHERE question_id = ?', used)
    expect(kept).toEqual([{ revision: 1 }])
    // Five published questions are left: a round of five draws exactly those, a round of six cannot be filled.
    const now = t.clock.now()
    const round = (questionCount: number) => s.org.post(`/admin/contests/${s.contestId}/rounds`, { title: 'Tuần sau', opensAt: new Date(now - 1000).toISOString(), closesAt: new Date(now + 3600_000).toISOString(), questionCount })
    expect((await round(6)).status).toBe(400)
    const next = await round(5)
    expect(next.status, next.text).toBe(201)
    for (let i = 0; i < 3; i++) {
      const p = await registerPerson(t, s.unit.B)
      const start = await p.agent.post(`/rounds/${next.body.round.id}/attempts`, {})
      expect(start.body.attempt.items.map((it: { questionId: string }) => it.questionId)).not.toContain(used)
    }
  })
})

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { openDb } from '../../db/client'
import { migrateDb } from '../../db/migrate'
import { onPg, testApp, type TestApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt, type Setup } from '../helpers/contest'

// The organizer's people list (issue 15): filters, export per unit, corrections, a person's attempts.
async function finish(t: TestApp, s: Setup, p: { agent: Setup['org'] }, right: number) {
  const a = await takeAttempt(t, p.agent, s.roundId, right)
  t.clock.advance(60_000)
  expect((await p.agent.post(`/attempts/${a.id}/submit`, {})).status).toBe(200)
  return a
}

const names = (res: { body: { people: { fullName: string }[] } }) => res.body.people.map((p) => p.fullName)

describe('GET /admin/contests/:contestId/people', () => {
  it('filters by unit with its subtree, registration day in Hà Nội, taken or not and name, with paging and sort', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 10 }, round: { questionCount: 5 } })
    t.clock.set('2026-03-02T16:30:00Z') // 23:30 on 02/03 in Hà Nội
    const an = await registerPerson(t, s.unit.A1, { fullName: 'Nguyễn Văn An' })
    await finish(t, s, an, 4)
    t.clock.set('2026-03-02T17:30:00Z') // 00:30 on 03/03 in Hà Nội
    await registerPerson(t, s.unit.B, { fullName: 'Lê Đức Cường' })
    t.clock.advance(60_000)
    const binh = await registerPerson(t, s.unit.A2, { fullName: 'Trần Thị Bình' })
    await finish(t, s, binh, 2)

    const base = `/admin/contests/${s.contestId}/people`
    const all = await s.org.get(base)
    expect(all.status).toBe(200)
    expect(all.body.total).toBe(3)
    expect(names(all)).toEqual(['Lê Đức Cường', 'Nguyễn Văn An', 'Trần Thị Bình'])
    expect(all.body.people[1]).toMatchObject({ unitId: s.unit.A1, unitName: 'Chi bộ An Một', attempts: 1, bestScore: 4, dateOfBirth: '1990-05-01' })

    expect(names(await s.org.get(`${base}?unitId=${s.unit.A}`))).toEqual(['Nguyễn Văn An', 'Trần Thị Bình'])
    expect(names(await s.org.get(`${base}?unitId=${s.unit.A2}`))).toEqual(['Trần Thị Bình'])
    expect(names(await s.org.get(`${base}?from=2026-03-03`))).toEqual(['Lê Đức Cường', 'Trần Thị Bình'])
    expect(names(await s.org.get(`${base}?to=2026-03-02`))).toEqual(['Nguyễn Văn An'])
    expect(names(await s.org.get(`${base}?took=no`))).toEqual(['Lê Đức Cường'])
    expect(names(await s.org.get(`${base}?took=yes&roundId=${s.roundId}`))).toEqual(['Nguyễn Văn An', 'Trần Thị Bình'])
    expect(names(await s.judge.get(`${base}?q=duc cuong`))).toEqual(['Lê Đức Cường'])
    expect(names(await s.org.get(`${base}?sort=attempts&order=asc&limit=1`))).toEqual(['Lê Đức Cường'])
    const scored = await s.org.get(`${base}?sort=registeredAt&order=desc&limit=1&offset=1`)
    expect([scored.body.total, names(scored)]).toEqual([3, ['Lê Đức Cường']])
  })

  it('refuses bad filters with a Vietnamese message, a unit of another contest, and participants', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 10 }, round: { questionCount: 5 } })
    const other = await s.org.post('/admin/contests', { title: 'Cuộc thi khác' })
    const units = await s.org.post(`/admin/contests/${other.body.contest.id}/units`, { units: [{ code: 'X', name: 'Đơn vị khác', headcount: 3 }] })
    const base = `/admin/contests/${s.contestId}/people`
    const bad = await s.org.get(`${base}?took=maybe`)
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toMatch(/took là yes hoặc no/)
    expect((await s.org.get(`${base}?from=2026-03-05&to=2026-03-01`)).body.error.message).toMatch(/ngày bắt đầu/)
    const foreign = await s.org.get(`${base}?unitId=${units.body.units[0].id}`)
    expect([foreign.status, foreign.body.error.message]).toEqual([400, 'Đơn vị không thuộc cuộc thi này.'])
    expect((await s.org.get(`${base}.csv?unitId=${units.body.units[0].id}`)).status).toBe(400)
    const p = await registerPerson(t, s.unit.A1)
    expect((await p.agent.get(base)).status).toBe(403)
    expect((await s.org.get('/admin/contests/khong-co/people')).status).toBe(404)
  })
})

describe('people export', () => {
  it('writes one unit (with its subtree) as CSV and XLSX with Vietnamese headers and dd/mm/yyyy dates', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 10 }, round: { questionCount: 5 } })
    t.clock.set('2026-03-02T17:30:00Z') // registered on 03/03 in Hà Nội
    const an = await registerPerson(t, s.unit.A1, { fullName: 'Nguyễn Văn An', dateOfBirth: '1985-12-31' })
    await finish(t, s, an, 3)
    await registerPerson(t, s.unit.B, { fullName: 'Lê Đức Cường' })

    // Raw bytes through the app (the agent decodes text, dropping the BOM), with the organizer's cookie.
    const get = (path: string, agent = s.org) => t.app.request(`/admin/contests/${s.contestId}/${path}`, { headers: { cookie: agent.cookie } })
    const csv = await get(`people.csv?unitId=${s.unit.A}`)
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-disposition')).toContain(`thi-sinh-${s.unit.A}.csv`)
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer()).split('\r\n')
    expect(lines[0]).toBe('\uFEFFSTT,Họ và tên,Ngày sinh,Số điện thoại,Đơn vị,Ngày đăng ký,Số lượt đã thi,Điểm cao nhất')
    expect(lines[1]).toBe(`1,Nguyễn Văn An,31/12/1985,${an.phone},Chi bộ An Một,03/03/2026,1,3`)
    expect(lines.filter(Boolean)).toHaveLength(2)

    const raw = await get(`people.xlsx?unitId=${s.unit.A}`, s.judge)
    expect(raw.status).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await raw.arrayBuffer())
    const sheet = book.getWorksheet('Thí sinh')!
    expect(sheet.getRow(1).values).toEqual([undefined, 'STT', 'Họ và tên', 'Ngày sinh', 'Số điện thoại', 'Đơn vị', 'Ngày đăng ký', 'Số lượt đã thi', 'Điểm cao nhất'])
    expect(sheet.getRow(2).values).toEqual([undefined, 1, 'Nguyễn Văn An', '31/12/1985', an.phone, 'Chi bộ An Một', '03/03/2026', 1, 3])
    expect(sheet.rowCount).toBe(2)
  })
})

describe('PATCH /admin/participants/:participantId', () => {
  it('corrects a name and a unit, audited old → new, and the boards follow', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 10 }, round: { questionCount: 5 } })
    const p = await registerPerson(t, s.unit.A1, { fullName: 'Nguyen Van Sai' })
    await finish(t, s, p, 4)
    const board = () => t.agent().get(`/rounds/${s.roundId}/leaderboard`)
    // Read twice, so the page is in the page cache: the correction must move it anyway.
    await board()
    expect((await board()).body.entries[0]).toMatchObject({ fullName: 'Nguyen Van Sai', unitName: 'Chi bộ An Một' })

    const res = await s.org.patch(`/admin/participants/${p.id}`, { fullName: 'Nguyễn Văn Đúng', unitId: s.unit.B })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ changed: true, participant: { fullName: 'Nguyễn Văn Đúng', units: [{ unitId: s.unit.B, unitName: 'Đảng bộ Cơ sở Bình' }] } })

    expect((await board()).body.entries[0]).toMatchObject({ participantId: p.id, fullName: 'Nguyễn Văn Đúng', unitId: s.unit.B, unitName: 'Đảng bộ Cơ sở Bình' })
    const contestBoard = await t.agent().get(`/contests/${s.contestId}/leaderboard`)
    expect(contestBoard.body.entries[0]).toMatchObject({ fullName: 'Nguyễn Văn Đúng', unitName: 'Đảng bộ Cơ sở Bình' })
    const units = await t.agent().get(`/rounds/${s.roundId}/units-leaderboard`)
    const of = (name: string) => units.body.entries.find((u: { unitName: string }) => u.unitName === name).participants
    expect([of('Chi bộ An Một'), of('Đảng bộ Cơ sở Bình')]).toEqual([0, 1])
    // Found under the new name, with or without diacritics.
    expect((await t.agent().get(`/rounds/${s.roundId}/leaderboard?q=nguyen van dung`)).body.total).toBe(1)

    const audit = await t.sql<{ action: string; entity_id: string; detail: string }>("SELECT action, entity_id, detail FROM audit_log WHERE action = 'participant.correct' ORDER BY seq")
    expect(audit).toHaveLength(1)
    expect(audit[0].entity_id).toBe(p.id)
    expect(JSON.parse(audit[0].detail)).toEqual({
      fullName: { from: 'Nguyen Van Sai', to: 'Nguyễn Văn Đúng' },
      unit: { contestId: s.contestId, from: { id: s.unit.A1, name: 'Chi bộ An Một' }, to: { id: s.unit.B, name: 'Đảng bộ Cơ sở Bình' } },
    })

    // A name alone (no unit move to refresh the page's key) reaches a cached page too.
    await board()
    expect((await s.org.patch(`/admin/participants/${p.id}`, { fullName: 'Nguyễn Văn Đúng Hơn' })).status).toBe(200)
    expect((await board()).body.entries[0].fullName).toBe('Nguyễn Văn Đúng Hơn')
    expect((await s.org.patch(`/admin/participants/${p.id}`, { fullName: 'Nguyễn Văn Đúng' })).status).toBe(200)

    // The same values again change nothing and write no audit entry.
    const again = await s.org.patch(`/admin/participants/${p.id}`, { fullName: 'Nguyễn Văn Đúng', unitId: s.unit.B })
    expect(again.body.changed).toBe(false)
    expect(await t.sql("SELECT seq FROM audit_log WHERE action = 'participant.correct'")).toHaveLength(3)
  })

  it('refuses judges, bad names, unknown people and units outside the person\'s contests, changing nothing', async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 10 }, round: { questionCount: 5 } })
    const p = await registerPerson(t, s.unit.A1, { fullName: 'Nguyễn Văn Giữ' })
    const other = await s.org.post('/admin/contests', { title: 'Cuộc thi khác' })
    const units = await s.org.post(`/admin/contests/${other.body.contest.id}/units`, { units: [{ code: 'X', name: 'Đơn vị khác', headcount: 3 }] })
    expect((await s.judge.patch(`/admin/participants/${p.id}`, { fullName: 'Tên Khác' })).status).toBe(403)
    const empty = await s.org.patch(`/admin/participants/${p.id}`, {})
    expect([empty.status, empty.body.error.message]).toEqual([400, expect.stringMatching(/cần họ tên mới hoặc đơn vị mới/)])
    expect((await s.org.patch(`/admin/participants/${p.id}`, { fullName: 'A\u202Eb' })).status).toBe(400)
    expect((await s.org.patch('/admin/participants/khong-co', { fullName: 'Tên Khác' })).status).toBe(404)
    const elsewhere = await s.org.patch(`/admin/participants/${p.id}`, { fullName: 'Tên Khác', unitId: units.body.units[0].id })
    expect([elsewhere.status, elsewhere.body.error.message]).toEqual([400, expect.stringMatching(/chưa tham gia cuộc thi/)])
    expect((await t.one<{ full_name: string }>('SELECT full_name FROM participants WHERE id = ?', p.id))!.full_name).toBe('Nguyễn Văn Giữ')
    expect(await t.sql("SELECT seq FROM audit_log WHERE action = 'participant.correct'")).toHaveLength(0)
  })
})

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

// A second server's app on the first one's database (a SQLite file, or the PostgreSQL database).
function twoServers(): [TestApp, TestApp] {
  let file
  if (!onPg) {
    const dir = mkdtempSync(join(tmpdir(), 'hoithi-people-'))
    dirs.push(dir)
    migrateDb((file = openDb(join(dir, 'db.sqlite'))))
  }
  const first = testApp({}, file)
  return [first, testApp({}, first)]
}

describe('a correction on one server', () => {
  it("reaches another server's cached round page, locked ranking and contest board", async () => {
    const [a, b] = twoServers()
    const s = await setupContest(a, { bank: { t1: 10 }, round: { questionCount: 5 } })
    const p = await registerPerson(a, s.unit.A1, { fullName: 'Tên Cũ Trên Máy Một' })
    await finish(a, s, p, 3)
    a.clock.advance(25 * 3600_000)
    b.clock.set(new Date(a.clock.now()).toISOString())
    expect((await s.judge.post(`/admin/rounds/${s.roundId}/finalize`, {})).status).toBe(200)
    const onB = () => b.agent().get(`/rounds/${s.roundId}/leaderboard`)
    await onB()
    expect((await onB()).body.entries[0].fullName).toBe('Tên Cũ Trên Máy Một')
    expect((await b.agent().get(`/contests/${s.contestId}/leaderboard`)).body.entries[0].fullName).toBe('Tên Cũ Trên Máy Một')

    expect((await s.org.patch(`/admin/participants/${p.id}`, { fullName: 'Tên Mới Từ Máy Một' })).status).toBe(200)
    expect((await onB()).body.entries[0].fullName).toBe('Tên Mới Từ Máy Một')
    expect((await b.agent().get(`/contests/${s.contestId}/leaderboard`)).body.entries[0].fullName).toBe('Tên Mới Từ Máy Một')
  })
})

describe('GET /admin/participants/:participantId', () => {
  it("lists a person's attempts with round, time, score, state and flags", async () => {
    const t = testApp()
    const s = await setupContest(t, { bank: { t1: 10 }, round: { questionCount: 5 } })
    const p = await registerPerson(t, s.unit.A1, { fullName: 'Phạm Thu Hà' })
    const first = await takeAttempt(t, p.agent, s.roundId, 5)
    t.clock.advance(4_000) // five questions in 4 seconds: too quick
    expect((await p.agent.post(`/attempts/${first.id}/submit`, {})).status).toBe(200)
    t.clock.advance(60_000)
    const second = await takeAttempt(t, p.agent, s.roundId, 2)

    const res = await s.judge.get(`/admin/participants/${p.id}`)
    expect(res.status).toBe(200)
    expect(res.body.participant).toMatchObject({ fullName: 'Phạm Thu Hà', units: [{ contestId: s.contestId, unitName: 'Chi bộ An Một' }] })
    expect(res.body.attempts).toEqual([
      expect.objectContaining({ id: second.id, roundTitle: 'Tuần 1', number: 2, status: 'in_progress', endedAt: null, score: null, flags: [] }),
      expect.objectContaining({
        id: first.id, roundId: s.roundId, number: 1, status: 'submitted', score: 5, maxScore: 5, durationMs: 4_000, disqualified: null,
        flags: [{ kind: 'fast_attempt', evidence: 'Hoàn thành 5 câu trong 4,0 giây' }],
      }),
    ])
    await s.judge.post(`/admin/rounds/${s.roundId}/disqualify`, { participantId: p.id, reason: 'Khai sai thông tin' })
    expect((await s.org.get(`/admin/participants/${p.id}`)).body.attempts[1].disqualified).toEqual({ reason: 'Khai sai thông tin' })
    expect((await s.org.get('/admin/participants/khong-co')).status).toBe(404)
  })
})

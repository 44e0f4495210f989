import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { testApp, type Agent, type TestApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt, UNITS } from '../helpers/contest'

const PRIZES = [{ name: 'Giải Nhất', count: 1 }, { name: 'Giải Nhì', count: 1 }]

// Three people with distinct scores 5, 3 and 1 out of 5 in one open round with a prize table.
async function rankedRound() {
  const t = testApp()
  const s = await setupContest(t, { round: { prizes: PRIZES } })
  const people = []
  for (const [i, unit] of [s.unit.A1, s.unit.A2, s.unit.B].entries()) {
    const p = await registerPerson(t, unit, { fullName: ['Lê Văn Nhất', 'Phạm Thị Nhì', 'Hoàng Văn Ba'][i] })
    const attempt = await takeAttempt(t, p.agent, s.roundId, 5 - 2 * i)
    const submit = await p.agent.post(`/attempts/${attempt.id}/submit`, {})
    expect(submit.body.result.score).toBe(5 - 2 * i)
    people.push({ ...p, name: ['Lê Văn Nhất', 'Phạm Thị Nhì', 'Hoàng Văn Ba'][i] })
  }
  return { t, s, people }
}

async function download(t: TestApp, agent: Agent, path: string) {
  const res = await t.app.request(path, { headers: { cookie: agent.cookie } })
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) }
}

function csvLines(bytes: Uint8Array): string[] {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, '').split(/\r?\n/)
}

// Ranking rows: from the line after the header to the first blank line.
function rankingRows(lines: string[]): string[][] {
  const rows: string[][] = []
  for (const line of lines.slice(1)) {
    if (line.trim() === '') break
    rows.push(line.split(','))
  }
  return rows
}

const headIn = (lines: string[]) => lines.map((l) => /\b([0-9a-f]{64})\b/.exec(l)?.[1]).find(Boolean)

describe('results.csv', () => {
  it('get /admin/rounds/:id/results.csv starts with a UTF-8 BOM and has the Vietnamese header, one row per ranked participant and the audit head', async () => {
    const { t, s, people } = await rankedRound()
    const res = await download(t, s.judge, `/admin/rounds/${s.roundId}/results.csv`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(res.headers.get('content-disposition')).toMatch(/attachment/)
    expect([...res.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = csvLines(res.bytes)
    expect(lines[0].split(',').slice(0, 2)).toEqual(['Hạng', 'Họ và tên'])
    for (const col of ['Đơn vị', 'Điểm']) expect(lines[0].split(',')).toContain(col)
    const rows = rankingRows(lines)
    expect(rows).toHaveLength(3)
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3'])
    expect(rows.map((r) => r[1])).toEqual(people.map((p) => p.name))
    const scoreCol = lines[0].split(',').indexOf('Điểm')
    expect(rows.map((r) => r[scoreCol])).toEqual(['5', '3', '1'])
    const head = headIn(lines)
    expect(head).toMatch(/^[0-9a-f]{64}$/)
    expect(res.headers.get('x-audit-head')).toBe(head)
  })

  it('a participant registered without any attempt is not a row of the ranking', async () => {
    const { t, s } = await rankedRound()
    await registerPerson(t, s.unit.B, { fullName: 'Người Chưa Thi' })
    const lines = csvLines((await download(t, s.judge, `/admin/rounds/${s.roundId}/results.csv`)).bytes)
    expect(rankingRows(lines)).toHaveLength(3)
    expect(lines.join('\n')).not.toContain('Người Chưa Thi')
  })
})

describe('results.csv cells', () => {
  // A person's name cannot hold "=" (registration refuses it), but a unit's can.
  it('a unit name that looks like a spreadsheet formula is exported as text, not as a formula', async () => {
    const t = testApp()
    const s = await setupContest(t)
    expect((await s.org.post(`/admin/contests/${s.contestId}/units`, { units: [{ code: 'A1', name: '=HYPERLINK("http://x.invalid","Bấm")' }] })).status).toBe(200)
    const p = await registerPerson(t, s.unit.A1)
    const attempt = await takeAttempt(t, p.agent, s.roundId, 1)
    expect((await p.agent.post(`/attempts/${attempt.id}/submit`, {})).status).toBe(200)
    const text = csvLines((await download(t, s.judge, `/admin/rounds/${s.roundId}/results.csv`)).bytes).join('\n')
    expect(text).toContain('HYPERLINK')
    for (const line of text.split('\n')) {
      for (const cell of line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@]/)
    }
  })
})

describe('results.xlsx', () => {
  it('get /admin/rounds/:id/results.xlsx parses and has the sheets "Xếp hạng" and "Đơn vị" with the right rows', async () => {
    const { t, s, people } = await rankedRound()
    const res = await download(t, s.judge, `/admin/rounds/${s.roundId}/results.xlsx`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(res.bytes) as unknown as ArrayBuffer)
    const ranking = wb.getWorksheet('Xếp hạng')
    const units = wb.getWorksheet('Đơn vị')
    expect(ranking).toBeDefined()
    expect(units).toBeDefined()
    expect(ranking!.getRow(1).getCell(1).value).toBe('Hạng')
    expect(ranking!.getRow(1).getCell(2).value).toBe('Họ và tên')
    expect(ranking!.actualRowCount).toBe(1 + 3)
    for (const [i, p] of people.entries()) {
      expect(ranking!.getRow(i + 2).getCell(1).value).toBe(i + 1)
      expect(ranking!.getRow(i + 2).getCell(2).value).toBe(p.name)
    }
    expect(units!.getRow(1).getCell(1).value).toBe('Hạng')
    expect(units!.actualRowCount).toBe(1 + UNITS.length)
    const codes = Array.from({ length: UNITS.length }, (_, i) => units!.getRow(i + 2).getCell(2).value)
    expect([...codes].sort()).toEqual(UNITS.map((u) => u.code).sort())
  })
})

describe('exports after finalize', () => {
  it('after finalize the exports carry the prize names, and the finalize auditHead equals the head in both exports', async () => {
    const { t, s, people } = await rankedRound()
    t.clock.advance(24 * 3600_000 + 10_000)
    const fin = await s.judge.post(`/admin/rounds/${s.roundId}/finalize`)
    expect(fin.status, fin.text).toBe(200)
    expect(fin.body.auditHead).toMatch(/^[0-9a-f]{64}$/)
    expect(fin.body.prizes).toEqual([
      { name: 'Giải Nhất', participantId: people[0].id, rank: 1 },
      { name: 'Giải Nhì', participantId: people[1].id, rank: 2 },
    ])

    const csv = await download(t, s.judge, `/admin/rounds/${s.roundId}/results.csv`)
    const lines = csvLines(csv.bytes)
    const prizeCol = lines[0].split(',').indexOf('Giải')
    expect(prizeCol).toBeGreaterThan(0)
    const rows = rankingRows(lines)
    expect(rows.map((r) => r[1])).toEqual(people.map((p) => p.name))
    expect(rows.map((r) => r[prizeCol])).toEqual(['Giải Nhất', 'Giải Nhì', ''])
    expect(headIn(lines)).toBe(fin.body.auditHead)
    expect(csv.headers.get('x-audit-head')).toBe(fin.body.auditHead)

    const xlsx = await download(t, s.judge, `/admin/rounds/${s.roundId}/results.xlsx`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ArrayBuffer)
    const ranking = wb.getWorksheet('Xếp hạng')!
    const header = (ranking.getRow(1).values as unknown[]).slice(1)
    const xPrizeCol = header.indexOf('Giải') + 1
    expect(xPrizeCol).toBeGreaterThan(0)
    expect([2, 3].map((r) => ranking.getRow(r).getCell(xPrizeCol).value)).toEqual(['Giải Nhất', 'Giải Nhì'])
    const cells: string[] = []
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => { cells.push(String(c.value)) })))
    expect(cells).toContain(fin.body.auditHead)
    expect(xlsx.headers.get('x-audit-head')).toBe(fin.body.auditHead)
  })
})

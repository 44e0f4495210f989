import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { testApp, type Agent, type TestApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt } from '../helpers/contest'

// Two people of one unit with 3 and 2 right out of 5: the unit's mean score is 2.5.
async function halfRound() {
  const t = testApp()
  const s = await setupContest(t)
  for (const right of [3, 2]) {
    const p = await registerPerson(t, s.unit.A1, { dateOfBirth: '1990-05-01' })
    const attempt = await takeAttempt(t, p.agent, s.roundId, right)
    expect((await p.agent.post(`/attempts/${attempt.id}/submit`, {})).status).toBe(200)
  }
  return { t, s }
}

async function download(t: TestApp, agent: Agent, path: string) {
  const res = await t.app.request(path, { headers: { cookie: agent.cookie } })
  expect(res.status).toBe(200)
  return new Uint8Array(await res.arrayBuffer())
}

// Split on commas outside quotes, and unquote.
const cellsOf = (line: string) => (line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).map((c) => c.replace(/,$/, '').replace(/^"(.*)"$/, '$1').replace(/""/g, '"'))

describe('results files as people read them (issue 15)', () => {
  it('the csv writes dates of birth as dd/mm/yyyy and fractions with a decimal comma', async () => {
    const { t, s } = await halfRound()
    const text = new TextDecoder().decode(await download(t, s.judge, `/admin/rounds/${s.roundId}/results.csv`)).replace(/^\uFEFF/, '')
    const lines = text.split('\r\n')
    const header = cellsOf(lines[0])
    expect(cellsOf(lines[1])[header.indexOf('Ngày sinh')]).toBe('01/05/1990')
    const unitHeaderAt = lines.findIndex((l) => l.startsWith('Hạng,Mã đơn vị'))
    const unitHeader = cellsOf(lines[unitHeaderAt])
    const a1 = lines.slice(unitHeaderAt + 1).map(cellsOf).find((c) => c[unitHeader.indexOf('Mã đơn vị')] === 'A1')!
    expect(a1[unitHeader.indexOf('Điểm trung bình')]).toBe('2,5')
    expect(text).not.toMatch(/\d\.\d/)
  })

  it('the xlsx keeps real numbers, fractions with a number format, and dates of birth as dd/mm/yyyy', async () => {
    const { t, s } = await halfRound()
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await download(t, s.judge, `/admin/rounds/${s.roundId}/results.xlsx`)) as unknown as ArrayBuffer)
    const ranking = wb.getWorksheet('Xếp hạng')!
    const head = (ranking.getRow(1).values as unknown[]).slice(1)
    expect(ranking.getRow(2).getCell(head.indexOf('Ngày sinh') + 1).value).toBe('01/05/1990')
    const units = wb.getWorksheet('Đơn vị')!
    const unitHead = (units.getRow(1).values as unknown[]).slice(1)
    const row = Array.from({ length: units.actualRowCount }, (_, i) => units.getRow(i + 1)).find((r) => r.getCell(2).value === 'A1')!
    const mean = row.getCell(unitHead.indexOf('Điểm trung bình') + 1)
    expect(mean.value).toBe(2.5)
    expect(mean.numFmt).toBe('#,##0.0##')
  })
})

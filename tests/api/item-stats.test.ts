import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { ItemStat } from '../../api/rules/item-stats'
import { testApp, type Agent, type TestApp } from '../helpers/app'
import { registerPerson, setupContest } from '../helpers/contest'

// Six invented questions t1-q1..t1-q6 (key A "Đúng của <id>", B "Sai một", C "Sai hai", D "Sai ba"), and
// rounds of six: every attempt gets every question, in shuffled order with shuffled letters.
const Q = (n: number) => `t1-q${n}`
const RIGHT = (id: string) => `Đúng của ${id}`

// Rows p1..p10, columns q1..q6: 1 right, 0 wrong ("Sai một"), 'C' wrong with "Sai hai", '' left blank.
// Scores 5,4,4 | 3,3,3,3 | 2,2,2: the upper 27% (3 of 10) and lower 27% are p1–p3 and p8–p10, no ties at the edges.
const SHEET: (0 | 1 | 'C' | '')[][] = [
  [1, 1, 0, 1, 1, 1],
  [1, 1, 0, 0, 1, 1],
  [1, 1, 'C', 0, 1, 1],
  [1, 1, 1, 0, 0, 0],
  [1, 1, '', 0, 1, 0],
  [1, 0, 1, 0, 0, 1],
  [1, 0, '', 0, 1, 1],
  [1, 0, 1, 0, 0, 0],
  [1, 0, 1, 0, 0, 0],
  [1, 0, 1, 0, 0, 0],
]

// Answers by option text, since each attempt shows its own letters; submits unless told not to.
async function answer(t: TestApp, agent: Agent, roundId: string, pick: (questionId: string) => 0 | 1 | 'C' | '', submit = true) {
  const start = await agent.post(`/rounds/${roundId}/attempts`, {})
  expect(start.status, start.text).toBe(201)
  const attempt = start.body.attempt
  for (const item of attempt.items as { position: number; questionId: string; options: { key: string; text: string }[] }[]) {
    const want = pick(item.questionId)
    if (want === '') continue
    const text = want === 1 ? RIGHT(item.questionId) : want === 'C' ? 'Sai hai' : 'Sai một'
    const letter = item.options.find((o) => o.text === text)?.key
    const saved = await agent.put(`/attempts/${attempt.id}/items/${item.position}`, { choice: [letter] })
    expect(saved.status, saved.text).toBe(200)
  }
  if (submit) expect((await agent.post(`/attempts/${attempt.id}/submit`, {})).status).toBe(200)
  return attempt.id as string
}

async function constructedRound() {
  const t = testApp()
  const s = await setupContest(t, { bank: { t1: 6 }, round: { questionCount: 6 } })
  for (const row of SHEET) {
    const p = await registerPerson(t, s.unit.A1)
    await answer(t, p.agent, s.roundId, (id) => row[Number(id.slice(4)) - 1])
  }
  // Still in progress, with every answer right: must not count.
  const late = await registerPerson(t, s.unit.B)
  await answer(t, late.agent, s.roundId, () => 1, false)
  return { t, s }
}

// The stats of one question, failing the test when it is missing.
const statsOf = (items: ItemStat[]) => (id: string): ItemStat => {
  const found = items.find((i) => i.questionId === id)
  if (!found) throw new Error(`no stats for ${id}`)
  return found
}

describe('item statistics of a constructed round', () => {
  it('get /admin/rounds/:id/item-stats gives the hand-computed facility, discrimination, option counts and flags', async () => {
    const { s } = await constructedRound()
    const res = await s.judge.get(`/admin/rounds/${s.roundId}/item-stats`)
    expect(res.status, res.text).toBe(200)
    expect(res.body.serverTime).toBeTypeOf('string')
    expect(res.body.attempts).toBe(10)
    expect(res.body.items).toHaveLength(6)
    const item = statsOf(res.body.items)
    // q1: 10/10 right; upper 3/3 − lower 3/3 = 0 → too easy.
    expect(item(Q(1))).toMatchObject({ timesDrawn: 10, answered: 10, correctCount: 10, facility: 1, upperFacility: 1, lowerFacility: 1, discrimination: 0, flags: ['too_easy'] })
    // q2: p1–p5 right: 5/10; upper 3/3 − lower 0/3 = 1.
    expect(item(Q(2))).toMatchObject({ facility: 0.5, discrimination: 1, flags: [] })
    // q3: p4, p6, p8, p9, p10 right: 5/10; upper 0/3 − lower 3/3 = −1; p5 and p7 left it blank.
    const q3 = item(Q(3))
    expect(q3).toMatchObject({ timesDrawn: 10, answered: 8, correctCount: 5, facility: 0.5, upperFacility: 0, lowerFacility: 1, discrimination: -1, flags: ['negative_discrimination'] })
    expect(q3.options).toEqual([
      { key: 'A', text: RIGHT(Q(3)), correct: true, count: 5 },
      { key: 'B', text: 'Sai một', correct: false, count: 2 },
      { key: 'C', text: 'Sai hai', correct: false, count: 1 },
      { key: 'D', text: 'Sai ba', correct: false, count: 0 },
    ])
    // q4: only p1: 1/10 → too hard; upper 1/3 − lower 0/3.
    expect(item(Q(4)).facility).toBeCloseTo(0.1)
    expect(item(Q(4)).discrimination).toBeCloseTo(1 / 3)
    expect(item(Q(4)).flags).toEqual(['too_hard'])
    // q5: p1, p2, p3, p5, p7 right; q6: p1, p2, p3, p6, p7.
    for (const n of [5, 6]) expect(item(Q(n))).toMatchObject({ facility: 0.5, discrimination: 1, flags: [] })
  })

  it('across rounds each round keeps its own groups: a second round of two moves q1 and q3 as computed by hand', async () => {
    const { t, s } = await constructedRound()
    const now = t.clock.now()
    const round = await s.org.post(`/admin/contests/${s.contestId}/rounds`, { title: 'Tuần 2', opensAt: new Date(now - 1000).toISOString(), closesAt: new Date(now + 3600_000).toISOString(), questionCount: 6 })
    expect(round.status, round.text).toBe(201)
    await answer(t, (await registerPerson(t, s.unit.B)).agent, round.body.round.id, () => 1) // 6: upper of round 2
    await answer(t, (await registerPerson(t, s.unit.B)).agent, round.body.round.id, () => 0) // 0: lower of round 2
    const res = await s.org.get('/admin/questions/stats?topic=t1')
    expect(res.status, res.text).toBe(200)
    expect(res.body).toMatchObject({ attempts: 12, rounds: 2 })
    const item = statsOf(res.body.items)
    // q1: 11/12; upper 4/4 − lower 3/4 (p8–p10 right, round 2's last wrong) = 0.25.
    expect(item(Q(1)).facility).toBeCloseTo(11 / 12)
    expect(item(Q(1))).toMatchObject({ upperFacility: 1, lowerFacility: 0.75, discrimination: 0.25, flags: [] })
    // q3: 6/12; upper 1/4 − lower 3/4 = −0.5.
    expect(item(Q(3))).toMatchObject({ facility: 0.5, discrimination: -0.5, flags: ['negative_discrimination'] })
    expect((await s.org.get('/admin/questions/stats?topic=khac')).body.items).toEqual([])
    const one = await s.judge.get(`/admin/questions/stats?questionId=${Q(2)}`)
    expect(one.body.items.map((i: { questionId: string }) => i.questionId)).toEqual([Q(2)])
  })

  it('the csv (with a BOM) and xlsx exports carry one row per question with the flags in Vietnamese', async () => {
    const { t, s } = await constructedRound()
    const csv = await t.app.request(`/admin/rounds/${s.roundId}/item-stats.csv`, { headers: { cookie: s.org.cookie } })
    expect(csv.status).toBe(200)
    const bytes = new Uint8Array(await csv.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n')
    expect(lines[0].split(',').slice(0, 3)).toEqual(['Mã câu hỏi', 'Phiên bản', 'Chủ đề'])
    expect(lines).toHaveLength(7)
    expect(lines.find((l) => l.startsWith(`${Q(4)},`))).toContain('Quá khó')
    const res = await t.app.request(`/admin/rounds/${s.roundId}/item-stats.xlsx`, { headers: { cookie: s.judge.cookie } })
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const sheet = wb.getWorksheet('Thống kê câu hỏi')
    expect(sheet?.rowCount).toBe(7)
    const header = (sheet?.getRow(1).values as unknown[]).slice(1)
    const row = sheet?.getRow(2).values as unknown[]
    expect(row[1]).toBe(Q(1))
    expect(row[1 + header.indexOf('Tỷ lệ đúng')]).toBe(1)
    expect(row[1 + header.indexOf('Cảnh báo')]).toContain('Quá dễ')
  })

  it('an unknown round is 404 and a participant is refused', async () => {
    const { t, s } = await constructedRound()
    expect((await s.judge.get('/admin/rounds/khong-co/item-stats')).status).toBe(404)
    const p = await registerPerson(t, s.unit.A2)
    expect((await p.agent.get(`/admin/rounds/${s.roundId}/item-stats`)).status).toBe(403)
  })
})

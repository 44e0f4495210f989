import { seedBank } from './bank'
import { staffAgent, type Agent, type TestApp } from './app'

export const UNITS = [
  { code: 'K', name: 'Đảng bộ Khối Thử nghiệm' },
  { code: 'A', name: 'Đảng bộ Cơ sở An', parentCode: 'K' },
  { code: 'A1', name: 'Chi bộ An Một', parentCode: 'A', headcount: 10 },
  { code: 'A2', name: 'Chi bộ An Hai', parentCode: 'A', headcount: 5 },
  { code: 'B', name: 'Đảng bộ Cơ sở Bình', parentCode: 'K', headcount: 20 },
]

const iso = (ms: number) => new Date(ms).toISOString()

export type Setup = { org: Agent; judge: Agent; contestId: string; roundId: string; unit: Record<string, string> }

// A published contest with the unit tree above and one open round over an invented bank.
export async function setupContest(t: TestApp, opts: { bank?: Record<string, number>; round?: Record<string, unknown>; contest?: Record<string, unknown> } = {}): Promise<Setup> {
  await seedBank(t, opts.bank ?? { t1: 30, t2: 30 })
  const org = await staffAgent(t, 'organizer')
  const judge = await staffAgent(t, 'judge')
  const contest = await org.post('/admin/contests', { title: 'Cuộc thi thử nghiệm', ...opts.contest })
  if (contest.status !== 201) throw new Error(`contest: ${contest.text}`)
  const contestId = contest.body.contest.id
  const units = await org.post(`/admin/contests/${contestId}/units`, { units: UNITS })
  if (units.status !== 200) throw new Error(`units: ${units.text}`)
  const now = t.clock.now()
  const round = await org.post(`/admin/contests/${contestId}/rounds`, {
    title: 'Tuần 1', opensAt: iso(now - 60_000), closesAt: iso(now + 24 * 3600_000), questionCount: 5, timeLimitSec: 600, ...opts.round,
  })
  if (round.status !== 201) throw new Error(`round: ${round.text}`)
  const pub = await org.post(`/admin/contests/${contestId}/publish`)
  if (pub.status !== 200) throw new Error(`publish: ${pub.text}`)
  const unit = Object.fromEntries((units.body.units as { code: string; id: string }[]).map((u) => [u.code, u.id]))
  return { org, judge, contestId, roundId: round.body.round.id, unit }
}

let phoneSeq = 0
// Invented people: phone numbers from a synthetic 0900 000 xxx range.
export async function registerPerson(t: TestApp, unitId: string, over: Record<string, unknown> = {}) {
  const agent = t.agent()
  const phone = `09000${String(++phoneSeq).padStart(5, '0')}`
  const res = await agent.post('/participants', { fullName: `Người Thử ${phoneSeq}`, dateOfBirth: '1990-05-01', phone, unitId, password: 'matkhau123', consent: true, ...over })
  if (res.status !== 201) throw new Error(`register: ${res.status} ${res.text}`)
  return { agent, id: res.body.participant.id as string, phone }
}

// Starts an attempt and answers every item: correctly for the first `right` positions, wrongly after.
export async function takeAttempt(t: TestApp, agent: Agent, roundId: string, right: number, opts: { prediction?: number; keys?: (pos: number) => string[] } = {}) {
  const start = await agent.post(`/rounds/${roundId}/attempts`, {})
  if (start.status !== 201 && start.status !== 200) throw new Error(`start: ${start.status} ${start.text}`)
  const attempt = start.body.attempt
  for (const item of attempt.items) {
    const choice = opts.keys ? opts.keys(item.position) : [item.position <= right ? await correctLetter(t, attempt.id, item.position) : await wrongLetter(t, attempt.id, item.position)]
    const saved = await agent.put(`/attempts/${attempt.id}/items/${item.position}`, { choice })
    if (saved.status !== 200) throw new Error(`save: ${saved.text}`)
  }
  return attempt as { id: string; items: { position: number; questionId: string }[] }
}

// Test-only peek at the shown letter of the key, read from the database as a grader would.
export async function correctLetter(t: TestApp, attemptId: string, position: number): Promise<string> {
  const row = (await t.one<{ option_order: string; content: string }>(`SELECT i.option_order, r.content FROM attempt_items i JOIN attempts a ON a.seq = i.attempt_seq
    JOIN question_revisions r ON r.question_id = i.question_id AND r.revision = i.revision WHERE a.id = ? AND i.position = ?`, attemptId, position))!
  const order: string[] = JSON.parse(row.option_order)
  const correct: string[] = JSON.parse(row.content).correct
  return String.fromCharCode(65 + order.findIndex((k) => correct.includes(k)))
}

export async function wrongLetter(t: TestApp, attemptId: string, position: number): Promise<string> {
  const right = await correctLetter(t, attemptId, position)
  return right === 'A' ? 'B' : 'A'
}

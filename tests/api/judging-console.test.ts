import { describe, expect, it } from 'vitest'
import { testApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt } from '../helpers/contest'

async function twins() {
  const t = testApp()
  const s = await setupContest(t)
  // Two accounts with one name, birth date and unit: a likely duplicate; a third person unflagged.
  const one = await registerPerson(t, s.unit.A1, { fullName: 'Lê Văn Nam', dateOfBirth: '1985-02-03' })
  const two = await registerPerson(t, s.unit.A1, { fullName: 'Le van Nam', dateOfBirth: '1985-02-03' })
  const other = await registerPerson(t, s.unit.B, { fullName: 'Trần Thị Hoa' })
  const attempts = []
  for (const p of [one, two, other]) {
    const at = await takeAttempt(t, p.agent, s.roundId, 2)
    t.clock.advance(60_000)
    expect((await p.agent.post(`/attempts/${at.id}/submit`, {})).status).toBe(200)
    attempts.push(at)
  }
  return { t, s, one, two, other, attempts }
}

describe('undo of a disqualification', () => {
  it('keeps the reason given in the audit entry; without a body (older clients) it still undoes', async () => {
    const { t, s, one, two } = await twins()
    for (const p of [one, two]) expect((await s.judge.post(`/admin/rounds/${s.roundId}/disqualify`, { participantId: p.id, reason: 'Trùng tài khoản' })).status).toBe(200)
    const undo = await s.judge.request('DELETE', `/admin/rounds/${s.roundId}/disqualify/${one.id}`, { reason: 'Đã xác minh: hai người khác nhau' })
    expect(undo.status, undo.text).toBe(204)
    expect((await s.judge.delete(`/admin/rounds/${s.roundId}/disqualify/${two.id}`)).status).toBe(204)
    const entries = await t.sql<{ detail: string }>(`SELECT detail FROM audit_log WHERE action = 'round.undisqualify' ORDER BY seq`)
    expect(entries.map((e) => JSON.parse(e.detail))).toEqual([{ participantId: one.id, reason: 'Đã xác minh: hai người khác nhau' }, { participantId: two.id }])
  })

  it('refuses a blank or overlong reason with a Vietnamese message and undoes nothing', async () => {
    const { t, s, one } = await twins()
    await s.judge.post(`/admin/rounds/${s.roundId}/disqualify`, { participantId: one.id, reason: 'Trùng tài khoản' })
    for (const reason of ['   ', 'x'.repeat(1001), 5]) {
      const res = await s.judge.request('DELETE', `/admin/rounds/${s.roundId}/disqualify/${one.id}`, { reason })
      expect(res.status).toBe(400)
      expect(res.body.error.message).toMatch(/[à-ỹ]/)
    }
    expect(await t.sql(`SELECT participant_id FROM disqualifications WHERE round_id = ?`, s.roundId)).toHaveLength(1)
  })
})

describe('get /admin/rounds/:roundId/open-flags', () => {
  it('lists integrity flags of people still ranked and the round\'s question reports, with names', async () => {
    const { t, s, one, two, other, attempts } = await twins()
    t.clock.advance(24 * 3600_000 + 10_000) // closed: reports open with review
    const report = await other.agent.post(`/attempts/${attempts[2].id}/items/1/report`, { message: 'Đáp án câu này có vẻ sai.' })
    expect(report.status, report.text).toBe(201)

    const before = await s.judge.get(`/admin/rounds/${s.roundId}/open-flags`)
    expect(before.status).toBe(200)
    const flagged = (body: { flags: { participantId: string; kind: string }[] }) => body.flags.filter((f) => f.kind === 'likely_duplicate').map((f) => f.participantId).sort()
    expect(flagged(before.body)).toEqual([one.id, two.id].sort())
    expect(before.body.flags.find((f: { participantId: string }) => f.participantId === one.id)).toMatchObject({ fullName: 'Lê Văn Nam', unitName: 'Chi bộ An Một' })
    expect(before.body.reports).toEqual([expect.objectContaining({ participantId: other.id, fullName: 'Trần Thị Hoa', position: 1, message: 'Đáp án câu này có vẻ sai.' })])

    // A disqualification settles a flag: it is no longer listed.
    await s.judge.post(`/admin/rounds/${s.roundId}/disqualify`, { participantId: two.id, reason: 'Trùng tài khoản' })
    expect(flagged((await s.judge.get(`/admin/rounds/${s.roundId}/open-flags`)).body)).toEqual([one.id])
    expect((await s.org.get(`/admin/rounds/${s.roundId}/open-flags`)).status).toBe(403)
  })
})

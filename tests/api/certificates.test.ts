import { describe, expect, it } from 'vitest'
import { onPg, testApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt } from '../helpers/contest'
import { getPdf, inkShare, pdfText, renderFirstPage } from '../helpers/pdf'

type Cert = { code: string; kind: 'participation' | 'prize'; roundId: string; prize?: string }
const CODE = /^[2-9A-HJKMNP-Z]{12}$/

// One round: the winner (5 right), a runner-up without a prize (3 right), a disqualified person (5
// right) and one who registered but never took the round.
async function round() {
  const t = testApp()
  t.clock.set('2026-12-07T03:00:00Z')
  const s = await setupContest(t, { bank: { t1: 5 }, round: { questionCount: 5, prizes: [{ name: 'Giải Nhất', count: 1 }] }, contest: { title: 'Tìm hiểu Lịch sử Đảng bộ tỉnh' } })
  const winner = await registerPerson(t, s.unit.A1, { fullName: 'Nguyễn Thị Ngọc Ánh' })
  const runnerUp = await registerPerson(t, s.unit.B, { fullName: 'Đặng Quốc Hưởng' })
  const cheat = await registerPerson(t, s.unit.B, { fullName: 'Lê Văn Gian' })
  const absent = await registerPerson(t, s.unit.B)
  for (const [p, right] of [[winner, 5], [runnerUp, 3], [cheat, 5]] as const) {
    const a = await takeAttempt(t, p.agent, s.roundId, right)
    t.clock.advance(p === cheat ? 5_000 : 60_000)
    expect((await p.agent.post(`/attempts/${a.id}/submit`, {})).status).toBe(200)
  }
  expect((await s.judge.post(`/admin/rounds/${s.roundId}/disqualify`, { participantId: cheat.id, reason: 'Khai man thông tin' })).status).toBe(200)
  t.clock.advance(25 * 3600_000)
  return { t, s, winner, runnerUp, cheat, absent }
}

const mine = async (p: { agent: { get: (path: string) => Promise<{ status: number; body: { certificates: Cert[] } }> } }) => {
  const res = await p.agent.get('/me/certificates')
  expect(res.status).toBe(200)
  return res.body.certificates
}

describe('certificates', { timeout: 120_000 }, () => {
  it('are listed only after finalize: participation for the ranked, a prize certificate for winners only', async () => {
    const { t, s, winner, runnerUp, cheat, absent } = await round()
    expect(await mine(winner)).toEqual([])
    expect((await t.one<{ n: number }>('SELECT count(*) AS n FROM certificates'))!.n).toBe(0)
    expect((await s.judge.post(`/admin/rounds/${s.roundId}/finalize`, {})).status).toBe(200)

    const won = await mine(winner)
    expect(won.map((c) => [c.kind, c.roundId, c.prize])).toEqual([['participation', s.roundId, undefined], ['prize', s.roundId, 'Giải Nhất']])
    for (const c of won) expect(c.code).toMatch(CODE)
    expect(won[0].code).not.toBe(won[1].code)
    expect(await mine(winner)).toEqual(won) // the codes are made once
    const took = await mine(runnerUp)
    expect(took.map((c) => c.kind)).toEqual(['participation'])
    expect(await mine(cheat)).toEqual([])
    expect(await mine(absent)).toEqual([])
    expect((await t.agent().get('/me/certificates')).status).toBe(401)
    expect((await s.org.get('/me/certificates')).status).toBe(403)
  })

  it('verify publicly from the final standings; unknown codes are 404, a revoked one is valid: false', async () => {
    const { t, s, winner, runnerUp } = await round()
    expect((await s.judge.post(`/admin/rounds/${s.roundId}/finalize`, {})).status).toBe(200)
    const [participation, prize] = await mine(winner)
    const anyone = t.agent()
    const check = await anyone.get(`/certificates/${prize.code}`)
    expect(check.status).toBe(200)
    expect(check.body).toMatchObject({ valid: true, kind: 'prize', fullName: 'Nguyễn Thị Ngọc Ánh', unitName: 'Chi bộ An Một', contest: 'Tìm hiểu Lịch sử Đảng bộ tỉnh', round: 'Tuần 1', rank: 1, prize: 'Giải Nhất' })
    const typed = await anyone.get(`/certificates/${participation.code.toLowerCase().replace(/(.{4})/g, '$1-')}`)
    expect(typed.body).toMatchObject({ valid: true, kind: 'participation', rank: 1 })
    const second = await anyone.get(`/certificates/${(await mine(runnerUp))[0].code}`)
    expect(second.body).toMatchObject({ valid: true, fullName: 'Đặng Quốc Hưởng', rank: 2, prize: null })

    expect((await anyone.get('/certificates/ABCDEFGHJKMN')).status).toBe(404)
    expect((await anyone.get('/certificates/khong-hop-le!')).status).toBe(404)
    expect((await getPdf(t, anyone, '/certificates/ABCDEFGHJKMN/pdf')).status).toBe(404)

    // As after a regrade and a new finalize that moved the prize elsewhere: the prize is no longer held.
    await t.exec('DELETE FROM round_prizes WHERE round_id = ? AND participant_id = ?', s.roundId, winner.id)
    const revoked = await anyone.get(`/certificates/${prize.code}`)
    expect(revoked.status).toBe(200)
    expect(revoked.body.valid).toBe(false)
    expect(revoked.body.fullName).toBeUndefined()
    expect((await getPdf(t, anyone, `/certificates/${prize.code}/pdf`)).status).toBe(404)
    expect((await mine(winner)).map((c) => c.kind)).toEqual(['participation'])
  })

  it('print as PDF with the name, the prize, the verification code and its address', async () => {
    const { t, s, winner } = await round()
    expect((await s.judge.post(`/admin/rounds/${s.roundId}/finalize`, {})).status).toBe(200)
    const prize = (await mine(winner)).find((c) => c.kind === 'prize')!
    const res = await getPdf(t, t.agent(), `/certificates/${prize.code}/pdf`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const { text, pages } = await pdfText(res.bytes)
    expect(pages).toBe(1)
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'GIẤY CHỨNG NHẬN', 'Nguyễn Thị Ngọc Ánh', 'Chi bộ An Một',
      'Đã đạt Giải Nhất (xếp hạng 1) trong Đợt 1: Tuần 1', 'Tìm hiểu Lịch sử Đảng bộ tỉnh', prize.code, `http://localhost/chung-nhan/${prize.code}`, 'ngày 08 tháng 12 năm 2026'])
      expect(text, expected).toContain(expected)
    expect(await inkShare(await renderFirstPage(res.bytes, `certificate${onPg ? '-pg' : ''}`))).toBeGreaterThan(0.005)
  })
})

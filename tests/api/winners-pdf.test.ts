import { describe, expect, it } from 'vitest'
import { onPg, testApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt } from '../helpers/contest'
import { getPdf, inkShare, pdfText, renderFirstPage } from '../helpers/pdf'

const PRIZES = [{ name: 'Giải Nhất', count: 1 }, { name: 'Giải Nhì', count: 1 }, { name: 'Giải Khuyến khích', count: 1, minScore: 1 }]
const NAMES = ['Nguyễn Thị Ngọc Ánh', 'Đặng Quốc Hưởng', 'Trần Văn Bảy', 'Lê Thị Ỷ']

// A finalized round: four people scoring 5, 4, 3 and 0; the last takes no prize (minScore 1).
async function finalizedRound() {
  const t = testApp({ PRINT_PLACE: 'Hà Nội' })
  t.clock.set('2026-12-07T03:00:00Z')
  const s = await setupContest(t, { bank: { t1: 5 }, round: { questionCount: 5, prizes: PRIZES, unitPrizes: [{ name: 'Giải tập thể', count: 1 }] }, contest: { title: 'Tìm hiểu Lịch sử Đảng bộ tỉnh' } })
  for (const [i, right] of [5, 4, 3, 0].entries()) {
    const p = await registerPerson(t, i % 2 ? s.unit.B : s.unit.A1, { fullName: NAMES[i] })
    const a = await takeAttempt(t, p.agent, s.roundId, right)
    t.clock.advance(65_000)
    expect((await p.agent.post(`/attempts/${a.id}/submit`, {})).status).toBe(200)
  }
  t.clock.advance(25 * 3600_000)
  return { t, s }
}

describe('printed winners list', { timeout: 120_000 }, () => {
  it('refuses before finalize (409), then prints the official document with the winners and the audit head', async () => {
    const { t, s } = await finalizedRound()
    const early = await getPdf(t, s.judge, `/admin/rounds/${s.roundId}/winners.pdf`)
    expect(early.status).toBe(409)
    expect(early.json.error.message).toContain('chưa chốt')
    expect((await s.judge.post(`/admin/rounds/${s.roundId}/finalize`, {})).status).toBe(200)

    const res = await getPdf(t, s.org, `/admin/rounds/${s.roundId}/winners.pdf?signer=${encodeURIComponent('Phạm Minh Chính')}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const head = (await t.one<{ hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1'))!.hash
    expect(res.headers.get('x-audit-head')).toBe(head)
    const { text } = await pdfText(res.bytes)
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Hà Nội, ngày 08 tháng 12 năm 2026', 'DANH SÁCH ĐOẠT GIẢI',
      'BAN TỔ CHỨC CUỘC THI', 'ĐẢNG BỘ KHỐI THỬ NGHIỆM', 'Tìm hiểu Lịch sử Đảng bộ tỉnh – Đợt 1: Tuần 1',
      'Hạng', 'Họ và tên', 'Đơn vị', 'Điểm', 'Thời gian', 'Giải',
      'Nguyễn Thị Ngọc Ánh', 'Chi bộ An Một', 'Giải Nhất', 'Đặng Quốc Hưởng', 'Giải Nhì', 'Trần Văn Bảy', 'Giải Khuyến khích',
      'Giải tập thể', 'TM. BAN TỔ CHỨC CUỘC THI', 'TRƯỞNG BAN', 'Phạm Minh Chính', head,
    ]) expect(text, expected).toContain(expected)
    expect(text).not.toContain('Lê Thị Ỷ') // scored 0: below the Khuyến khích tier's minScore
    expect(text).toContain('Tổng số: 3 cá nhân, 1 tập thể đoạt giải.')
    expect(text).toContain('Điểm tối đa: 5.')
    expect(await inkShare(await renderFirstPage(res.bytes, `winners${onPg ? '-pg' : ''}`))).toBeGreaterThan(0.005)
  })

  it('prints the contest list and the unit reports; a participant may not, unknown rounds are 404', async () => {
    const { t, s } = await finalizedRound()
    expect((await getPdf(t, s.judge, `/admin/contests/${s.contestId}/winners.pdf`)).status).toBe(409)
    expect((await getPdf(t, s.judge, `/admin/rounds/${s.roundId}/units.pdf`)).status).toBe(409)
    expect((await s.judge.post(`/admin/rounds/${s.roundId}/finalize`, {})).status).toBe(200)

    const contest = await pdfText((await getPdf(t, s.judge, `/admin/contests/${s.contestId}/winners.pdf?place=${encodeURIComponent('Thái Bình')}`)).bytes)
    expect(contest.text).toContain('Thái Bình, ngày 08 tháng 12 năm 2026')
    expect(contest.text).toContain('Đợt 1: Tuần 1')
    expect(contest.text).toContain('Nguyễn Thị Ngọc Ánh')

    const units = await getPdf(t, s.judge, `/admin/rounds/${s.roundId}/units.pdf`)
    expect(units.status).toBe(200)
    const unitText = (await pdfText(units.bytes)).text
    for (const expected of ['BÁO CÁO KẾT QUẢ THEO ĐƠN VỊ', 'Đảng bộ Khối Thử nghiệm', 'Đảng bộ Cơ sở An', 'Chi bộ An Một', 'Chi bộ An Hai', 'Đảng bộ Cơ sở Bình', 'Tỷ lệ tham gia', '10,0%'])
      expect(unitText, expected).toContain(expected)
    expect(await inkShare(await renderFirstPage(units.bytes, `units${onPg ? '-pg' : ''}`))).toBeGreaterThan(0.005)
    const one = (await pdfText((await getPdf(t, s.judge, `/admin/rounds/${s.roundId}/units.pdf?unitId=${s.unit.A}`)).bytes)).text
    expect(one).toContain('Chi bộ An Một')
    expect(one).not.toContain('Đảng bộ Cơ sở Bình')
    expect((await getPdf(t, s.judge, `/admin/contests/${s.contestId}/units.pdf`)).status).toBe(200)

    const person = await registerPerson(t, s.unit.B)
    expect((await getPdf(t, person.agent, `/admin/rounds/${s.roundId}/winners.pdf`)).status).toBe(403)
    expect((await getPdf(t, t.agent(), `/admin/rounds/${s.roundId}/winners.pdf`)).status).toBe(401)
    expect((await getPdf(t, s.judge, '/admin/rounds/khong-co/winners.pdf')).status).toBe(404)
    expect((await getPdf(t, s.judge, `/admin/rounds/${s.roundId}/units.pdf?unitId=khong-co`)).status).toBe(404)
    expect((await getPdf(t, s.judge, `/admin/rounds/${s.roundId}/winners.pdf?place=`)).status).toBe(400)
  })
})

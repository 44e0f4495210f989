import ExcelJS from 'exceljs'
import { PassThrough } from 'node:stream'
import type { Db } from '../../db/client'
import { rankUnits, unitStats } from '../rules/units'
import { auditHead } from './audit'
import { judgeStandings } from './judge-standings'
import { getRoundRow } from './rounds'
import { computeRanking, peopleOf, roundRanking } from './standings'
import type { StandingsHub } from './standings-hub'

type Row = (string | number | null)[]

const RANK_HEADER = ['Hạng', 'Họ và tên', 'Ngày sinh', 'Điện thoại', 'Đơn vị', 'Điểm', 'Điểm tối đa', 'Thời gian làm bài (giây)', 'Sai số dự đoán', 'Giải', 'Ghi chú']
const UNIT_HEADER = ['Hạng', 'Mã đơn vị', 'Tên đơn vị', 'Số người dự thi', 'Số đảng viên', 'Tỷ lệ tham gia (%)', 'Số lượt thi', 'Điểm trung bình', 'Số bài đạt điểm tối đa']

// The final ranking with prizes once finalized, else the live one; plus unit statistics and the audit head.
export function resultsTables(db: Db, hub: StandingsHub, roundId: string, now: number) {
  const round = getRoundRow(db, roundId)
  const prizes = new Map((db.$client.prepare('SELECT participant_id, name FROM round_prizes WHERE round_id = ?').all(roundId) as { participant_id: string; name: string }[]).map((p) => [p.participant_id, p.name]))
  const live = judgeStandings(db, roundId, now)
  const final = round.finalizedAt != null ? roundRanking(db, hub, round, now, 'public') : null
  const byId = new Map(live.entries.map((e) => [e.participantId, e]))
  const ranking: Row[] = final
    ? final.ranked.map((r) => {
      const e = byId.get(r.participantId)
      return [r.rank, e?.fullName ?? '', e?.dateOfBirth ?? '', e?.phone ?? '', e?.unitName ?? '', r.score, r.maxScore, Math.round(r.durationMs / 100) / 10, r.predictionError, prizes.get(r.participantId) ?? '', '']
    })
    : live.entries.filter((e) => !e.disqualified).map((e) => [e.rank, e.fullName, e.dateOfBirth, e.phone, e.unitName, e.score, e.maxScore, Math.round(e.durationMs / 100) / 10, null, '', 'Tạm thời'])
  for (const e of live.entries.filter((x) => x.disqualified)) ranking.push(['', e.fullName, e.dateOfBirth, e.phone, e.unitName, e.score, e.maxScore, Math.round(e.durationMs / 100) / 10, null, '', `Truất quyền: ${e.disqualifyReason ?? ''}`])
  const ranked = final ? final.ranked : computeRanking(db, round, null, null).ranked
  const people = peopleOf(db, round.contestId, ranked.map((r) => r.participantId))
  const unitList = db.$client.prepare('SELECT id, code, name, parent_id AS parentId, headcount FROM units WHERE contest_id = ?').all(round.contestId) as { id: string; code: string; name: string; parentId: string | null; headcount: number | null }[]
  const codes = new Map(unitList.map((u) => [u.id, u.code]))
  const attemptsBy = (final ?? computeRanking(db, round, null, null)).attemptsBy
  const unitsRanked = rankUnits(unitStats(unitList, ranked.map((r) => ({ participantId: r.participantId, unitId: people.get(r.participantId)?.unitId ?? '', attempts: attemptsBy.get(r.participantId) ?? 1, bestScore: r.score, maxScore: r.maxScore }))))
  const unitRows: Row[] = unitsRanked.map((u) => [u.rank, codes.get(u.unitId) ?? '', u.unitName, u.participants, u.headcount, u.participationRate == null ? null : Math.round(u.participationRate * 10000) / 100, u.attempts, Math.round(u.meanScore * 100) / 100, u.perfectScores])
  return { round, final: final != null, ranking, unitRows, auditHead: auditHead(db) }
}

const csvCell = (v: string | number | null) => {
  const s = v == null ? '' : String(v)
  return /[",\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s
}

// UTF-8 with a BOM so Excel shows Vietnamese correctly (SPEC §8); cells that look like formulas are defused.
export function resultsCsv(t: ReturnType<typeof resultsTables>): Uint8Array {
  const lines = [RANK_HEADER, ...t.ranking, [], ['Thống kê đơn vị'], UNIT_HEADER, ...t.unitRows, [], ['Mã kiểm toán (audit head)', t.auditHead]]
  return Buffer.from(`\uFEFF${lines.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`, 'utf8')
}

export async function resultsXlsx(t: ReturnType<typeof resultsTables>): Promise<Uint8Array> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true })
  const add = (name: string, header: Row, rows: Row[]) => {
    const ws = wb.addWorksheet(name)
    ws.addRow(header).font = { bold: true }
    for (const r of rows) ws.addRow(r).commit()
    ws.commit()
  }
  add('Xếp hạng', RANK_HEADER, t.ranking)
  add('Đơn vị', UNIT_HEADER, t.unitRows)
  add('Thông tin', ['Mục', 'Giá trị'], [['Đợt thi', t.round.title], ['Kết quả', t.final ? 'Chính thức (đã chốt)' : 'Tạm thời'], ['Mã kiểm toán (audit head)', t.auditHead]])
  await wb.commit()
  return Buffer.concat(chunks)
}

import { PassThrough, Readable } from 'node:stream'
import { prepared, type Db } from '../../db/client'
import { rankUnits, unitStatsFromDirect } from '../rules/units'
import { CSV_BOM, csvLine } from '../lib/csv'
import { XlsxStreamWriter } from '../formats/xlsx-stream-writer'
import { auditHead } from './audit'
import { disqualifiedEntries } from '../standings/judge-page'
import type { RoundBoard } from '../standings/round-board'
import type { Standings } from '../standings/standings'
import { unitRows } from '../standings/unit-names'
import { getRoundRow, type RoundRow } from './round-view'

type Cell = string | number | null
type Row = Cell[]
const BATCH = 2000

const RANK_HEADER = ['Hạng', 'Họ và tên', 'Ngày sinh', 'Điện thoại', 'Đơn vị', 'Điểm', 'Điểm tối đa', 'Thời gian làm bài (giây)', 'Sai số dự đoán', 'Giải', 'Ghi chú']
const UNIT_HEADER = ['Hạng', 'Mã đơn vị', 'Tên đơn vị', 'Số người dự thi', 'Số đảng viên', 'Tỷ lệ tham gia (%)', 'Số lượt thi', 'Điểm trung bình', 'Số bài đạt điểm tối đa']
const seconds = (ms: number) => Math.round(ms / 100) / 10

// What a results file is made from, taken when it is asked for: the locked ranking once finalized (the
// order of the public board and the prizes), else the live board's order at that moment.
export type ResultsExport = { db: Db; round: RoundRow; final: boolean; auditHead: string; live: RoundBoard; order: number[] | null }

export function resultsExport(db: Db, standings: Standings, roundId: string): ResultsExport {
  const round = getRoundRow(db, roundId)
  const live = standings.liveBoard(round)
  const final = round.finalizedAt != null
  // A snapshot: the export yields between batches, and a live board may move meanwhile.
  return { db, round, final, auditHead: auditHead(db), live, order: final ? null : [...live.list] }
}

// The ranking in batches, read a page at a time so a million rows never sit in memory together.
function* rankingBatches({ db, round, live, order }: ResultsExport): Generator<Row[]> {
  if (!order) {
    const page = prepared(db, `SELECT f.rank, p.full_name, p.date_of_birth, p.phone, u.name AS unit_name, a.score, a.max_score, a.ended_at - a.started_at AS dur,
        f.prediction_error, rp.name AS prize
      FROM final_standings f JOIN attempts a ON a.seq = f.attempt_seq JOIN participants p ON p.id = f.participant_id
      LEFT JOIN participant_units pu ON pu.participant_id = p.id AND pu.contest_id = ? LEFT JOIN units u ON u.id = pu.unit_id
      LEFT JOIN round_prizes rp ON rp.round_id = f.round_id AND rp.participant_id = f.participant_id
      WHERE f.round_id = ? AND f.generation = ? AND f.rank > ? ORDER BY f.rank LIMIT ?`)
    for (let last = 0; ;) {
      const rows = page.all(round.contestId, round.id, round.finalGeneration, last, BATCH) as { rank: number; full_name: string; date_of_birth: string; phone: string; unit_name: string | null; score: number; max_score: number; dur: number; prediction_error: number | null; prize: string | null }[]
      if (!rows.length) break
      last = rows[rows.length - 1].rank
      yield rows.map((r) => [r.rank, r.full_name, r.date_of_birth, r.phone, r.unit_name ?? '', r.score, r.max_score, seconds(r.dur), r.prediction_error, r.prize ?? '', ''])
    }
  } else {
    const person = prepared(db, `SELECT p.full_name, p.date_of_birth, p.phone, u.name AS unit_name FROM participants p
      LEFT JOIN participant_units pu ON pu.participant_id = p.id AND pu.contest_id = ? LEFT JOIN units u ON u.id = pu.unit_id WHERE p.rowid = ?`)
    for (let i = 0; i < order.length; i += BATCH) {
      yield order.slice(i, i + BATCH).map((pr, j) => {
        const e = live.entry(pr)
        const p = person.get(round.contestId, pr) as { full_name: string; date_of_birth: string; phone: string; unit_name: string | null }
        return [i + j + 1, p.full_name, p.date_of_birth, p.phone, p.unit_name ?? '', e.score, e.maxScore, seconds(e.durationMs), null, '', 'Tạm thời']
      })
    }
  }
  yield disqualifiedEntries(db, round)
    .map((e) => ['', e.fullName, e.dateOfBirth, e.phone, e.unitName, e.score, e.maxScore, seconds(e.durationMs), null, '', `Truất quyền: ${e.disqualifyReason ?? ''}`])
}

function unitTable({ db, round, live }: ResultsExport): Row[] {
  const units = unitRows(db, round.contestId)
  const codes = new Map((prepared(db, 'SELECT id, code FROM units WHERE contest_id = ?').all(round.contestId) as { id: string; code: string }[]).map((u) => [u.id, u.code]))
  return rankUnits(unitStatsFromDirect(units, live.direct)).map((u) => [
    u.rank, codes.get(u.unitId) ?? '', u.unitName, u.participants, u.headcount,
    u.participationRate == null ? null : Math.round(u.participationRate * 10000) / 100, u.attempts, Math.round(u.meanScore * 100) / 100, u.perfectScores,
  ])
}

export function resultsCsvStream(t: ResultsExport): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const parts = (function* () {
    yield `${CSV_BOM}${csvLine(RANK_HEADER)}`
    for (const batch of rankingBatches(t)) yield batch.map(csvLine).join('')
    yield `\r\n${csvLine(['Thống kê đơn vị'])}${csvLine(UNIT_HEADER)}${unitTable(t).map(csvLine).join('')}`
    yield `\r\n${csvLine(['Mã kiểm toán (audit head)', t.auditHead])}`
  })()
  return new ReadableStream({
    pull(controller) {
      const next = parts.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(next.value))
    },
  })
}

// Rows are written a SQLite page at a time and the zip streams out as it goes; the writer waits whenever
// the client is slower and gives the event loop a turn between pages, so other requests are still served.
export function resultsXlsxStream(t: ResultsExport): ReadableStream<Uint8Array> {
  const out = new PassThrough()
  writeResultsXlsx(t, out).catch((err) => out.destroy(err instanceof Error ? err : new Error(String(err))))
  return Readable.toWeb(out) as ReadableStream<Uint8Array>
}

async function writeResultsXlsx(t: ResultsExport, out: PassThrough): Promise<void> {
  const xlsx = new XlsxStreamWriter(out)
  const ranking = function* () {
    yield [RANK_HEADER]
    yield* rankingBatches(t)
  }
  await xlsx.sheet('Xếp hạng', ranking(), { headerRows: 1 })
  await xlsx.sheet('Đơn vị', [[UNIT_HEADER, ...unitTable(t)]], { headerRows: 1 })
  await xlsx.sheet('Thông tin', [[['Đợt thi', t.round.title], ['Kết quả', t.final ? 'Chính thức (đã chốt)' : 'Tạm thời'], ['Mã kiểm toán (audit head)', t.auditHead]]])
  await xlsx.finish()
}

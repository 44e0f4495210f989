import { PassThrough, Readable } from 'node:stream'
import { all, get, type Program } from '../../db/program'
import type { Filled, SqlRow } from '../../db/row-types'
import type { attempts, finalStandings, participants, roundPrizes, units } from '../../db/schema'
import type { Store } from '../../db/store'
import { rankUnits, unitStatsFromDirect } from '../rules/units'
import { CSV_BOM, csvLine, decimalComma } from '../lib/csv'
import { vnDay } from '../lib/time'
import { XlsxStreamWriter } from '../formats/xlsx-stream-writer'
import { headOfChain } from './audit'
import { disqualifiedEntries, peopleBySeq } from '../standings/judge-page'
import type { RoundBoard } from '../standings/round-board'
import type { Standings } from '../standings/standings'
import { listUnitRows } from '../standings/unit-names'
import { roundRow, type RoundRow } from './round-view'

type Cell = string | number | null
type Row = Cell[]
const BATCH = 2000

const RANK_HEADER = ['Hạng', 'Họ và tên', 'Ngày sinh', 'Điện thoại', 'Đơn vị', 'Điểm', 'Điểm tối đa', 'Thời gian làm bài (giây)', 'Sai số dự đoán', 'Giải', 'Ghi chú']
const UNIT_HEADER = ['Hạng', 'Mã đơn vị', 'Tên đơn vị', 'Số người dự thi', 'Số đảng viên', 'Tỷ lệ tham gia (%)', 'Số lượt thi', 'Điểm trung bình', 'Số bài đạt điểm tối đa']
const seconds = (ms: number) => Math.round(ms / 100) / 10
// The CSV is read by people: decimal commas there; the XLSX keeps real numbers (shown by Excel's locale).
const csvRow = (row: Row) => csvLine(row.map((cell) => (typeof cell === 'number' ? decimalComma(cell) : cell)))

// What a results file is made from, taken when it is asked for: the locked ranking once finalized (the
// order of the public board and the prizes), else the live board's order at that moment.
export type ResultsExport = { store: Store; round: RoundRow; final: boolean; auditHead: string; live: RoundBoard; order: number[] | null; units: Row[] }

export async function resultsExport(store: Store, standings: Standings, roundId: string): Promise<ResultsExport> {
  const round = await store.read(roundRow(roundId))
  const live = await standings.liveBoard(round)
  const final = round.finalizedAt != null
  // A snapshot: the export yields between batches, and a live board may move meanwhile.
  const order = final ? null : [...live.list]
  const direct = new Map([...live.direct].map(([id, d]) => [id, { ...d }]))
  return { store, round, final, auditHead: await store.read(headOfChain()), live, order, units: await store.read(unitTable(round, direct)) }
}

// A rank of the locked ranking with its person and finished attempt; dur (ended_at - started_at) is computed.
type RankedRow = Pick<SqlRow<typeof finalStandings>, 'rank' | 'prediction_error'> & Pick<SqlRow<typeof participants>, 'full_name' | 'date_of_birth' | 'phone'>
  & Filled<Pick<SqlRow<typeof attempts>, 'score' | 'max_score'>, 'score' | 'max_score'>
  & { unit_name: SqlRow<typeof units>['name'] | null; prize: SqlRow<typeof roundPrizes>['name'] | null; dur: number }

// The ranking in batches, read a page at a time so a million rows never sit in memory together.
async function* rankingBatches({ store, round, live, order }: ResultsExport): AsyncGenerator<Row[]> {
  if (!order) {
    const page = `SELECT f.rank, p.full_name, p.date_of_birth, p.phone, u.name AS unit_name, a.score, a.max_score, a.ended_at - a.started_at AS dur,
        f.prediction_error, rp.name AS prize
      FROM final_standings f JOIN attempts a ON a.seq = f.attempt_seq JOIN participants p ON p.id = f.participant_id
      LEFT JOIN participant_units pu ON pu.participant_id = p.id AND pu.contest_id = ? LEFT JOIN units u ON u.id = pu.unit_id
      LEFT JOIN round_prizes rp ON rp.round_id = f.round_id AND rp.participant_id = f.participant_id
      WHERE f.round_id = ? AND f.generation = ? AND f.rank > ? ORDER BY f.rank LIMIT ?`
    for (let last = 0; ;) {
      const rows = await store.read(all<RankedRow>(page, round.contestId, round.id, round.finalGeneration, last, BATCH))
      if (!rows.length) break
      last = rows[rows.length - 1].rank
      yield rows.map((r) => [r.rank, r.full_name, vnDay(r.date_of_birth), r.phone, r.unit_name ?? '', r.score, r.max_score, seconds(r.dur), r.prediction_error, r.prize ?? '', ''])
    }
  } else {
    for (let i = 0; i < order.length; i += BATCH) {
      const prs = order.slice(i, i + BATCH)
      const entries = prs.map((pr) => live.entry(pr)) // taken before the read: the board may move meanwhile
      const people = await store.read(peopleBySeq(round.contestId, prs))
      yield prs.map((pr, j) => {
        const e = entries[j]
        const p = people.get(pr)!
        return [i + j + 1, p.full_name, vnDay(p.date_of_birth), p.phone, p.unit_name ?? '', e.score, e.maxScore, seconds(e.durationMs), null, '', 'Tạm thời']
      })
    }
  }
  yield (await store.read(disqualifiedEntries(round)))
    .map((e) => ['', e.fullName, vnDay(e.dateOfBirth), e.phone, e.unitName, e.score, e.maxScore, seconds(e.durationMs), null, '', `Truất quyền: ${e.disqualifyReason ?? ''}`])
}

function* unitTable(round: RoundRow, direct: RoundBoard['direct']): Program<Row[]> {
  const units = yield* listUnitRows(round.contestId)
  const codes = new Map((yield* all<{ id: string; code: string }>('SELECT id, code FROM units WHERE contest_id = ?', round.contestId)).map((u) => [u.id, u.code]))
  return rankUnits(unitStatsFromDirect(units, direct)).map((u) => [
    u.rank, codes.get(u.unitId) ?? '', u.unitName, u.participants, u.headcount,
    u.participationRate == null ? null : Math.round(u.participationRate * 10000) / 100, u.attempts, Math.round(u.meanScore * 100) / 100, u.perfectScores,
  ])
}

export function resultsCsvStream(t: ResultsExport): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const parts = (async function* () {
    yield `${CSV_BOM}${csvLine(RANK_HEADER)}`
    for await (const batch of rankingBatches(t)) yield batch.map(csvRow).join('')
    yield `\r\n${csvLine(['Thống kê đơn vị'])}${csvLine(UNIT_HEADER)}${t.units.map(csvRow).join('')}`
    yield `\r\n${csvLine(['Mã kiểm toán (audit head)', t.auditHead])}`
  })()
  return new ReadableStream({
    async pull(controller) {
      const next = await parts.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(next.value))
    },
  })
}

// Rows are written a database page at a time and the zip streams out as it goes; the writer waits whenever
// the client is slower and gives the event loop a turn between pages, so other requests are still served.
export function resultsXlsxStream(t: ResultsExport): ReadableStream<Uint8Array> {
  const out = new PassThrough()
  writeResultsXlsx(t, out).catch((err) => out.destroy(err instanceof Error ? err : new Error(String(err))))
  return Readable.toWeb(out) as ReadableStream<Uint8Array>
}

async function writeResultsXlsx(t: ResultsExport, out: PassThrough): Promise<void> {
  const xlsx = new XlsxStreamWriter(out)
  const ranking = async function* () {
    yield [RANK_HEADER]
    yield* rankingBatches(t)
  }
  await xlsx.sheet('Xếp hạng', ranking(), { headerRows: 1 })
  await xlsx.sheet('Đơn vị', [[UNIT_HEADER, ...t.units]], { headerRows: 1 })
  await xlsx.sheet('Thông tin', [[['Đợt thi', t.round.title], ['Kết quả', t.final ? 'Chính thức (đã chốt)' : 'Tạm thời'], ['Mã kiểm toán (audit head)', t.auditHead]]])
  await xlsx.finish()
}

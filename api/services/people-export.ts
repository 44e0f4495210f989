import { PassThrough, Readable } from 'node:stream'
import type { Store } from '../../db/store'
import { XlsxStreamWriter, type XlsxRow } from '../formats/xlsx-stream-writer'
import { CSV_BOM, csvLine, decimalComma, type CsvCell } from '../lib/csv'
import { hanoiDate, vnDay } from '../lib/time'
import type { PersonRow } from '../schemas/people'
import { peopleBatch, type PeopleFilter } from './people-list'

export const PEOPLE_HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Số điện thoại', 'Đơn vị', 'Ngày đăng ký', 'Số lượt đã thi', 'Điểm cao nhất']
const BATCH = 2000

// A date of birth is a calendar day already ("1990-05-01"); a registration is an instant, shown on its Hà Nội day.
function cells(p: PersonRow, n: number, score: (s: number) => CsvCell): XlsxRow {
  return [n, p.fullName, vnDay(p.dateOfBirth), p.phone, p.unitName, hanoiDate(p.registeredAt), p.attempts, p.bestScore == null ? '' : score(p.bestScore)]
}

// The filtered list a batch at a time, numbered from 1.
async function* batches(store: Store, contestId: string, filter: PeopleFilter, score: (s: number) => CsvCell): AsyncGenerator<XlsxRow[]> {
  let n = 0
  for (let after = 0; ;) {
    const { rows, last } = await store.read(peopleBatch(contestId, filter, after, BATCH))
    if (!rows.length) return
    after = last
    yield rows.map((p) => cells(p, ++n, score))
  }
}

export function peopleCsvStream(store: Store, contestId: string, filter: PeopleFilter): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const parts = (async function* () {
    yield `${CSV_BOM}${csvLine(PEOPLE_HEADER)}`
    for await (const rows of batches(store, contestId, filter, decimalComma)) yield rows.map((r) => csvLine([...r])).join('')
  })()
  return new ReadableStream({
    async pull(controller) {
      const next = await parts.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(next.value))
    },
  })
}

export function peopleXlsxStream(store: Store, contestId: string, filter: PeopleFilter): ReadableStream<Uint8Array> {
  const out = new PassThrough()
  const write = async () => {
    const xlsx = new XlsxStreamWriter(out)
    const sheet = async function* () {
      yield [PEOPLE_HEADER]
      yield* batches(store, contestId, filter, (s) => s)
    }
    await xlsx.sheet('Thí sinh', sheet(), { headerRows: 1 })
    await xlsx.finish()
  }
  write().catch((err) => out.destroy(err instanceof Error ? err : new Error(String(err))))
  return Readable.toWeb(out) as ReadableStream<Uint8Array>
}

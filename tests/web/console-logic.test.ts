import { describe, expect, it } from 'vitest'
import type { RoundSummary } from '../../api/schemas/wire'
import { activityTotals, fillBuckets } from '../../web/pages/admin/activity-buckets'
import { countsByCell, shortfalls } from '../../web/pages/admin/bank-counts'
import { initialState, toBody } from '../../web/pages/admin/round-fields'
import { unitRow } from '../../web/pages/admin/unit-form'

const at = (h: number, m = 0) => new Date(Date.UTC(2026, 2, 9, h, m)).toISOString()

describe('activity buckets', () => {
  it('fills the quiet hours between active ones with zeros, in time order', () => {
    const filled = fillBuckets([{ at: at(4), started: 2, finished: 0 }, { at: at(1), started: 5, finished: 3 }], 60)
    expect(filled.map((b) => [b.at, b.started, b.finished])).toEqual([
      [at(1), 5, 3], [at(2), 0, 0], [at(3), 0, 0], [at(4), 2, 0],
    ])
    expect(activityTotals(filled)).toEqual({ started: 7, finished: 3 })
  })

  it('lines raw instants up on the bucket size and merges them', () => {
    const raw = [
      { at: at(1, 5), started: 1, finished: 0 }, { at: at(1, 40), started: 1, finished: 0 },
      { at: at(1, 20), started: 0, finished: 1 }, { at: at(3, 59), started: 0, finished: 1 },
    ]
    expect(fillBuckets(raw, 60).map((b) => [b.at, b.started, b.finished])).toEqual([[at(1), 2, 1], [at(2), 0, 0], [at(3), 0, 1]])
  })

  it('leaves gaps unfilled when filling would draw more bars than the chart can hold', () => {
    const far = [{ at: at(0), started: 1, finished: 1 }, { at: new Date(Date.UTC(2026, 5, 1)).toISOString(), started: 1, finished: 0 }]
    expect(fillBuckets(far, 15)).toHaveLength(2)
    expect(fillBuckets([], 60)).toEqual([])
  })
})

describe('unit rows sent to the upsert', () => {
  it('an edit states every field, so emptying the parent or headcount clears them', () => {
    expect(JSON.parse(JSON.stringify(unitRow(' CB-TH ', ' Chi bộ ', '', '', true)))).toEqual({ code: 'CB-TH', name: 'Chi bộ', parentCode: null, headcount: null })
    expect(unitRow('CB-TH', 'Chi bộ', 'DBK', '20', true)).toEqual({ code: 'CB-TH', name: 'Chi bộ', parentCode: 'DBK', headcount: 20 })
  })

  it('a new unit leaves empty fields out', () => {
    expect(JSON.parse(JSON.stringify(unitRow('CB-HC', 'Chi bộ Hành chính', '', '', false)))).toEqual({ code: 'CB-HC', name: 'Chi bộ Hành chính' })
  })
})

describe('round form unit prizes', () => {
  const round = {
    id: 'r1', contestId: 'c1', number: 1, title: 'Tuần 1', opensAt: at(1), closesAt: at(20), status: 'scheduled', questionCount: 5, timeLimitSec: 600,
    maxAttempts: 3, graceSec: 3, prediction: { enabled: false, target: null }, tiebreak: ['duration'], prizes: [{ name: 'Giải Nhất', count: 1 }],
    unitPrizes: [{ name: 'Đơn vị xuất sắc', count: 2 }], freezeAt: null, finalizedAt: null, predictionTruth: null, reviewKeys: 'protect', blueprint: [],
  } satisfies RoundSummary

  it('loads the round\'s unit prizes and sends them back trimmed', () => {
    const s = initialState(round)
    expect(s.unitPrizes).toEqual([{ name: 'Đơn vị xuất sắc', count: 2 }])
    s.unitPrizes = [...s.unitPrizes, { name: '  Giải tập thể Nhì ', count: 1 }, { name: '', count: 1 }]
    expect(toBody(s).unitPrizes).toEqual([{ name: 'Đơn vị xuất sắc', count: 2 }, { name: 'Giải tập thể Nhì', count: 1 }])
  })

  it('removing every unit prize sends an empty list, so an edit can clear them', () => {
    const s = initialState(round)
    s.unitPrizes = []
    expect(toBody(s).unitPrizes).toEqual([])
  })
})

describe('bank counts for the blueprint builder', () => {
  const counts = countsByCell([{ topic: 'dai-hoi-13', difficulty: 1, count: 4 }, { topic: 'dai-hoi-13', difficulty: 2, count: 3 }, { topic: 'imported', difficulty: 2, count: 5 }])

  it('sums each cell into its topic, its difficulty and the whole bank, with 0 for empty cells', () => {
    expect(counts.get('dai-hoi-13|1')).toBe(4)
    expect(counts.get('dai-hoi-13|')).toBe(7)
    expect(counts.get('|2')).toBe(8)
    expect(counts.get('|')).toBe(12)
    expect(counts.get('imported|3')).toBe(0)
  })

  it('names what the bank cannot fill', () => {
    expect(shortfalls([{ topic: 'dai-hoi-13', difficulty: 2, count: 3 }, { topic: 'imported', difficulty: '', count: 5 }], counts)).toEqual([])
    expect(shortfalls([{ topic: 'dai-hoi-13', difficulty: 2, count: 4 }], counts)).toEqual([expect.stringContaining('cần 4, ngân hàng có 3')])
  })
})

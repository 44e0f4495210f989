import { describe, expect, it } from 'vitest'
import type { Unit } from '../../api/schemas/wire'
import { searchUnitRows, unitTreeRows, visibleUnitRows } from '../../web/lib/unit-tree-rows'

const u = (id: string, name: string, parentId: string | null, headcount: number | null = null): Unit => ({ id, code: id.toUpperCase(), name, parentId, headcount })
// Invented units: a province, two districts, communes under one of them.
const UNITS = [
  u('t', 'Tỉnh Thử', null),
  u('h1', 'Huyện Một', 't'),
  u('x1', 'Xã Đông', 'h1', 120),
  u('x2', 'Xã Tây', 'h1', 80),
  u('h2', 'Huyện Hai', 't', 50),
  u('x3', 'Xã Nam', 'h2', 999),
  u('e', 'Đơn vị trống', null),
]

describe('unit tree rows', () => {
  it('gives a parent without a headcount the sum of its subtree, keeps an own headcount, and null when nothing below has one', () => {
    const rows = Object.fromEntries(unitTreeRows(UNITS).map((r) => [r.unit.id, [r.members, r.summed, r.path]]))
    expect(rows).toEqual({
      t: [250, true, ''], h1: [200, true, 'Tỉnh Thử'], x1: [120, false, 'Tỉnh Thử › Huyện Một'], x2: [80, false, 'Tỉnh Thử › Huyện Một'],
      h2: [50, false, 'Tỉnh Thử'], x3: [999, false, 'Tỉnh Thử › Huyện Hai'], e: [null, false, ''],
    })
  })

  it('searches without diacritics keeping the units above each match, and folds subtrees', () => {
    const rows = unitTreeRows(UNITS)
    const found = searchUnitRows(rows, 'xa dong')
    expect(found.rows.map((r) => r.unit.id)).toEqual(['t', 'h1', 'x1'])
    expect([...found.matched]).toEqual(['x1'])
    expect(visibleUnitRows(rows, new Set(['h1'])).map((r) => r.unit.id)).toEqual(['t', 'h1', 'h2', 'x3', 'e'])
    expect(visibleUnitRows(rows, new Set(['t'])).map((r) => r.unit.id)).toEqual(['t', 'e'])
  })
})

import { describe, expect, it } from 'vitest'
import { likelyDuplicates } from '../../api/rules/duplicates'

const person = (id: string, phone: string, over: { nameFolded?: string; dateOfBirth?: string; unitId?: string } = {}) => ({
  id,
  phone,
  nameFolded: 'nguyen van an',
  dateOfBirth: '1980-05-01',
  unitId: 'u1',
  ...over,
})

describe('likelyDuplicates', () => {
  it('flags people with the same name, birth date and unit under different phones', () => {
    const groups = likelyDuplicates([person('a', '0912345678'), person('b', '0987654321'), person('c', '0911111111', { nameFolded: 'tran thi binh' })])
    expect(groups).toEqual([{ key: 'nguyen van an|1980-05-01|u1', participantIds: ['a', 'b'] }])
  })

  it('does not flag the same phone written two ways', () => {
    expect(likelyDuplicates([person('a', '0912345678'), person('b', '+84 912 345 678')])).toEqual([])
  })

  it('needs all three of name, birth date and unit to match', () => {
    const people = [
      person('a', '0912345678'),
      person('b', '0987654321', { unitId: 'u2' }),
      person('c', '0977777777', { dateOfBirth: '1980-05-02' }),
      person('d', '0966666666', { nameFolded: 'nguyen van anh' }),
    ]
    expect(likelyDuplicates(people)).toEqual([])
  })

  it('ignores spacing differences in the folded name and lists every member once', () => {
    const groups = likelyDuplicates([person('a', '0912345678'), person('b', '0987654321', { nameFolded: ' nguyen  van an ' }), person('a', '0912345678')])
    expect(groups).toHaveLength(1)
    expect(groups[0].participantIds).toEqual(['a', 'b'])
  })
})

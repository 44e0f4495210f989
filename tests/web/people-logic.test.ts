import { describe, expect, it } from 'vitest'
import { parseDay } from '../../web/lib/day-input'
import { fillDays } from '../../web/pages/admin/activity-buckets'

describe('parseDay (dd/mm/yyyy typed in the people filters)', () => {
  it('reads a Vietnamese date, whatever the browser language, and refuses one that does not exist', () => {
    expect(parseDay('05/03/2026')).toBe('2026-03-05')
    expect(parseDay(' 5/3/2026 ')).toBe('2026-03-05')
    expect(parseDay('')).toBe('')
    expect(parseDay('31/02/2026')).toBeNull()
    expect(parseDay('2026-03-05')).toBeNull()
    expect(parseDay('03/13/2026')).toBeNull()
  })
})

describe('fillDays', () => {
  it('puts the quiet days between two active ones in as zeros, across a month end', () => {
    const zero = (day: string) => ({ day, n: 0 })
    expect(fillDays([{ day: '2026-02-27', n: 2 }, { day: '2026-03-02', n: 5 }], zero)).toEqual([
      { day: '2026-02-27', n: 2 }, { day: '2026-02-28', n: 0 }, { day: '2026-03-01', n: 0 }, { day: '2026-03-02', n: 5 },
    ])
    expect(fillDays([{ day: '2026-03-02', n: 1 }], zero)).toEqual([{ day: '2026-03-02', n: 1 }])
  })
})
